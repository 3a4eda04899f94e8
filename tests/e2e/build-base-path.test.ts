import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../scripts/build/pipeline.ts";
import { serveSite, type ServedSite } from "../../scripts/pdf/serve-site.ts";
import { launchChromium } from "./helpers/browser.ts";
import { htmlFiles } from "./helpers/site-tree.ts";

// A GitHub Pages project site is served at https://owner.github.io/<repository>/.
const basePath = "/charterbook/";

let work: string;
let site: string;
let server: ServedSite;
let browser: Browser;
let result: BuildResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-base-path-"));
  site = path.join(work, "_site");
  // The example without its public address (url in site.yaml), as a site is before it has one.
  const contentDir = path.join(work, "content");
  await cp(path.resolve("content"), contentDir, { recursive: true });
  const siteYaml = path.join(contentDir, "site.yaml");
  await writeFile(siteYaml, (await readFile(siteYaml, "utf8")).replace(/^url: .*\n/m, ""));
  result = await build({ contentDir, outputDir: site, pdf: true, basePath });
  server = await serveSite(site, basePath);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe("a site without a public address", () => {
  it("names no address for link previews or search engines, and warns once that PDFs go without one", async () => {
    for (const file of await htmlFiles(site)) {
      const html = await readFile(path.join(site, file), "utf8");
      expect(html, file).not.toContain("og:url");
      expect(html, file).not.toContain('rel="canonical"');
    }
    expect(result.warnings.filter((warning) => warning.code === "no-site-url")).toHaveLength(1);
  });
});

describe("a site built for a base path", () => {
  it("links every page and asset under the base path, and each link resolves", async () => {
    const problems: string[] = [];
    for (const file of await htmlFiles(site)) {
      const html = await readFile(path.join(site, file), "utf8");
      for (const [, target] of html.matchAll(/\s(?:href|src|action)="(\/[^"#]*)/g)) {
        if (!target!.startsWith(basePath)) {
          problems.push(`${file}: ${target} is outside ${basePath}`);
          continue;
        }
        const inSite = decodeURIComponent(target!.slice(basePath.length).split("?")[0]!);
        const onDisk = path.join(
          site,
          inSite,
          inSite === "" || inSite.endsWith("/") ? "index.html" : "",
        );
        if (!existsSync(onDisk)) problems.push(`${file}: ${target} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("prints the PDFs from the prefixed print pages and links them with their size", async () => {
    const html = await readFile(path.join(site, "templates/terms-of-reference/index.html"), "utf8");
    expect(html).toMatch(
      /<a href="\/charterbook\/pdf\/template-terms-of-reference\.pdf" data-pdf-link(="")?>Download the PDF <span data-pdf-size="pdf\/template-terms-of-reference\.pdf">PDF, \d+ KB, \d+ pages?<\/span>/,
    );
  });

  it("searches in Chromium, and the first result opens its page with no failed request", async () => {
    const failed: string[] = [];
    const page = await browser.newPage();
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on("requestfailed", (request) => failed.push(`failed ${request.url()}`));
    await page.goto(`${server.siteUrl}/search/?q=confidential`, { waitUntil: "networkidle0" });
    await page.waitForSelector(".search-result__link", { timeout: 15_000 });
    const first = await page.$eval(".search-result__link", (a) => (a as HTMLAnchorElement).href);
    expect(new URL(first).pathname).toMatch(/^\/charterbook\/communities\/[^/]+\/ground-rules\/$/);
    await page.goto(first, { waitUntil: "networkidle0" });
    expect(await page.$eval("h1", (h1) => h1.textContent)).toMatch(/rules/i);
    expect(failed).toEqual([]);
    await page.close();
  }, 30_000);
});
