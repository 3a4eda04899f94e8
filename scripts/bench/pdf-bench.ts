/**
 * PDF benchmark. Builds three sites (the example content, and one synthetic
 * community whose guide prints to about 50 and about 200 pages), then:
 *
 * 1. Breakdown, with one browser from launchBrowser(): launch; page load
 *    (goto until load, then document.fonts.ready); pagination (page.pdf() of
 *    page 1 only: Chrome lays out the whole document into pages to print any
 *    of them, so this is layout plus one page of output); page.pdf() of the
 *    whole document.
 * 2. Per-page time in the first and last quarter of the long guide: page.pdf()
 *    of pages 1..q and of pages n-q+1..n, minus the page-1 time, divided by the
 *    q-1 extra pages; median of three.
 * 3. End to end: renderPdfs() on each site in a child process, counting the
 *    Chromium browser processes it starts (one launch per build is a target).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page, PDFOptions } from "puppeteer-core";
import { launchBrowser } from "../pdf/find-browser.ts";
import { pageRules } from "../pdf/page-rules.ts";
import { renderSite } from "../build/pipeline.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { measure } from "./measure.ts";
import { median } from "./report.ts";
import type { PdfDocumentTiming, PdfResults } from "./results.ts";
import { serveStatic, type StaticServer } from "./serve-static.ts";
import { repositoryRoot } from "./variants.ts";

const needed = [
  "scripts/pdf/render-pdfs.ts",
  "scripts/pdf/print-pages.ts",
  "scripts/site/run-eleventy.ts",
];

/** Modules the PDF benchmark needs that do not exist yet. */
export function pdfNeeds(): string[] {
  return needed.filter((file) => !existsSync(path.join(repositoryRoot, file)));
}

/**
 * A first guess at how the synthetic guide's length grows: the cover, contents, charter, ground
 * rules and templates take a fixed number of pages, and each chapter adds a few. The guess is
 * corrected from the pages actually printed.
 */
const fixedPagesGuess = 15;
const pagesPerChapterGuess = 4.5;

interface PdfSite {
  name: string;
  contentDir: string;
  siteDir: string;
  printPath: string;
}

/** The options renderPdfs() prints with (scripts/pdf/render-pdfs.ts, printPdf). */
const pdfOptions: PDFOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  timeout: 300_000,
};

export async function benchPdf(options: {
  workDir: string;
  log?: (line: string) => void;
}): Promise<PdfResults> {
  const log = options.log ?? (() => {});
  const pdfDir = path.join(options.workDir, "pdf");
  await mkdir(pdfDir, { recursive: true });

  const example: PdfSite = {
    name: "Example guide (advanced-mental-health)",
    contentDir: path.join(repositoryRoot, "content"),
    siteDir: path.join(pdfDir, "site-example"),
    printPath: "/print/communities/advanced-mental-health/",
  };
  await renderSite({
    contentDir: example.contentDir,
    outputDir: example.siteDir,
    printPages: true,
  });

  const launchStarted = performance.now();
  const browser = await launchBrowser();
  const launchMs = performance.now() - launchStarted;
  log(`  PDF: browser launch ${Math.round(launchMs)} ms`);
  const documents: PdfDocumentTiming[] = [];
  const sites: PdfSite[] = [example];
  let perPage: PdfResults["perPage"];
  try {
    documents.push(await timeDocument(browser, example));
    for (const target of [50, 200]) {
      const { site, timing } = await syntheticGuide(browser, pdfDir, target, log);
      sites.push(site);
      documents.push(timing);
      if (target === 200) perPage = await perPageTimes(browser, site, timing.pages);
    }
  } finally {
    await browser.close();
  }

  let launches = 0;
  let renderPdfs: PdfResults["renderPdfs"];
  for (const site of sites) {
    const run = await measure(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(repositoryRoot, "scripts/bench/render-pdfs-child.ts"),
        site.contentDir,
        site.siteDir,
      ],
      { cwd: repositoryRoot, countProcesses: isBrowserProcess },
    );
    if (run.exitCode !== 0)
      throw new Error(`renderPdfs() failed on ${site.name}:\n${run.stderr.trim()}`);
    const rendered = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      file: string;
      pages: number;
      ms: number;
    }[];
    launches = Math.max(launches, run.matchedProcesses);
    const guide = rendered.find((pdf) => pdf.file.endsWith("-guide.pdf"));
    const timing = documents.find((d) => d.name === site.name);
    if (timing && guide) timing.renderPdfsMs = guide.ms;
    if (site === example) {
      renderPdfs = {
        ms: run.ms,
        files: rendered.length,
        pages: rendered.reduce((sum, pdf) => sum + pdf.pages, 0),
      };
    }
    log(
      `  PDF: renderPdfs() on ${site.name}: ${rendered.length} files in ${Math.round(run.ms)} ms, ${run.matchedProcesses} browser launch(es)`,
    );
  }
  return {
    launchMs,
    launches,
    documents,
    ...(perPage ? { perPage } : {}),
    ...(renderPdfs ? { renderPdfs } : {}),
  };
}

/**
 * The browser process itself: its helpers run the same binary with --type=renderer, --type=zygote
 * and so on, and the crash handler is another binary.
 */
