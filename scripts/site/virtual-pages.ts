import type { UserConfig } from "@11ty/eleventy";
import { headersFile } from "./content-security-policy.ts";

/** `_headers`, for hosts that read one (Netlify, Cloudflare Pages): the policy and its friends. */
export function addHeadersFile(config: UserConfig): void {
  config.addTemplate("charterbook/_headers.njk", headersFile, {
    permalink: "/_headers",
    eleventyExcludeFromCollections: true,
  });
}
