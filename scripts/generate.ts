/**
 * `npm run generate`: writes the files derived from `schemas/` (TypeScript types,
 * the front-matter reference and the content editor's configuration). `--check` writes nothing and exits 1 when a
 * derived file is stale, so `npm test` catches a schema edited without regenerating.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import prettier from "prettier";
import { parseFlags, runCommand } from "./cli/usage-error.ts";
import { contentTypes } from "./content/content-types.ts";
import { readSchemas } from "./content/schema-check.ts";
import { cmsConfigYaml, generateCmsConfig } from "./cms/cms-config.ts";
import { generateFrontMatterReference } from "./generate/front-matter-reference.ts";
import { generateSchemaTypes } from "./generate/schema-types.ts";
import {
  generateSchemaValidators,
  schemaValidatorsDeclaration,
} from "./generate/schema-validators.ts";

const usage = "Usage: npm run generate [-- --check]";
const about = `Writes the TypeScript types, docs/front-matter.md and the content editor's site/admin/config.yml from schemas/; --check only reports stale files.`;
const root = fileURLToPath(new URL("../", import.meta.url));

async function formatted(relativePath: string, text: string): Promise<string> {
  const filepath = root + relativePath;
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...options, filepath });
}

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    { check: { type: "boolean", default: false } },
    usage,
    about,
  );
  const schemas = readSchemas();
  // The validators' code is written as ajv emits it: formatting 200 KB of generated code would
  // only slow every check down, and nobody reads it.
  const outputs: [string, string, "format" | "as-is"][] = [
    ["scripts/content/schema-types.ts", await generateSchemaTypes(contentTypes, schemas), "format"],
    ["docs/front-matter.md", generateFrontMatterReference(contentTypes, schemas), "format"],
    ["scripts/content/schema-validators.generated.js", generateSchemaValidators(schemas), "as-is"],
    ["scripts/content/schema-validators.generated.d.ts", schemaValidatorsDeclaration, "format"],
    ["site/admin/config.yml", cmsConfigYaml(generateCmsConfig(contentTypes, schemas)), "format"],
  ];

  let stale = 0;
  for (const [relativePath, text, style] of outputs) {
    const expected = style === "format" ? await formatted(relativePath, text) : text;
    const current = await readFile(root + relativePath, "utf8").catch(() => undefined);
    if (current === expected) continue;
    if (values.check) {
      console.error(
        `${relativePath} is out of date with schemas/. Run npm run generate and commit the result.`,
      );
      stale++;
    } else {
      await writeFile(root + relativePath, expected);
      console.log(`Wrote ${relativePath}`);
    }
  }
  if (values.check && stale === 0) console.log(`${outputs.length} generated files are up to date.`);
  return stale > 0 ? 1 : 0;
});
