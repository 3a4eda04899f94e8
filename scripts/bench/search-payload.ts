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

/** The search page's box, and its live status line: "N results for “query”." once shown. */
const inputSelector = "#search-input";
const statusSelector = "#search-status";

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
    if (!(await page.waitForSelector(inputSelector, { timeout: 10_000 }).catch(() => null))) {
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
      // The status line names the query once its results are shown: the count is read from it,
      // after the network has been quiet, so every file the search fetched is counted.
      await page.waitForFunction(
        (selector, text) => document.querySelector(selector)?.textContent?.includes(`“${text}”`),
        { timeout: 60_000 },
        statusSelector,
        query,
      );
      await page.waitForNetworkIdle({ idleTime: 600, timeout: 30_000 });
      const results = await page.$eval(statusSelector, (status) =>
        Number(/^([\d,]+) results?/.exec(status.textContent ?? "")?.[1]?.replace(/,/g, "") ?? 0),
      );
      const totals = network.totals();
      queries.push({ query, ...totals, results });
      log(
        `  search "${query}": ${totals.requests} requests, ${(totals.bytes / 1024).toFixed(1)} KB, ${results} results; ` +
          Object.entries(totals.byKind)
            .map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)} KB`)
            .join(", "),
      );
    }
    await network.session.detach();
    return { size: options.size, queries };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/**
 * Counts requests and encoded bytes from the page and from every worker it starts: Pagefind
 * searches in a web worker, whose requests the page's own Network domain never sees. Workers
 * are held at start until their Network domain is on, so no early request is missed.
 */
async function watchNetwork(page: Page): Promise<{
  session: CDPSession;
  reset(): void;
  totals(): { requests: number; bytes: number; byKind: Record<string, number> };
}> {
  const session = await page.createCDPSession();
  let requests = new Map<string, string>();
  let bytes = 0;
  let byKind: Record<string, number> = {};
  const track = (target: CDPSession, name: string) => {
    target.on("Network.requestWillBeSent", (event) => {
      if (!event.request.url.startsWith("data:")) {
        requests.set(`${name}:${event.requestId}`, payloadKind(event.request.url));
      }
    });
    target.on("Network.loadingFinished", (event) => {
      const kind = requests.get(`${name}:${event.requestId}`);
      if (kind === undefined) return;
      bytes += event.encodedDataLength;
      byKind[kind] = (byKind[kind] ?? 0) + event.encodedDataLength;
    });
  };
  track(session, "page");
  session.on("Target.attachedToTarget", (event) => {
    const worker = session.connection()?.session(event.sessionId);
    if (!worker) return;
    track(worker, event.sessionId);
    void worker
      .send("Network.enable")
      .then(() => worker.send("Runtime.runIfWaitingForDebugger"))
      .catch(() => {}); // the worker ended before it was watched: nothing of it to count
  });
  await session.send("Network.enable");
  await session.send("Target.setAutoAttach", {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
  return {
    session,
    reset() {
      requests = new Map();
      bytes = 0;
      byKind = {};
    },
    totals: () => ({ requests: requests.size, bytes, byKind: { ...byKind } }),
  };
}

/** Groups Pagefind's files by what they hold: script, WebAssembly, metadata, index chunks, filters, result fragments. */
export function payloadKind(url: string): string {
  const { pathname } = new URL(url);
  const extension = /\.(pf_[a-z]+|pagefind|js|json|css)$/.exec(pathname)?.[1];
  if (extension === "pagefind") return "wasm";
  return extension ?? "other";
}
