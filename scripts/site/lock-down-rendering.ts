import type { UserConfig } from "@11ty/eleventy";

/**
 * Eleventy renders the project's own Nunjucks layouts and pages, nothing else: no Markdown engine
 * (content Markdown was rendered from the model), no data files, and every value escaped unless
 * a filter marks it safe HTML.
 */
export function lockDownRendering(config: UserConfig): void {
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // The input folder is site/pages; its data cascade is the project's, but none is wanted.
  config.setUseGitIgnore(false);
}
