import { readFile } from "node:fs/promises";
import { Eleventy } from "@11ty/eleventy";
import printPages from "../../scripts/pdf/print-pages.ts";
import {
  allowTypeScriptConfig,
  describeEleventyError,
  eleventyConfigPath,
} from "../../scripts/site/run-eleventy.ts";

/**
 * Builds a content folder into outputDir with the site's Eleventy config, adding the print pages
 * plugin when the config does not register it yet, so the PDF tests run while the site is built.
 */
export async function buildSiteForPdfs(contentDir: string, outputDir: string): Promise<void> {
  allowTypeScriptConfig();
  const configText = await readFile(eleventyConfigPath, "utf8");
  const registered = configText.includes("print-pages");
  const eleventy = new Eleventy(contentDir, outputDir, {
    source: "script",
    runMode: "build",
    configPath: eleventyConfigPath,
    quietMode: true,
    ...(registered ? {} : { config: (config) => config.addPlugin(printPages) }),
  });
  try {
    await eleventy.write();
  } catch (error) {
    throw new Error(describeEleventyError(error), { cause: error });
  }
}
