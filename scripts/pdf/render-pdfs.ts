import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { fillPdfLinks } from "./fill-pdf-links.ts";
import { findBrowser, launchBrowser } from "./find-browser.ts";
import { matchContentsPages } from "./contents-pages.ts";
import { lockDownPage } from "./lock-down-page.ts";
import { pageRules } from "./page-rules.ts";
import { setPdfMetadata } from "./pdf-metadata.ts";
import { openPdf, readOutline } from "./read-pdf.ts";
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
}

export interface RenderPdfsOptions {
  /** The built site: print pages are read from print/, PDFs written to pdf/. */
  siteDir: string;
  /** The paper to print on. @default paper_size of content/site.yaml, as the print pages carry it */
  paperSize?: "A4" | "Letter";
  /** Receives one progress line per PDF. @default no output */
  log?: (line: string) => void;
  /** A browser to print with; when absent one is found, launched and closed again. */
  browser?: Browser;
  /** The path the site was built for (its URLs start with it), such as /charterbook/. @default "/" */
  basePath?: string;
}

/** A print page found in the built site, and the PDF it becomes. */
export interface PrintJob {
  /** URL path of the print page, such as /print/communities/north-east/. */
  urlPath: string;
  /** PDF path relative to the site folder, from the page's data-pdf-file. */
  file: string;
}

/** A PDF that could not be printed: names the page and keeps the browser's reason as the cause. */
export class PdfRenderError extends Error {
  override name = "PdfRenderError";
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

/** Lists the print pages Eleventy wrote (print/communities/<slug>/ and print/templates/<slug>/). */
export async function findPrintJobs(siteDir: string): Promise<PrintJob[]> {
  const jobs: PrintJob[] = [];
  for (const kind of ["communities", "templates"]) {
    let slugs: string[];
    try {
      slugs = (await readdir(path.join(siteDir, "print", kind), { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    } catch {
      continue; // No communities (or no templates) in this content: nothing to print for it.
    }
    for (const slug of slugs) {
      const html = await readFile(path.join(siteDir, "print", kind, slug, "index.html"), "utf8");
      const file = /\bdata-pdf-file="(pdf\/[a-z0-9-]+\.pdf)"/.exec(html)?.[1];
      if (!file) {
        throw new PdfRenderError(
          `print/${kind}/${slug}/index.html has no data-pdf-file attribute, so its PDF has no name.\n` +
            "The print layouts in layouts/print/ set it on <body>; check they are the ones in use.",
        );
      }
      jobs.push({ urlPath: `/print/${kind}/${slug}/`, file });
    }
  }
  return jobs;
}

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

interface PageFacts {
  title: string;
  author: string;
  subject: string;
  language: string;
  version: string;
  draft: boolean;
  kind: string;
  paperSize: string;
}

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

/** Prints, reads the headings' pages back, fills the contents, and prints again until stable. */
async function printWithContents(page: Page, label: string): Promise<Uint8Array> {
  let pdf = await printPdf(page);
  const hasContents = await page.$("[data-contents-page]");
  if (!hasContents) return pdf;
  const headings = await page.$$eval("h1, h2, h3, h4, h5, h6", (elements) =>
    elements.map((element) => ({ id: element.id, text: (element as HTMLElement).innerText })),
  );
  for (let pass = 1; pass <= maxContentsPasses; pass++) {
    const document = await openPdf(pdf);
    const outline = await readOutline(document);
    await document.destroy();
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

async function renderOne(
  browser: Browser,
  server: ServedSite,
  job: PrintJob,
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
    // No helper functions inside: tsx would wrap them in a __name() call the page does not have.
    const facts: PageFacts = await page.evaluate(() => {
      return {
        title: document.title,
        author: document.querySelector('meta[name="author"]')?.getAttribute("content") ?? "",
        subject: document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "",
        language: document.documentElement.lang,
        version: document.body.dataset["pdfVersion"] ?? "",
        draft: document.body.classList.contains("print--draft"),
        kind: document.body.classList.contains("print--guide") ? "guide" : "template",
        paperSize: document.body.dataset["paperSize"] ?? "A4",
      };
    });
    const footer = facts.version
      ? `Version ${facts.version}, ${facts.draft ? "draft" : "approved"}`
      : facts.author;
    const paperSize = paperSizeOverride ?? (facts.paperSize === "Letter" ? "Letter" : "A4");
    await page.addStyleTag({
      content: pageRules({ header: facts.title, footer, paperSize, draft: facts.draft }),
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const printed = await printWithContents(page, job.file);
    const { bytes, pages } = await setPdfMetadata(printed, {
      title: facts.title,
      author: facts.author,
      subject: facts.subject,
      language: facts.language,
      keywords: ["community of practice", facts.kind],
    });
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
      title: facts.title,
      pages,
      bytes: bytes.byteLength,
      ms: Math.round(performance.now() - started),
      blockedRequests: [...blocked],
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
 * Prints every guide and template page of a built site to PDF with one headless browser, a few
 * at a time, then writes each PDF's size into the site's links to it.
 */
export async function renderPdfs(options: RenderPdfsOptions): Promise<RenderedPdf[]> {
  const siteDir = path.resolve(options.siteDir);
  const log = options.log ?? (() => {});
  // Find the browser before anything else, so a missing one stops the run before it writes a file.
  const executablePath = options.browser ? undefined : findBrowser();
  const jobs = await findPrintJobs(siteDir);
  if (jobs.length === 0) {
    log("PDF  no print pages in the site, so no PDFs were made");
    return [];
  }
  const server = await serveSite(siteDir, options.basePath);
  let browser = options.browser;
  try {
    browser ??= await launchBrowser(executablePath);
    const active = browser;
    const limit = Math.max(1, os.availableParallelism());
    const results = await mapBounded(jobs, limit, async (job) => {
      const result = await renderOne(active, server, job, siteDir, options.paperSize);
      log(`PDF  ${result.file}  ${result.pages} pages  ${formatKb(result.bytes)}  ${result.ms} ms`);
      for (const url of result.blockedRequests) {
        log(
          `PDF  ${result.file}: blocked a request to ${url} (only the built site may be loaded while printing)`,
        );
      }
      return result;
    });
    await fillPdfLinks(siteDir, results);
    return results;
  } finally {
    if (browser && !options.browser) await browser.close();
    await server.close();
  }
}
