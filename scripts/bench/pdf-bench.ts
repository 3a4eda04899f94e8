/**
 * PDF benchmark. Builds three sites (the example content, and one synthetic community whose guide
 * prints to about 50 and about 200 pages), then:
 *
 * 1. End to end: renderPdfs() on each site in a child process, as a build runs it, counting the
 *    Chromium browser processes it starts (one launch per build is a target) and taking the time
 *    it reports for the guide (a 200-page guide in under 10 s is a target).
 * 2. Per-page time in the first and last quarter of the long guide: page.pdf() of pages 1..q and
 *    of pages n-q+1..n, minus the page-1 time, divided by the q-1 extra pages; median of three
 *    (the last quarter no slower than 1.5 times the first is a target).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page, PDFOptions } from "puppeteer-core";
import { launchBrowser } from "../pdf/find-browser.ts";
import { pageRules } from "../pdf/page-rules.ts";
import { renderSite } from "../build/pipeline.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { measure } from "./measure.ts";
import { median } from "./report.ts";
import type { PdfDocumentTiming, PdfResults } from "./results.ts";
import { serveStatic, type StaticServer } from "./serve-static.ts";
import { launch, repositoryRoot } from "./variants.ts";

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

  let launches = 0;
  const documents: PdfDocumentTiming[] = [];
  const printAll = async (site: PdfSite) => {
    const run = await printSite(site);
    launches = Math.max(launches, run.launches);
    documents.push({
      name: site.name,
      pages: run.guide.pages,
      bytes: run.guide.bytes,
      renderPdfsMs: run.guide.ms,
    });
    log(
      `  PDF: renderPdfs() on ${site.name}: ${run.files.length} files in ${Math.round(run.ms)} ms, guide ${run.guide.pages} pages in ${Math.round(run.guide.ms)} ms, ${run.launches} browser launch(es)`,
    );
    return run;
  };
  const exampleRun = await printAll(example);
  const renderPdfs: PdfResults["renderPdfs"] = {
    ms: exampleRun.ms,
    files: exampleRun.files.length,
    pages: exampleRun.files.reduce((sum, pdf) => sum + pdf.pages, 0),
  };
  let perPage: PdfResults["perPage"];
  for (const target of [50, 200]) {
    const site = await syntheticGuide(pdfDir, target, printAll, log);
    if (target === 200) {
      const browser = await launchBrowser();
      try {
        perPage = await perPageTimes(browser, site, documents.at(-1)!.pages);
      } finally {
        await browser.close();
      }
    }
  }
  return { launches, documents, ...(perPage ? { perPage } : {}), renderPdfs };
}

interface PrintedSite {
  ms: number;
  launches: number;
  files: { file: string; pages: number; bytes: number; ms: number }[];
  guide: { pages: number; bytes: number; ms: number };
}

/** renderPdfs() on a built site in a child process, as a build runs it. */
async function printSite(site: PdfSite): Promise<PrintedSite> {
  const run = await measure(
    process.execPath,
    launch("bench/render-pdfs-child", site.contentDir, site.siteDir),
    { cwd: repositoryRoot, countProcesses: isBrowserProcess },
  );
  if (run.exitCode !== 0)
    throw new Error(`renderPdfs() failed on ${site.name}:\n${run.stderr.trim()}`);
  const files = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as PrintedSite["files"];
  const guide = files.find((pdf) => pdf.file.endsWith("-guide.pdf"));
  if (!guide) throw new Error(`renderPdfs() printed no guide for ${site.name}.`);
  return { ms: run.ms, launches: run.matchedProcesses, files, guide };
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

/** Builds and prints a one-community site whose guide prints to about `target` pages, correcting the chapter count from what was printed. */
async function syntheticGuide(
  pdfDir: string,
  target: number,
  printAll: (site: PdfSite) => Promise<PrintedSite>,
  log: (line: string) => void,
): Promise<PdfSite> {
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
    const pages = (await printSite(site)).guide.pages;
    log(`  PDF: ${site.name}: ${chapters} chapters gave ${pages} pages`);
    if (Math.abs(pages - target) / target <= 0.1 || attempt === 3) {
      await printAll(site);
      return site;
    }
    // A secant step: pages per chapter from the last two attempts, the guess before that.
    const slope =
      previous && previous.chapters !== chapters
        ? (pages - previous.pages) / (chapters - previous.chapters)
        : pagesPerChapterGuess;
    previous = { chapters, pages };
    chapters = Math.max(1, chapters + Math.round((target - pages) / Math.max(1, slope)));
  }
}

async function openPrintPage(
  browser: Browser,
  site: PdfSite,
): Promise<{ page: Page; server: StaticServer }> {
  const server = await serveStatic(site.siteDir);
  const page = await browser.newPage();
  // As renderPdfs() does: the page's CSP forbids inline style, and the running header and footer are added as a style tag.
  await page.setBypassCSP(true);
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
  return { page, server };
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
