/**
 * Search payload: serves the built site on 127.0.0.1, opens its search page in
 * headless Chromium and runs five fixed queries one after another, counting the
 * requests and transferred bytes each query causes (Chrome DevTools Protocol
 * Network events, encodedDataLength). The page's own load is not counted; the
 * first query includes loading Pagefind's script, WebAssembly and index.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, CDPSession, Page } from "puppeteer-core";
import { launchBrowser } from "../pdf/find-browser.ts";
import type { SearchQueryPayload, SearchResults } from "./results.ts";
import { serveStatic } from "./serve-static.ts";

/** Words every synthetic corpus and the example content use, so each query finds pages. */
export const searchQueries = [
  "reflective practice",
  "ground rules",
  "steering group",
  "evaluation survey",
  "peer moderators",
];

/** Pagefind's default UI, or a search page of our own that marks its results. */
const inputSelector = 'input[type="search"], .pagefind-ui__search-input';
const resultSelector = ".pagefind-ui__result, [data-search-result]";

export async function benchSearchPayload(options: {
  siteDir: string;
  size: number;
  queries?: readonly string[];
  log?: (line: string) => void;
}): Promise<SearchResults> {
  const log = options.log ?? (() => {});
  const server = await serveStatic(options.siteDir);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const searchPath = existsSync(path.join(options.siteDir, "search", "index.html"))
      ? "/search/"
      : "/";
    await page.goto(`${server.url}${searchPath}`, { waitUntil: "networkidle0" });
    if (!(await page.$(inputSelector))) {
      throw new Error(
        `The page ${searchPath} of the built site has no search box (${inputSelector}).`,
      );
    }
    const network = await watchNetwork(page);
    const queries: SearchQueryPayload[] = [];
    for (const query of options.queries ?? searchQueries) {
      network.reset();
      await page.$eval(
        inputSelector,
        (input, text) => {
          const field = input as HTMLInputElement;
          field.focus();
          // The whole query at once, as a paste: typing letter by letter would add a search per debounce window.
          field.value = text;
          field.dispatchEvent(new Event("input", { bubbles: true }));
        },
        query,
      );
      await page.waitForNetworkIdle({ idleTime: 600, timeout: 30_000 });
      const results = await page.$$eval(resultSelector, (nodes) => nodes.length);
      queries.push({ query, ...network.totals(), results });
      log(
        `  search "${query}": ${network.totals().requests} requests, ${(network.totals().bytes / 1024).toFixed(1)} KB, ${results} results`,
      );
    }
    await network.session.detach();
    return { size: options.size, queries };
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function watchNetwork(page: Page): Promise<{
  session: CDPSession;
  reset(): void;
  totals(): { requests: number; bytes: number };
}> {
  const session = await page.createCDPSession();
  await session.send("Network.enable");
  let requests = new Set<string>();
  let bytes = 0;
  session.on("Network.requestWillBeSent", (event) => {
    if (!event.request.url.startsWith("data:")) requests.add(event.requestId);
  });
  session.on("Network.loadingFinished", (event) => {
    if (requests.has(event.requestId)) bytes += event.encodedDataLength;
  });
  return {
    session,
    reset() {
      requests = new Set();
      bytes = 0;
    },
    totals: () => ({ requests: requests.size, bytes }),
  };
}
