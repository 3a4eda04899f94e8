import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

import type { OutlineEntry } from "../../../scripts/pdf/read-outline.ts";

export type { OutlineEntry };

/*
 * The tests read PDFs back with pdfjs-dist, a reader independent of the pdf-lib the build prints
 * with, so a fault in one is not hidden by the same fault in the other.
 */

/** Opens PDF bytes with pdfjs-dist, without workers, fonts or network access. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of (and detaches) the buffer it is given, so it gets a plain copy.
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** The outline Chrome wrote from the headings, depth first, with the page each entry opens. */
export async function readOutline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  type Item = Awaited<ReturnType<PDFDocumentProxy["getOutline"]>>[number];
  const walk = async (items: Item[], depth: number) => {
    for (const item of items) {
      const destination =
        typeof item.dest === "string" ? await pdf.getDestination(item.dest) : item.dest;
      const target = destination?.[0];
      const pageIndex =
        target && typeof target === "object"
          ? await pdf.getPageIndex(target as { num: number; gen: number })
          : -1;
      entries.push({ title: item.title, depth, page: pageIndex + 1 });
      await walk(item.items, depth + 1);
    }
  };
  await walk((await pdf.getOutline()) ?? [], 1);
  return entries;
}

/** The text of each page, lines joined by spaces, counting pages from 1 (index 0 is page 1). */
export async function readPageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    texts.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    page.cleanup();
  }
  return texts;
}
