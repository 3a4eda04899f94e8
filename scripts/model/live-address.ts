import type { Site } from "../content/schema-types.ts";

/**
 * The public address of a page of the site, from site.yaml's url (which includes any base path,
 * such as https://example.github.io/charterbook/); undefined when the site has no url.
 * @param path a path of the site, such as /communities/north-east/charter/0.2/
 */
export function liveAddress(site: Site, path: string): string | undefined {
  if (!site.url) return undefined;
  const base = site.url.endsWith("/") ? site.url : `${site.url}/`;
  return new URL(path.replace(/^\//, ""), base).href;
}
