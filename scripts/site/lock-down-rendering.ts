import type { UserConfig } from "@11ty/eleventy";
import { parseYaml } from "../content/parse-yaml.ts";
import { createMarkdown } from "./markdown.ts";

const refuseCode = () => {
  throw new Error(
    "Front matter written in JavaScript or JSON is refused: content may only hold YAML data, never code that runs.",
  );
};

/**
 * Eleventy renders what validation checked and nothing more: the same YAML parser, no JavaScript
 * front matter, Markdown through markdown-it only (no Liquid or Nunjucks inside content), and
 * Nunjucks layouts that escape every value unless a filter says it is safe HTML.
 */
export function lockDownRendering(config: UserConfig): void {
  config.setFrontMatterParsingOptions({
    language: "yaml",
    engines: {
      yaml: parseYaml,
      // Eleventy 3 turns `---js` on by default; these names all reach a JavaScript engine.
      javascript: refuseCode,
      js: refuseCode,
      jsLegacy: refuseCode,
      json: refuseCode,
    },
  });
  config.addDataExtension("yaml,yml", { parser: parseYaml });
  config.setLibrary("md", createMarkdown());
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  config.addPreprocessor("content-is-markdown-only", "md", (data: Record<string, unknown>) => {
    if ("templateEngineOverride" in data) {
      throw new Error(
        "templateEngineOverride is refused in content: Markdown is rendered by markdown-it only, so template syntax stays literal text.",
      );
    }
  });
}
