import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import charterbookSite from "./scripts/site/index.ts";
import { layoutsDir } from "./scripts/site/project-paths.ts";

/**
 * Eleventy's settings. Its input is the project's own pages (site/pages); the content arrives as
 * the site model from scripts/site/run-eleventy.ts, which `npm run build` and `npm start` call and
 * which applies this file. Eleventy never reads content/.
 */
export const config = {
  templateFormats: ["njk"],
} as const;

export default function (eleventyConfig: UserConfig): void {
  // Eleventy resolves includes against the input folder.
  eleventyConfig.setIncludesDirectory(path.relative(eleventyConfig.directories.input, layoutsDir));
  eleventyConfig.addPlugin(charterbookSite);
}
