import { readFile, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import markdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { build, type BuildResult } from "../../scripts/build/pipeline.ts";
import { loadContent } from "../../scripts/content/load-content.ts";
import { readSchemas } from "../../scripts/content/schema-check.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { findMarkdownFields } from "../../scripts/model/markdown-fields.ts";
import { launchChromium } from "./helpers/browser.ts";
import { htmlFiles } from "./helpers/site-tree.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";

// Every YAML document the build parses, to prove each content file is parsed once per build.
const yamlParses = vi.hoisted(() => ({ texts: [] as string[], counting: false }));
vi.mock("yaml", async (importOriginal) => {
  const yaml = await importOriginal<typeof import("yaml")>();
  const parseDocument = ((...args: Parameters<typeof yaml.parseDocument>) => {
    if (yamlParses.counting) yamlParses.texts.push(String(args[0]));
    return yaml.parseDocument(...args);
  }) as typeof yaml.parseDocument;
  return { ...yaml, parseDocument };
});
const markdownParses: string[] = [];

const axeSource = await readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

let work: string;
let site: string;
let pages: string[];
let result: BuildResult;
let browser: Browser;
let server: StaticServer;

const read = (file: string) => readFile(path.join(site, file), "utf8");
const urlOf = (file: string) => "/" + file.replace(/index\.html$/, "");

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-site-"));
  site = path.join(work, "_site");
  const originalParse = markdownIt.prototype.parse;
  const parse = vi.spyOn(markdownIt.prototype, "parse").mockImplementation(function (
    this: ReturnType<typeof markdownIt>,
    src,
    env,
  ) {
    markdownParses.push(src);
    return originalParse.call(this, src, env);
  });
  yamlParses.counting = true;
  result = await build({ contentDir: path.resolve("content"), outputDir: site, pdf: true });
  yamlParses.counting = false;
  parse.mockRestore();
  // Includes print/, the pages the PDFs are printed from: they are published too.
  pages = await htmlFiles(site);
  server = await serveSite(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the example site", () => {
  it("reads and parses each content file once per build, for the site, the print pages and the PDFs", async () => {
    const content = await validateContent(path.resolve("content"));
    const yamlFiles = content.files.length;
    expect(yamlParses.texts).toHaveLength(yamlFiles);
    expect(new Set(yamlParses.texts).size).toBe(yamlFiles);
    // Each body is parsed once, though it is rendered on its page and in every community's guide.
    for (const file of content.files.filter((f) => f.type.name !== "site")) {
      expect(
        markdownParses.filter((text) => text === file.body),
        file.relativePath,
      ).toHaveLength(1);
    }
    // And nothing else: one parse per body and one per distinct Markdown value of a file.
    const values = content.files.map(
      (file) =>
        new Set(findMarkdownFields(file.type.schema, file.data, readSchemas()).map((f) => f.text))
          .size,
    );
    expect(markdownParses).toHaveLength(content.files.length + values.reduce((a, b) => a + b, 0));
  });

  it("builds every page and PDF", () => {
    expect(result.pages).toBeGreaterThan(25);
    // Two community guides, six templates, a completed example and two publications.
    expect(result.pdfs.length).toBe(11);
    expect(pages).toContain("index.html");
    expect(pages).toContain("404.html");
  });

  it("carries the Content-Security-Policy on every page, and no inline script or handler", async () => {
    for (const file of pages) {
      const html = await read(file);
      expect(html, file).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';`,
      );
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        expect(tag, file).toMatch(/\ssrc="\//);
      expect(html, file).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html, file).not.toMatch(
        /(src|href)="(https?:)?\/\/(?!www\.w3\.org\/2000\/svg)[^"]*\.(js|css|woff2?)"/,
      );
    }
    expect(await read("_headers")).toContain("Content-Security-Policy: default-src 'self'");
  });

  it("has no broken internal link, asset or fragment", async () => {
    const broken: string[] = [];
    for (const file of pages) {
      const html = await read(file);
      for (const [, target] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        if (/^(https?:|mailto:|tel:|data:)/.test(target!)) continue;
        const [pathPart, fragment] = target!.replace(/&amp;/g, "&").split("#");
        const resolved = pathPart
          ? new URL(pathPart, `http://site${urlOf(file)}`).pathname
          : urlOf(file);
        const onDisk = path.join(
          site,
          decodeURIComponent(resolved),
          resolved.endsWith("/") ? "index.html" : "",
        );
        if (!existsSync(onDisk)) {
          broken.push(`${file}: ${target}`);
          continue;
        }
        if (fragment && onDisk.endsWith(".html")) {
          const targetHtml = await readFile(onDisk, "utf8");
          if (!targetHtml.includes(`id="${fragment}"`))
            broken.push(`${file}: ${target} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("shows every version of each charter's history, with dates as 16 November 2021", async () => {
    const content = await loadContent(path.resolve("content"));
    const charters = content.files.filter((file) => file.type.name === "charter");
    expect(charters.length).toBeGreaterThan(0);
    for (const charter of charters) {
      const html = await read(`communities/${charter.community}/charter/index.html`);
      const table = html.slice(
        html.indexOf('<table class="version-history">'),
        html.indexOf("</table>", html.indexOf('<table class="version-history">')),
      );
      const history = charter.data.version_history as { version: string }[];
      expect(table.match(/<tr>\s*<th scope="row">/g)).toHaveLength(history.length);
      for (const row of history) expect(table).toContain(`<th scope="row">${row.version}</th>`);
      expect(table).toMatch(
        /<td>\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}<\/td>/,
      );
    }
  });

  it("puts the draft banner on draft charters only", async () => {
    const content = await loadContent(path.resolve("content"));
    for (const charter of content.files.filter((file) => file.type.name === "charter")) {
      const html = await read(`communities/${charter.community}/charter/index.html`);
      if (charter.data.status === "draft") expect(html).toContain("Draft, not yet approved");
      else expect(html).not.toContain("Draft, not yet approved");
    }
  });

  it("links each template's PDF with its size filled in", async () => {
    const html = await read("templates/terms-of-reference/index.html");
    expect(html).toMatch(
      /<a href="\/pdf\/template-terms-of-reference\.pdf" data-pdf-link>Download the PDF <span data-pdf-size="pdf\/template-terms-of-reference\.pdf">PDF, \d+ KB, \d+ pages?<\/span><\/a>/,
    );
  });
});

describe("in Chromium", () => {
  it("finds a ground rule's page first when searching for a word from it", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=confidential`, { waitUntil: "networkidle0" });
    await page.waitForSelector(".pagefind-ui__result-link", { timeout: 15_000 });
    const first = await page.$eval(
      ".pagefind-ui__result-link",
      (a) => (a as HTMLAnchorElement).pathname,
    );
    expect(first).toMatch(/^\/communities\/[^/]+\/ground-rules\/$/);
    await page.waitForFunction(() =>
      document.getElementById("search-status")?.textContent?.includes("result"),
    );
    await page.close();
  }, 30_000);

  it("sends the header search box to the search page with the query", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: "networkidle0" });
    await page.type("#site-search", "roadmap");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/search/?q=roadmap");
    await page.close();
  });

  it("filters topics by tag without reloading", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/topics/`, { waitUntil: "networkidle0" });
    const total = await page.$$eval(".topic", (items) => items.length);
    await page.click(".topic-filter input");
    const visible = await page.$$eval(".topic:not([hidden])", (items) => items.length);
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(total);
    expect(await page.$eval("#topic-count", (el) => el.textContent)).toMatch(
      /^Showing \d+ of \d+ topics/,
    );
    await page.close();
  });

  it.each([
    [1280, 900],
    [390, 844],
  ])(
    "axe finds no violation on any page at %ix%i, and no request is refused by the policy",
    async (width, height) => {
      const violations: string[] = [];
      for (const file of pages) {
        const page = await browser.newPage();
        page.on("console", (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text()))
            violations.push(`${file}: ${message.text()}`);
        });
        await page.setViewport({ width, height });
        await page.goto(`${server.origin}${urlOf(file)}`, { waitUntil: "networkidle0" });
        await page.evaluate(axeSource);
        const found = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(options: object): Promise<{
                  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
                }>;
              };
            }
          ).axe;
          const run = await axe.run({
            runOnly: {
              type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
          });
          return run.violations.map(
            (v) =>
              `${v.id}: ${v.help} (${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")})`,
          );
        });
        violations.push(...found.map((v) => `${file}: ${v}`));
        await page.close();
      }
      expect(violations).toEqual([]);
    },
    240_000,
  );
});

describe("hostile content", () => {
  let hostileSite: string;
  beforeAll(async () => {
    hostileSite = path.join(work, "hostile");
    await build({
      contentDir: path.resolve("tests/fixtures/site-hostile"),
      outputDir: hostileSite,
      pdf: false,
    });
  });

  it("is shown as text: no element, handler or script link reaches the page", async () => {
    const html = await readFile(path.join(hostileSite, "guide/hostile/index.html"), "utf8");
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    expect(main).not.toMatch(/<(script|img|iframe|svg|style|body|div style)\b/i);
    expect(main).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(main).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(main).toContain("&lt;script&gt;");
  });

  it("keeps template syntax literal", async () => {
    const html = await readFile(path.join(hostileSite, "guide/hostile/index.html"), "utf8");
    expect(html).toContain("{{ 7*7 }}");
    expect(html).not.toContain(" 49 ");
    expect(html).toContain("{{ site.title }}");
  });
});
