import { cp, readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import type { Browser, Page } from "puppeteer-core";
import markdownIt, { type MarkdownIt } from "markdown-it";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as esbuild from "esbuild";
import { build, renderSite, type BuildResult } from "../../scripts/build/pipeline.ts";
import { loadContent } from "../../scripts/content/load-content.ts";
import { readSchemas } from "../../scripts/content/schema-check.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { findMarkdownFields } from "../../scripts/model/markdown-fields.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { launchChromium } from "./helpers/browser.ts";
import { exampleBuild, exampleToday } from "./helpers/example-build.ts";
import { auditPages, auditWidths, type PageAudit } from "./helpers/page-audit.ts";
import { htmlFiles } from "./helpers/site-tree.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";

// Every YAML document the build parses, with either reader (js-yaml for plain data, `yaml` for
// the rest), to prove each content file is parsed once per build.
const yamlParses = vi.hoisted(() => ({ texts: [] as string[], counting: false }));
vi.mock("yaml", async (importOriginal) => {
  const yaml = await importOriginal<typeof import("yaml")>();
  const parseDocument = ((...args: Parameters<typeof yaml.parseDocument>) => {
    if (yamlParses.counting) yamlParses.texts.push(String(args[0]));
    return yaml.parseDocument(...args);
  }) as typeof yaml.parseDocument;
  return { ...yaml, parseDocument };
});
vi.mock("js-yaml", async (importOriginal) => {
  const jsYaml = await importOriginal<typeof import("js-yaml")>();
  const load = ((...args: Parameters<typeof jsYaml.load>) => {
    if (yamlParses.counting) yamlParses.texts.push(String(args[0]));
    return jsYaml.load(...args);
  }) as typeof jsYaml.load;
  return { ...jsYaml, load };
});
const markdownParses: string[] = [];

let work: string;
let site: string;
let pages: string[];
let result: BuildResult;
let model: SiteModel;
let browser: Browser;
let server: StaticServer;

/**
 * The content editor (Decap CMS) at /admin/ is exempt from the site's policy: Decap compiles its
 * configuration's checks at run time and styles itself with inline styles, so its page carries a
 * policy of its own (scripts/cms/admin-site.ts) that allows exactly that.
 */
const editorPage = "admin/index.html";

const read = (file: string) => readFile(path.join(site, file), "utf8");
/** The example's public address (url in content/site.yaml), without its final slash. */
const siteUrl = "https://communities.example.org";
const urlOf = (file: string) => "/" + file.replace(/index\.html$/, "");
/** The site's own pages, without the print pages the PDFs are printed from. */
const sitePages = () => pages.filter((file) => !file.startsWith("print/"));

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-site-"));
  // The example as npm run build makes it, PDFs included: built once for every file that reads it.
  const example = await exampleBuild();
  site = example.siteDir;
  result = example.result;
  model = (await validateContent(path.resolve("content"))).model!;
  // Includes print/, the pages the PDFs are printed from: they are published too. The one page
  // left out is the content editor's, which tests/e2e/cms-editor.test.ts checks.
  pages = (await htmlFiles(site)).filter((file) => file !== editorPage);
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
    // The stages that read content, as a build with PDFs runs them: validation, then the site
    // with its print pages. The PDF stage cannot parse: the next test shows it holds no parser.
    vi.stubEnv("CHARTERBOOK_TODAY", exampleToday);
    const prototype = markdownIt.prototype as MarkdownIt;
    const originalParse = prototype.parse;
    const parse = vi.spyOn(prototype, "parse").mockImplementation(function (
      this: MarkdownIt,
      ...args: Parameters<MarkdownIt["parse"]>
    ) {
      markdownParses.push(args[0]);
      return originalParse.apply(this, args);
    });
    yamlParses.counting = true;
    try {
      await renderSite({
        contentDir: path.resolve("content"),
        outputDir: path.join(work, "counted"),
        printPages: true,
      });
    } finally {
      yamlParses.counting = false;
      parse.mockRestore();
      vi.unstubAllEnvs();
    }
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

  it("prints the PDFs from the rendered print pages, with no Markdown or YAML parser in the PDF stage", async () => {
    // Everything the PDF stage (scripts/pdf/render-pdfs.ts) can run, as esbuild resolves it.
    const bundled = await esbuild.build({
      entryPoints: [path.resolve("scripts/pdf/render-pdfs.ts")],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    const inputs = Object.values(bundled.metafile.inputs);
    const packages = new Set(
      inputs.flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)),
    );
    expect(packages).toContain("puppeteer-core");
    for (const parser of ["markdown-it", "yaml", "js-yaml"]) expect(packages).not.toContain(parser);
    // Nor the loader: it prints the jobs the model holds, from pages already rendered.
    const modules = Object.keys(bundled.metafile.inputs);
    expect(modules.filter((file) => file.startsWith("scripts/content/"))).toEqual([]);
  });

  it("builds every page and PDF", () => {
    expect(result.pages).toBeGreaterThan(25);
    // Per community its guide, charter and ground rules (2 x 3); the draft's guide beside the
    // guide in force and an earlier version's charter; six templates, a completed example and
    // two publications.
    expect(result.pdfs.length).toBe(17);
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
    // The one exemption, with its own policy: nothing else is allowed there either.
    expect(await read(editorPage)).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline';`,
    );
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

describe("what readers of public-sector pages expect", () => {
  it("shows a charter past its review date as overdue, in words, and never as plainly approved", async () => {
    const html = await read("communities/advanced-mental-health/charter/index.html");
    expect(html).toContain(
      '<p class="banner__title" id="review-banner-title">Review overdue since 30 April 2022</p>',
    );
    expect(html).toContain(
      '<strong class="status-tag status-tag--overdue">Review overdue</strong>',
    );
    expect(html).not.toContain("status-tag--approved");
    // North East's proposal is due for review by 31 March 2027.
    const proposal = await read("communities/north-east/charter/0.2/index.html");
    expect(proposal).not.toContain("Review overdue");
  });

  it("shows the version in force while a draft waits, and names it on the draft's own pages", async () => {
    for (const file of ["charter", "ground-rules"]) {
      const html = await read(`communities/north-east/${file}/index.html`);
      expect(html, file).toContain("This page shows version 0.1, the version in force.");
      const proposal = await read(`communities/north-east/${file}/0.2/index.html`);
      expect(proposal, file).toContain(
        "Version 0.1, approved on 21 April 2026, stays in force until this proposal is approved",
      );
    }
    expect(await read("communities/north-east/charter/0.2/index.html")).toContain(
      "<dt>In force</dt><dd>Version 0.1, approved on 21 April 2026 by Community members</dd>",
    );
  });

  it("gives the ground rules the version and dates of the charter they are governed with", async () => {
    const html = await read("communities/advanced-mental-health/ground-rules/index.html");
    expect(html).toContain("<dt>Charter version</dt><dd>0.4</dd>");
    expect(html).toContain(
      "<dt>Last approval</dt><dd>Version 0.4, approved on 4 January 2022 by Steering group</dd>",
    );
  });

  it('ends each governed page with "Last reviewed" and "Next review due"', async () => {
    const expected = {
      "communities/advanced-mental-health": [
        "4 January 2022 (version 0.4 approved)",
        "30 April 2022 (overdue)",
      ],
      "communities/north-east": [
        "21 April 2026 (version 0.1 approved)",
        "31 October 2026 (overdue)",
      ],
    };
    for (const [community, [reviewed, due]] of Object.entries(expected)) {
      for (const file of ["charter", "ground-rules"]) {
        const html = await read(`${community}/${file}/index.html`);
        expect(html, file).toContain(`<dt>Last reviewed:</dt><dd>${reviewed}</dd>`);
        expect(html, file).toContain(`<dt>Next review due:</dt><dd>${due}</dd>`);
      }
    }
  });

  it("lists the guide's topics, roadmap, phases and principles in the main menu of every page", async () => {
    for (const file of sitePages()) {
      const html = await read(file);
      const menu = html.slice(html.indexOf('<ul class="site-nav__list"'), html.indexOf("</ul>"));
      for (const url of ["/guide/", "/topics/", "/roadmap/", "/phases/", "/principles/"])
        expect(menu, file).toContain(`href="${url}"`);
    }
  });

  it("never links the breadcrumb to the page the reader is on", async () => {
    for (const file of sitePages()) {
      const html = await read(file);
      const start = html.indexOf('<nav class="breadcrumbs');
      if (start === -1) continue;
      const trail = html.slice(start, html.indexOf("</nav>", start));
      expect(trail, file).not.toContain(`href="${urlOf(file)}"`);
      expect(trail, file).not.toContain("aria-current");
    }
  });

  it("has a report-a-problem email on every page, naming the page in its subject", async () => {
    for (const file of sitePages()) {
      const html = await read(file);
      const url = encodeURIComponent(siteUrl + urlOf(file));
      expect(html, file).toMatch(
        new RegExp(
          `<a href="mailto:communities@example\\.org\\?subject=Problem%20with%20the%20page%3A%20[^"]+%20\\(${url.replace(/[.%]/g, "\\$&")}\\)">Report a problem with this page</a>`,
        ),
      );
    }
  });

  it("offers every PDF in another format, by email naming the document", async () => {
    let links = 0;
    for (const file of sitePages()) {
      const html = await read(file);
      for (const [, block] of html.matchAll(/<div class="pdf-link"[^>]*>([\s\S]*?)<\/div>/g)) {
        links += 1;
        expect(block, file).toMatch(/data-pdf-link>/);
        expect(block, file).toMatch(
          /<a href="mailto:accessibility@example\.org\?subject=Accessible%20format%20request%3A%20[^"]+">Ask for it in another format<\/a>/,
        );
      }
    }
    expect(links).toBeGreaterThan(5);
  });

  it("ends long pages with a link back to the top, and every document page with a print button", async () => {
    for (const file of ["roadmap/index.html", "communities/north-east/charter/index.html"]) {
      const html = await read(file);
      expect(html, file).toContain('<a class="page-tools__top" href="#top">Back to top</a>');
      expect(html, file).toContain(
        '<button class="page-tools__print" type="button" data-print-page>Print this page</button>',
      );
    }
  });

  it("describes every page for link previews (Open Graph), with its full address from site.yaml's url", async () => {
    for (const file of sitePages()) {
      const html = await read(file);
      for (const property of ["og:title", "og:description", "og:type", "og:site_name"])
        expect(html, file).toContain(`<meta property="${property}" content="`);
      expect(html, file).toContain(`<meta property="og:url" content="${siteUrl}${urlOf(file)}">`);
      expect(html, file).toContain(`<link rel="canonical" href="${siteUrl}${urlOf(file)}">`);
    }
  });

  it("keeps telephone numbers on one line", async () => {
    let numbers = 0;
    for (const file of sitePages()) {
      const html = await read(file);
      for (const [link] of html.matchAll(/<a [^>]*href="tel:[^>]*>[^<]*<\/a>/g)) {
        numbers += 1;
        expect(link, file).toMatch(/^<a class="phone" href="tel:\+\d+">[^ -]+<\/a>$/);
      }
    }
    expect(numbers).toBeGreaterThan(2);
  });

  it("names the UK enforcement route in the accessibility statement of an en-GB site, with the date it was tested", async () => {
    const html = await read("accessibility/index.html");
    expect(html).toContain(
      "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
    );
    expect(html).toContain("Equality Advisory and Support Service (EASS)");
    expect(html).toContain(
      "This site was last tested on 14 October 2026 against the WCAG 2.2 AA standard.",
    );
    expect(html).not.toContain("358");
  });

  it("passes html-validate's recommended rules on every page, print pages included", async () => {
    const configs = (await import(path.resolve(".htmlvalidate.mjs"))) as {
      default: ConfigData;
      printPages: ConfigData;
    };
    const site = new HtmlValidate(configs.default);
    const print = new HtmlValidate(configs.printPages);
    const errors: string[] = [];
    for (const file of pages) {
      const validator = file.startsWith("print/") ? print : site;
      const report = await validator.validateString(await read(file), file);
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(
            `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
    }
    expect(errors).toEqual([]);
  });
});

describe("in Chromium", () => {
  const open = async (url: string, width = 1280) => {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle0" });
    return page;
  };
  const results = (page: Page) =>
    page.$$eval(".search-result", (items) =>
      items.map((item) => ({
        title: item.querySelector(".search-result__link")?.textContent,
        href: (item.querySelector(".search-result__link") as HTMLAnchorElement).pathname,
        meta: item.querySelector(".search-result__meta")?.textContent ?? "",
      })),
    );

  it("finds a ground rule's page first when searching for a word from it", async () => {
    const page = await open("/search/?q=confidential");
    await page.waitForSelector(".search-result__link", { timeout: 15_000 });
    expect((await results(page))[0]!.href).toMatch(/^\/communities\/[^/]+\/ground-rules\/$/);
    await page.waitForFunction(() =>
      document.getElementById("search-status")?.textContent?.includes("result"),
    );
    await page.close();
  }, 30_000);

  it("tells results with the same title apart by their type and community, on a page with one search box", async () => {
    const page = await open("/search/?q=terms+of+reference");
    await page.waitForSelector(".search-result__link", { timeout: 15_000 });
    const same = (await results(page)).filter((result) => result.title === "Terms of Reference");
    expect(same.map((result) => result.meta).sort()).toEqual([
      "Charter · North East Engagement and Recovery Community of Practice",
      "Template",
    ]);
    expect(await page.$$eval('input[type="search"]', (inputs) => inputs.length)).toBe(1);
    // A result's title is a link and looks like one: underlined, in the link colour.
    const style = await page.$eval(".search-result__link", (a) => ({
      line: getComputedStyle(a).textDecorationLine,
      colour: getComputedStyle(a).color,
    }));
    expect(style).toEqual({ line: "underline", colour: "rgb(10, 90, 156)" });
    await page.close();
  }, 30_000);

  it("narrows the results to one community", async () => {
    const page = await open("/search/?q=terms+of+reference");
    await page.waitForSelector(".search-result__link", { timeout: 15_000 });
    await page.select(
      "#search-community",
      "North East Engagement and Recovery Community of Practice",
    );
    await page.waitForFunction(() =>
      document.getElementById("search-status")?.textContent?.includes(" in North East"),
    );
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    for (const result of found) expect(result.meta).toContain("North East Engagement");
    expect(new URL(page.url()).searchParams.get("community")).toBe(
      "North East Engagement and Recovery Community of Practice",
    );
    await page.close();
  }, 30_000);

  it("does not move the page as search results arrive", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    // Cumulative layout shift, as Lighthouse counts it: shifts not caused by the reader's input.
    await page.evaluateOnNewDocument(() => {
      const record = window as unknown as { layoutShift: number };
      record.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) record.layoutShift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${server.origin}/search/?q=reflective+practice`, {
      waitUntil: "networkidle0",
    });
    await page.waitForSelector(".search-result__link", { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift),
    ).toBeLessThan(0.01);
    await page.close();
  }, 30_000);

  it("sends the header search box to the search page with the query", async () => {
    const page = await open("/");
    await page.type("#site-search", "roadmap");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/search/?q=roadmap");
    await page.close();
  });

  it("filters topics by tag without reloading", async () => {
    const page = await open("/topics/");
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

  it("folds the menu behind a button on a phone, and shows it whole on a wide screen", async () => {
    const page = await open("/", 390);
    const state = () =>
      page.evaluate(() => {
        const shown = (element: Element | null) => Boolean(element?.getClientRects().length);
        const toggle = document.querySelector("[data-menu-toggle]");
        return {
          button: shown(toggle),
          expanded: toggle?.getAttribute("aria-expanded"),
          menu: shown(document.querySelector('#site-nav-list a[href="/roadmap/"]')),
        };
      });
    expect(await state()).toEqual({ button: true, expanded: "false", menu: false });
    await page.focus("[data-menu-toggle]");
    await page.keyboard.press("Enter");
    expect(await state()).toEqual({ button: true, expanded: "true", menu: true });
    await page.keyboard.press("Enter");
    expect(await state()).toEqual({ button: true, expanded: "false", menu: false });
    await page.setViewport({ width: 1280, height: 900 });
    expect(await state()).toMatchObject({ button: false, menu: true });
    await page.close();
  });

  it("prints the page from its Print this page button", async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.goto(`${server.origin}/communities/north-east/ground-rules/`, {
      waitUntil: "networkidle0",
    });
    await page.click("[data-print-page]");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
  });

  it("shows each dimension of the roadmap as a card on a phone, with each period named beside its code", async () => {
    const page = await open("/roadmap/", 390);
    const look = () =>
      page.evaluate(() => {
        const row = document.querySelector(".roadmap__row")!;
        const cell = row.querySelector(".roadmap__code")!;
        return {
          row: getComputedStyle(row).display,
          cell: (cell as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
          header: document.querySelector(".roadmap thead")!.getBoundingClientRect().height,
          wide: document.querySelector(".roadmap")!.getBoundingClientRect().width,
        };
      });
    const phone = await look();
    expect(phone).toMatchObject({ row: "grid", cell: "Month 1 1.01", header: 1 });
    expect(phone.wide).toBeLessThanOrEqual(390);
    await page.setViewport({ width: 1280, height: 900 });
    expect(await look()).toMatchObject({ row: "table-row", cell: "1.01" });
    await page.close();
  });
});

describe(`every page at ${auditWidths.join(", ")} px wide`, () => {
  let audits: PageAudit[];
  // Print pages are laid out at the paper's width for Chromium to print: they get every axe rule
  // at about the width of an A4 page (800 px); the pages members read get every width, with
  // overflow and focus measured.
  const readByMembers = (url: string) => !url.startsWith("/print/");

  beforeAll(async () => {
    // The search page twice: empty, and with results (type, community, sections) listed.
    const searched = "/search/?q=terms+of+reference";
    audits = await auditPages(browser, {
      origin: server.origin,
      urls: [...pages.map(urlOf), searched],
      readByMembers,
      widthsFor: (url) => (readByMembers(url) ? auditWidths : [800]),
      waitFor: { [searched]: ".search-result__sections a" },
    });
  }, 240_000);

  it("has no axe-core violation of WCAG 2.2 AA or its best practices", () => {
    expect(audits.flatMap((audit) => audit.axe.map((v) => `${audit.url} ${v}`))).toEqual([]);
  });

  it("makes no request the Content-Security-Policy refuses", () => {
    expect(audits.flatMap((audit) => audit.policy.map((v) => `${audit.url} ${v}`))).toEqual([]);
  });

  it("is never wider than the window (WCAG 1.4.10 reflow)", () => {
    expect(audits.flatMap((audit) => audit.overflow.map((v) => `${audit.url} ${v}`))).toEqual([]);
  });

  it("shows focus on every focusable element visibly, with its text at 4.5:1 or more", () => {
    expect(audits.flatMap((audit) => audit.focus.map((v) => `${audit.url} ${v}`))).toEqual([]);
    // Every page members read has its menu, skip link, search and footer links to focus.
    for (const audit of audits.filter((audit) => readByMembers(audit.url)))
      expect(audit.focused, audit.url).toBeGreaterThan(4 * auditWidths.length);
  });
});

describe("an Irish site with a public address", () => {
  let irish: string;
  beforeAll(async () => {
    const content = path.join(work, "irish-content");
    irish = path.join(work, "irish");
    await cp(path.resolve("tests/fixtures/site-minimal"), content, { recursive: true });
    const settings = await readFile(path.join(content, "site.yaml"), "utf8");
    await writeFile(
      path.join(content, "site.yaml"),
      settings
        .replace("locale: en-GB", "locale: en-IE\nurl: https://communities.example.ie/practice/")
        .replace(/ {2}enforcement: >-[\s\S]*$/, ""),
    );
    await renderSite({ contentDir: content, outputDir: irish });
  });

  it("names the Irish enforcement route in its accessibility statement", async () => {
    const html = await readFile(path.join(irish, "accessibility/index.html"), "utf8");
    for (const words of [
      "(S.I. No. 358 of 2020)",
      "EU Web Accessibility Directive (Directive (EU) 2016/2102)",
      "National Disability Authority</a> monitors",
      "section 38 of the Disability Act 2005",
      "Office of the Ombudsman</a>",
      "Workplace Relations Commission</a> under the Equal Status Acts 2000 to 2018",
      "This site has not yet been tested against the WCAG 2.2 AA standard.",
    ])
      expect(html).toContain(words);
    expect(html).not.toContain("EASS");
  });

  it("gives every page its full address for link previews and search engines", async () => {
    const html = await readFile(path.join(irish, "guide/index.html"), "utf8");
    expect(html).toContain(
      '<meta property="og:url" content="https://communities.example.ie/practice/guide/">',
    );
    expect(html).toContain(
      '<link rel="canonical" href="https://communities.example.ie/practice/guide/">',
    );
    expect(html).toContain('<meta property="og:locale" content="en_IE">');
    expect(html).toContain(
      "subject=Problem%20with%20the%20page%3A%20Guide%20(https%3A%2F%2Fcommunities.example.ie%2Fpractice%2Fguide%2F)",
    );
  });
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
