import type { HTTPRequest, Page } from "puppeteer-core";

/** True when the browser may load this URL while printing: only the served site itself. */
export function isSiteRequest(url: string, origin: string): boolean {
  if (url === "about:blank") return true;
  // Images and fonts inlined by the page's own CSS; they reach nothing outside the page.
  if (url.startsWith("data:")) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.origin === origin;
}

/**
 * Aborts every request the page makes outside the served site (another origin, file://, a
 * link-local address) and collects them, so the caller can report what content tried to reach.
 */
export async function lockDownPage(page: Page, origin: string): Promise<Set<string>> {
  const blocked = new Set<string>();
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isSiteRequest(url, origin)) {
      void request.continue();
      return;
    }
    blocked.add(url);
    void request.abort("blockedbyclient");
  });
  return blocked;
}
