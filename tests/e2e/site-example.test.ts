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
import type { SiteModel } from "../../scripts/model/site-model.ts";
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
let model: SiteModel;
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
  model = (await validateContent(path.resolve("content"))).model!;
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
    // A copy of the version in force (versions/0.4/) is the same text as charter.md: one parse each.
    const sameText = (file: (typeof content.files)[number]) =>
      content.files.filter((other) => other.body === file.body && other.type.name !== "site");
    for (const file of content.files.filter((f) => f.type.name !== "site")) {
      // Each body is parsed once, though it is rendered on its page and in every community's guide.
      expect(
        markdownParses.filter((text) => text === file.body),
        file.relativePath,
      ).toHaveLength(sameText(file).length);
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
    // A guide per community, the draft's guide, an earlier version, three templates.
    expect(result.pdfs.length).toBe(7);
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

  it("shows every version of each charter's history, with dates as 16 November 2021, each linked to its text", async () => {
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
      const shown = model.communities.find((c) => c.slug === charter.community)!.charter!;
      for (const row of history) {
        const version = shown.version(row.version);
        // The version shown on the page is not a link to itself; those not kept have no page.
        expect(table).toContain(
          version && version !== (shown.inForce ?? shown.pendingDraft)
            ? `<th scope="row"><a href="${version.url}">${row.version}<span class="visually-hidden">: read version ${row.version}</span></a></th>`
            : `<th scope="row">${row.version}</th>`,
        );
      }
      expect(table).toMatch(
        /<td>\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}<\/td>/,
      );
    }
  });

  it("shows the version in force on each charter's page, and a draft on a page of its own", async () => {
    const northEast = await read("communities/north-east/charter/index.html");
    expect(northEast).toContain("This page shows version 0.1, the version in force.");
    expect(northEast).toContain("The group meets online every two months.");
    expect(northEast).not.toContain("The group meets four times a year");
    const draft = await read("communities/north-east/charter/0.2/index.html");
    expect(draft).toContain("Proposal: version 0.2 is not yet approved");
    expect(draft).toContain("The group meets four times a year");
    expect(draft).toContain('<a href="/communities/north-east/charter/0.2/changes/">');
    const older = await read("communities/advanced-mental-health/charter/0.3/index.html");
    expect(older).toContain("Superseded by 0.4 on 4 January 2022");
    const approved = await read("communities/advanced-mental-health/charter/index.html");
    expect(approved).not.toMatch(/Proposal|Superseded|Draft, not yet approved/);
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
