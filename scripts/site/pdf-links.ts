import { readFile, rename, writeFile } from "node:fs/promises";

/** What a link to a PDF says about it, such as "PDF, 412 KB, 24 pages". */
export function describePdf(bytes: number, pages: number): string {
  const size =
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `PDF, ${size}, ${pages} ${pages === 1 ? "page" : "pages"}`;
}

/** Marks the place a PDF's size goes: the pdfLink macro writes `<span data-pdf-size="pdf/x.pdf"></span>`. */
export const pdfSizePlaceholderMark = "data-pdf-size=";
const placeholder = (file: string) => `<span data-pdf-size="${file}"></span>`;

/**
 * Writes each PDF's size and page count into the placeholders the layouts left for it. The
 * placeholders are exact strings the layouts wrote, so nothing is parsed out of the HTML.
 */
export function fillPdfSizes(
  html: string,
  pdfs: readonly { file: string; bytes: number; pages: number }[],
): string {
  let filled = html;
  for (const pdf of pdfs) {
    filled = filled
      .split(placeholder(pdf.file))
      .join(`<span data-pdf-size="${pdf.file}">${describePdf(pdf.bytes, pdf.pages)}</span>`);
  }
  return filled;
}

/**
 * Fills the PDF sizes into the pages Eleventy reported as linking to a PDF.
 * @param pages paths of the HTML files to fill, from runEleventy's result
 * @returns how many files changed
 */
export async function fillPdfLinks(
  pages: readonly string[],
  pdfs: readonly { file: string; bytes: number; pages: number }[],
): Promise<number> {
  let changed = 0;
  for (const file of pages) {
    const html = await readFile(file, "utf8");
    const filled = fillPdfSizes(html, pdfs);
    if (filled === html) continue;
    // Written beside the page and renamed over it, so a reader never gets half a page.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, filled);
    await rename(temporary, file);
    changed += 1;
  }
  return changed;
}
