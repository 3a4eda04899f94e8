import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { headersFile } from "./content-security-policy.ts";
import { sitePagesDir } from "./project-paths.ts";

/**
 * The pages that are not content (home, search, 404, accessibility statement, listings) live in
 * site/pages and are added as virtual templates, so every content folder gets them.
 */
export function addVirtualPages(config: UserConfig): void {
  for (const name of readdirSync(sitePagesDir)
    .filter((file) => file.endsWith(".njk"))
    .sort()) {
    config.addTemplate(
      `charterbook-site/${name}`,
      readFileSync(path.join(sitePagesDir, name), "utf8"),
    );
  }
  config.addTemplate("charterbook-site/_headers.njk", headersFile, {
    permalink: "/_headers",
    eleventyExcludeFromCollections: true,
  });
}
