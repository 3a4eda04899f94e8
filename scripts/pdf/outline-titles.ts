import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from "pdf-lib";
import { isBookmarkOf } from "./contents-pages.ts";

// Chrome drops the space where a heading wraps ("recovery andengagement"), so titles and
// headings are compared without spaces, and the heading's own text is written back.

/** The outline's entries depth first, as Chrome wrote them from the headings in document order. */
function outlineItems(pdf: PDFDocument): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (first: unknown) => {
    let item = first instanceof PDFDict ? first : undefined;
    // A cycle in a damaged outline must not hang the build.
    const seen = new Set<PDFDict>();
    while (item && !seen.has(item)) {
      seen.add(item);
      items.push(item);
      walk(item.lookup(PDFName.of("First")));
      const next = item.lookup(PDFName.of("Next"));
      item = next instanceof PDFDict ? next : undefined;
    }
  };
  const outlines = pdf.catalog.lookup(PDFName.of("Outlines"));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of("First")));
  return items;
}

const titleOf = (item: PDFDict): string => {
  const title = item.lookup(PDFName.of("Title"));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "";
};

/**
 * Gives each bookmark its heading's exact text. Headings Chrome left out of the outline (empty
 * or not painted) are skipped, as matchContentsPages does.
 * @param headings the print page's headings' text in document order, white space collapsed
 * @returns how many titles were corrected
 */
export function restoreOutlineTitles(pdf: PDFDocument, headings: readonly string[]): number {
  let cursor = 0;
  let corrected = 0;
  for (const item of outlineItems(pdf)) {
    const title = titleOf(item);
    let found = -1;
    for (let i = cursor; i < headings.length; i++) {
      if (isBookmarkOf(title, headings[i]!)) {
        found = i;
        break;
      }
    }
    if (found === -1) continue;
    cursor = found + 1;
    if (headings[found] !== title) {
      item.set(PDFName.of("Title"), PDFHexString.fromText(headings[found]!));
      corrected += 1;
    }
  }
  return corrected;
}