export function isBrowserProcess(commandLine: string, parentCommandLine: string): boolean {
  const isChromium = (line: string) =>
    /^(chromium|chromium-browser|chrome|google-chrome|headless_shell)$/.test(
      path.basename(line.split(" ")[0] ?? ""),
    );
  // A child forked by the browser shows the browser's command line until it execs itself as a
  // helper; its parent gives it away.
  return (
    isChromium(commandLine) && !commandLine.includes("--type=") && !isChromium(parentCommandLine)
  );
}

/** Builds a one-community site whose guide prints to about `target` pages, correcting the chapter count once. */
async function syntheticGuide(
  browser: Browser,
  pdfDir: string,
  target: number,
  log: (line: string) => void,
): Promise<{ site: PdfSite; timing: PdfDocumentTiming }> {
  let chapters = Math.max(1, Math.round((target - fixedPagesGuess) / pagesPerChapterGuess));
  let previous: { chapters: number; pages: number } | undefined;
  for (let attempt = 1; ; attempt++) {
    const contentDir = path.join(pdfDir, `content-${target}`);
    const corpus = await generateCorpus({
      contentDir,
      pages: { communities: 1, chapters, templates: 3 },
    });
    const site: PdfSite = {
      name: `Synthetic guide, about ${target} pages`,
      contentDir,
      siteDir: path.join(pdfDir, `site-${target}`),
      printPath: `/print/communities/${corpus.communitySlugs[0]}/`,
    };
    await renderSite({ contentDir, outputDir: site.siteDir, printPages: true });
    const timing = await timeDocument(browser, site);
    log(
      `  PDF: ${site.name}: ${chapters} chapters gave ${timing.pages} pages in ${Math.round(timing.totalMs)} ms`,
    );
    const off = Math.abs(timing.pages - target) / target;
    if (off <= 0.1 || attempt === 3) return { site, timing };
    // A secant step: pages per chapter from the last two attempts, the guess before that.
    const slope =
      previous && previous.chapters !== chapters
        ? (timing.pages - previous.pages) / (chapters - previous.chapters)
        : pagesPerChapterGuess;
    previous = { chapters, pages: timing.pages };
    chapters = Math.max(1, chapters + Math.round((target - timing.pages) / Math.max(1, slope)));
  }
}

async function openPrintPage(
  browser: Browser,
  site: PdfSite,
): Promise<{ page: Page; server: StaticServer; loadMs: number }> {
  const server = await serveStatic(site.siteDir);
  const page = await browser.newPage();
  // As renderPdfs() does: the page's CSP forbids inline style, and the running header and footer are added as a style tag.
  await page.setBypassCSP(true);
  const started = performance.now();
  const response = await page.goto(`${server.url}${site.printPath}`, { waitUntil: "load" });
  if (!response?.ok()) {
    await page.close();
    await server.close();
    throw new Error(
      `${site.printPath} answered ${response?.status() ?? "nothing"} in ${site.siteDir}: the site has no print page for it. ` +
        "Check that eleventy.config.ts registers scripts/pdf/print-pages.ts.",
    );
  }
  const title = await page.title();
  await page.addStyleTag({
    content: pageRules({ header: title, footer: "Version 1.0, approved" }),
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, server, loadMs: performance.now() - started };
}

async function timeDocument(browser: Browser, site: PdfSite): Promise<PdfDocumentTiming> {
  const { page, server, loadMs } = await openPrintPage(browser, site);
  try {
    let started = performance.now();
    await page.pdf({ ...pdfOptions, pageRanges: "1" });
    const paginateMs = performance.now() - started;
    started = performance.now();
    const pdf = await page.pdf(pdfOptions);
    const pdfMs = performance.now() - started;
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return {
      name: site.name,
      pages,
      bytes: pdf.byteLength,
      loadMs,
      paginateMs,
      pdfMs,
      totalMs: loadMs + paginateMs + pdfMs,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

async function perPageTimes(
  browser: Browser,
  site: PdfSite,
  pages: number,
): Promise<NonNullable<PdfResults["perPage"]>> {
  const { page, server } = await openPrintPage(browser, site);
  const quarter = Math.max(2, Math.floor(pages / 4));
  const time = async (pageRanges: string) => {
    const started = performance.now();
    await page.pdf({ ...pdfOptions, pageRanges });
    return performance.now() - started;
  };
  try {
    const first: number[] = [];
    const last: number[] = [];
    for (let i = 0; i < 3; i++) {
      const one = await time("1");
      first.push((await time(`1-${quarter}`)) - one);
      last.push((await time(`${pages - quarter + 1}-${pages}`)) - one);
    }
    return {
      document: `${site.name} (${pages} pages)`,
      firstQuarterMs: median(first) / (quarter - 1),
      lastQuarterMs: median(last) / (quarter - 1),
      method:
        `page.pdf() of pages 1-${quarter} and of pages ${pages - quarter + 1}-${pages}, each minus page.pdf() of page 1 ` +
        `(which pays for laying out the whole document), divided by the ${quarter - 1} extra pages; median of 3.`,
    };
  } finally {
    await page.close();
    await server.close();
  }
}
