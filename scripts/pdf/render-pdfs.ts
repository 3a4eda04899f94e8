import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "puppeteer-core";
import { CharterbookError } from "../cli/errors.ts";
import { onInterrupt } from "../cli/usage-error.ts";
import type { PdfJob } from "../model/site-model.ts";
import { findBrowser, launchBrowser } from "./find-browser.ts";
import { addFormFields } from "./form-fields.ts";
import { matchContentsPages } from "./contents-pages.ts";
import { describeOverflow, findOverflow } from "./find-overflow.ts";
import { describeForeignFonts, foreignFonts } from "./font-check.ts";
import { lockDownPage } from "./lock-down-page.ts";
import { restoreOutlineTitles } from "./outline-titles.ts";
import { pageBoxes, pageRules } from "./page-rules.ts";
import { setPdfMetadata } from "./pdf-metadata.ts";
import { readOutline } from "./read-outline.ts";
import { serveSite, type ServedSite } from "./serve-site.ts";

export interface RenderedPdf {
  /** Path relative to the site folder, such as pdf/north-east-guide.pdf. */
  file: string;
  title: string;
  pages: number;
  bytes: number;
  /** Time to print this PDF, in milliseconds. */
  ms: number;
  /** Requests the page made outside the built site, each aborted. Empty when the page kept to the site. */
  blockedRequests: string[];
  /**
   * What the build warns about this PDF: an element wider than the page (Chrome would shrink every
   * page), a font the project does not bundle, or a document longer than the pages it must fit
   * on. Empty when it printed as designed.
   */
  warnings: string[];
}

export interface RenderPdfsOptions {
  /** The built site, holding the print pages; PDFs are written into it under each job's file. */
  siteDir: string;
  /** What to print: the site model's PDF jobs (SiteModel.pdfs). */
  jobs: readonly PdfJob[];
  /** The paper to print on. @default each job's paper size, from site.yaml */
  paperSize?: "A4" | "Letter";
  /** Receives one progress line per PDF. @default no output */
  log?: (line: string) => void;
  /** A browser to print with; when absent one is found, launched and closed again. */
  browser?: Browser;
  /** The path the site was built for (its URLs start with it), such as /charterbook/. @default "/" */
  basePath?: string;
}

/** A PDF that could not be printed: names the page and keeps the browser's reason as the cause. */
export class PdfRenderError extends CharterbookError {
  override name = "PdfRenderError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("pdf-failed", message, options);
  }
}

/**
 * The print pages are built from validated content, so a request that left the site while printing
 * is a bug in a layout: the build refuses to publish it, naming each address.
 */
export function blockedRequestsError(pdfs: readonly RenderedPdf[]): PdfRenderError | undefined {
  const lines = pdfs.flatMap((pdf) =>
    pdf.blockedRequests.map((url) => `  ${pdf.file} asked for ${url}`),
  );
  if (lines.length === 0) return undefined;
  return new PdfRenderError(
    `Printing the PDFs asked for addresses outside the built site, which were blocked:\n${lines.join("\n")}\n` +
      "Only files of the site may be loaded while printing: fix the layout that refers to them.",
  );
}

/** Chrome has no target-counter(), so contents page numbers come from reading a printed copy back. */
const maxContentsPasses = 4;

/** Runs tasks with at most `limit` at once, keeping the results in input order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const formatKb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

function printPdf(page: Page): Promise<Uint8Array> {
  return page.pdf({
    printBackground: true,
    preferCSSPageSize: true,
    // Chrome builds the bookmarks from the headings of the tagged PDF.
    tagged: true,
    outline: true,
    timeout: 120_000,
  });
}

/** The print page's headings in document order, with their text as written (white space collapsed). */
function readHeadings(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval("h1, h2, h3, h4, h5, h6", (elements) =>
    elements.map((element) => ({
      id: element.id,
      text: (element.textContent ?? "").replace(/\s+/g, " ").trim(),
    })),
  );
}

