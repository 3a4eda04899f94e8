import { readFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { parseYaml } from "../content/parse-yaml.ts";
import { metaContentSecurityPolicy } from "./content-security-policy.ts";

/**
 * Global data: `site` from the content folder's site.yaml (read on every build, so the preview
 * picks up edits) and the page's Content-Security-Policy.
 */
export function addSiteData(config: UserConfig): void {
  config.addGlobalData("site", async () =>
    parseYaml(await readFile(path.join(config.directories.input, "site.yaml"), "utf8")),
  );
  config.addGlobalData("contentSecurityPolicy", metaContentSecurityPolicy);
}
