/**
 * Bare Eleventy 3: the same Markdown with one minimal Nunjucks layout and no
 * plugins, run through a tiny generated config file. The config file is what
 * keeps the project's own eleventy.config.ts from being picked up.
 * Markdown is not preprocessed as Liquid (Eleventy's default), because ours
 * never runs content as a template either; comparing against the slower
 * default would flatter our numbers.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { VariantOptions, VariantResult } from "./variant.ts";

const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title or name }}</title></head>
<body><main>
<h1>{{ title or name }}</h1>
{{ content | safe }}
</main></body>
</html>
`;

export async function run({
  contentDir,
  outputDir,
  workDir,
}: VariantOptions): Promise<VariantResult> {
  const includesDir = path.join(workDir, "bare-eleventy-includes");
  const configPath = path.join(workDir, "bare-eleventy.config.mjs");
  await mkdir(includesDir, { recursive: true });
  await writeFile(path.join(includesDir, "base.njk"), layout);
  await writeFile(
    configPath,
    `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "base.njk");
  return {
    dir: { input: ${JSON.stringify(contentDir)}, includes: ${JSON.stringify(path.relative(contentDir, includesDir))}, output: ${JSON.stringify(outputDir)} },
    templateFormats: ["md"],
    markdownTemplateEngine: false,
  };
}
`,
  );
  const eleventy = new Eleventy(contentDir, outputDir, { configPath, quietMode: true });
  const written = await eleventy.write();
  return { pages: countPages(written) };
}

/** Eleventy resolves write() with one entry per output file, wrapped in an array by some versions. */
function countPages(written: unknown): number {
  const flat = Array.isArray(written) ? written.flat(2) : [];
  return flat.filter(
    (entry) => typeof entry === "object" && entry !== null && "outputPath" in entry,
  ).length;
}