/** Prints, reads the headings' pages back, fills the contents, and prints again until stable. */
async function printWithContents(
  page: Page,
  headings: readonly { id: string; text: string }[],
  label: string,
): Promise<Uint8Array> {
  let pdf = await printPdf(page);
  const hasContents = await page.$("[data-contents-page]");
  if (!hasContents) return pdf;
  for (let pass = 1; pass <= maxContentsPasses; pass++) {
    const outline = await readOutline(pdf);
    const pages = Object.fromEntries(matchContentsPages(headings, outline, label));
    const changed = await page.$$eval(
      "[data-contents-page]",
      (spans, numbers) => {
        let count = 0;
        for (const span of spans) {
          const number = String(numbers[span.getAttribute("data-contents-page") ?? ""] ?? "?");
          if (span.textContent !== number) {
            span.textContent = number;
            count += 1;
          }
        }
        return count;
      },
      pages,
    );
    // The numbers already printed are the pages the headings are on: this copy is final.
    if (changed === 0) return pdf;
    pdf = await printPdf(page);
  }
  throw new PdfRenderError(
    `${label}: the contents page numbers kept changing after ${maxContentsPasses} passes.\n` +
      "Filling in the numbers moves headings to other pages; shorten the contents or check the print CSS.",
  );
}

/** The steps the type is set at, from as designed down, for a document that must fit its pages. */
const fitSteps = [1, 0.92, 0.85, 0.78, 0.72];

const pageCount = async (bytes: Uint8Array) =>
  (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

/**
 * Prints a document that must fit on `maxPages` (the chair's one-page ground rules): the type is
 * set smaller, step by step, through the --fit property print.css scales it by, until it fits.
 */
async function printToFit(
  page: Page,
  headings: readonly { id: string; text: string }[],
  job: PdfJob,
  maxPages: number,
): Promise<{ pdf: Uint8Array; warning?: string }> {
  let pdf: Uint8Array = new Uint8Array();
  let pages = 0;
  for (const fit of fitSteps) {
    await page.evaluate((value) => {
      document.documentElement.style.setProperty("--fit", String(value));
    }, fit);
    pdf = await printWithContents(page, headings, job.file);
    pages = await pageCount(pdf);
    if (pages <= maxPages) return { pdf };
  }
  const source = await page.$eval("[data-source]", (element) =>
    element.getAttribute("data-source"),
  );
  return {
    pdf,
    warning:
      `${job.file}: ${pages} pages even with the type at ${Math.round(fitSteps.at(-1)! * 100)}%, ` +
      `where it is meant to fit on ${maxPages === 1 ? "one page" : `${maxPages} pages`}.\n` +
      `  Shorten ${source ?? "the document"}, or read it out from the site's page.`,
  };
}

/** Sets the metadata and the bookmarks' titles, reads the page count, and names any font not bundled. */
async function finishPdf(
  printed: Uint8Array,
  job: PdfJob,
  headings: readonly { text: string }[],
): Promise<{ bytes: Uint8Array; pages: number; fonts: string[] }> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  setPdfMetadata(pdf, {
    title: job.title,
    author: job.author,
    subject: job.subject,
    language: job.language,
    keywords: job.keywords,
  });
  // Chrome drops the space where a heading wraps from its bookmark; the heading's text goes back.
  restoreOutlineTitles(
    pdf,
    headings.map((heading) => heading.text),
  );
  return {
    bytes: await pdf.save({ updateFieldAppearances: false }),
    pages: pdf.getPageCount(),
    fonts: foreignFonts(pdf),
  };
}

