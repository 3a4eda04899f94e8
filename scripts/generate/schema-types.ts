import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { ContentType } from "../content/content-types.ts";
import { inlineRefs, type JsonSchema } from "./inline-refs.ts";

/** The TypeScript name of each content type's front matter, as other modules import it. */
export const typeNames: Record<ContentType["name"], string> = {
  site: "Site",
  community: "Community",
  charter: "Charter",
  "ground-rules": "GroundRules",
  "charter-version": "CharterVersionFile",
  "ground-rules-version": "GroundRulesVersionFile",
  chapter: "Chapter",
  template: "Template",
  example: "Example",
  publication: "Publication",
  topics: "Topics",
  roadmap: "Roadmap",
  phases: "Phases",
  principles: "Principles",
};

const banner = `/**
 * Types of each content type's data, generated from \`schemas/\` by \`npm run generate\`.
 * Do not edit: change the schema and run the generator (\`npm test\` fails when this file is stale).
 */
`;

/** The content type whose schema a schema is, when it is nothing but a `$ref` to a whole schema. */
export function sameFieldsAs(
  schema: JsonSchema,
  types: readonly ContentType[],
): ContentType | undefined {
  const ref = schema.$ref;
  if (typeof ref !== "string" || "properties" in schema) return undefined;
  return types.find((type) => type.schema === ref);
}

/** Generates one TypeScript module declaring an interface per content type. */
export async function generateSchemaTypes(
  types: readonly ContentType[],
  schemas: ReadonlyMap<string, JsonSchema>,
): Promise<string> {
  const definitions = schemas.get("definitions.schema.json") ?? {};
  const parts: string[] = [];
  for (const type of types) {
    const original = schemas.get(type.schema) ?? {};
    // A schema that is another content type's (an approved version is a charter) names its type.
    const sameAs = sameFieldsAs(original, types);
    if (sameAs) {
      parts.push(
        `/** ${String(original.title)}: the fields of ${typeNames[sameAs.name]}. */\nexport type ${typeNames[type.name]} = ${typeNames[sameAs.name]};\n`,
      );
      continue;
    }
    const schema = inlineRefs(original, definitions, schemas);
    // The interface is named after the content type, not the schema's human title.
    const { $id: _id, $schema: _dialect, ...rest } = schema;
    const named = { ...rest, title: typeNames[type.name] };
    parts.push(
      await compile(named as JSONSchema, typeNames[type.name], {
        bannerComment: "",
        additionalProperties: false,
        declareExternallyReferenced: true,
        format: false,
        // minItems/maxItems would otherwise become tuple types of every allowed length.
        ignoreMinAndMaxItems: true,
        strictIndexSignatures: true,
        unknownAny: true,
      }),
    );
  }
  return banner + "\n" + parts.join("\n");
}
