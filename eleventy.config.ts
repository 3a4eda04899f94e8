import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import charterbookSite from "./scripts/site/index.ts";
import { layoutsDir } from "./scripts/site/project-paths.ts";

/**
 * Eleventy's settings. The input and output folders come from scripts/site/run-eleventy.ts
 * (content/ and _site/ for `npm run build`; tests and the bench pass their own): a `dir` here
 * would override them.
 */
export const config = {
  templateFormats: ["md", "njk"],
  // Content is Markdown rendered by markdown-it only: `{{ }}` and `{% %}` in it stay literal text.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};

export default function (eleventyConfig: UserConfig): void {
  // Eleventy resolves includes against the input folder, which changes between builds.
  eleventyConfig.setIncludesDirectory(path.relative(eleventyConfig.directories.input, layoutsDir));
  eleventyConfig.addPlugin(charterbookSite);
}