async function renderOne(
  browser: Browser,
  server: ServedSite,
  job: PdfJob,
  siteDir: string,
  paperSizeOverride: "A4" | "Letter" | undefined,
): Promise<RenderedPdf> {
  const started = performance.now();
  const page = await browser.newPage();
  const blocked = await lockDownPage(page, server.origin);
  try {
    // The page's CSP forbids inline style; the per-document @page rules are added by us, not content.
    await page.setBypassCSP(true);
    const response = await page.goto(`${server.siteUrl}${job.urlPath}`, {
      waitUntil: "load",
      timeout: 60_000,
    });
    if (!response?.ok()) {
      throw new PdfRenderError(
        `${job.urlPath} answered ${response?.status() ?? "nothing"} instead of the print page.`,
      );
    }
    const paperSize = paperSizeOverride ?? job.paperSize;
    await page.addStyleTag({
      content: pageRules({
        header: job.title,
        footer: job.footer,
        sharedFooter: job.sharedFooter,
        paperSize,
        draft: job.draft,
        superseded: job.superseded ?? false,
      }),
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const warnings: string[] = [];
    const overflows = await findOverflow(page, pageBoxes(paperSize));
    if (overflows.length > 0) warnings.push(describeOverflow(job.file, overflows));
    const headings = await readHeadings(page);
    let printed: Uint8Array;
    if (job.maxPages) {
      const fitted = await printToFit(page, headings, job, job.maxPages);
      printed = fitted.pdf;
      if (fitted.warning) warnings.push(fitted.warning);
    } else {
      printed = await printWithContents(page, headings, job.file);
    }
    if (job.formFields) printed = (await addFormFields(printed)).bytes;
    const { bytes, pages, fonts } = await finishPdf(printed, job, headings);
    if (fonts.length > 0) warnings.push(describeForeignFonts(job.file, fonts));
    const target = path.join(siteDir, job.file);
    await mkdir(path.dirname(target), { recursive: true });
    // Written under a temporary name and renamed, so a failed run never leaves half a PDF.
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return {
      file: job.file,
      title: job.title,
      pages,
      bytes: bytes.byteLength,
      ms: Math.round(performance.now() - started),
      blockedRequests: [...blocked],
      warnings,
    };
  } catch (error) {
    if (error instanceof PdfRenderError) throw error;
    throw new PdfRenderError(
      `${job.file} could not be printed from ${job.urlPath}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    await page.close();
  }
}

/**
 * Prints the given jobs' print pages of a built site to PDF with one headless browser, a few at
 * a time. The jobs come from the site model, so nothing is read back out of the pages.
 */
export async function renderPdfs(options: RenderPdfsOptions): Promise<RenderedPdf[]> {
  const siteDir = path.resolve(options.siteDir);
  const log = options.log ?? (() => {});
  // Find the browser before anything else, so a missing one stops the run before it writes a file.
  const executablePath = options.browser ? undefined : findBrowser();
  const { jobs } = options;
  if (jobs.length === 0) {
    log("PDF  nothing to print: the content has no community with a charter and no template");
    return [];
  }
  const server = await serveSite(siteDir, options.basePath);
  let browser = options.browser;
  let forgetInterrupt = () => {};
  try {
    if (!browser) {
      browser = await launchBrowser(executablePath);
      const launched = browser;
      forgetInterrupt = onInterrupt(() => launched.close().catch(() => undefined));
    }
    const active = browser;
    const limit = Math.max(1, os.availableParallelism());
    const results = await mapBounded(jobs, limit, async (job) => {
      const result = await renderOne(active, server, job, siteDir, options.paperSize);
      log(`PDF  ${result.file}  ${result.pages} pages  ${formatKb(result.bytes)}  ${result.ms} ms`);
      for (const warning of result.warnings) log(`PDF  WARNING ${warning}`);
      for (const url of result.blockedRequests) {
        log(
          `PDF  ${result.file}: blocked a request to ${url} (only the built site may be loaded while printing)`,
        );
      }
      return result;
    });
    return results;
  } finally {
    forgetInterrupt();
    if (browser && !options.browser) await browser.close();
    await server.close();
  }
}
