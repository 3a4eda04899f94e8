import { runEleventy } from "../../scripts/site/run-eleventy.ts";

/** Builds a content folder into outputDir with the site's Eleventy config and the print pages. */
export async function buildSiteForPdfs(contentDir: string, outputDir: string): Promise<void> {
  await runEleventy({ contentDir, outputDir, printPages: true });
}
