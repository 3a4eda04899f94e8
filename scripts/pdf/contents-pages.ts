import type { OutlineEntry } from "./read-outline.ts";

/** A heading in the print page, in document order. */
export interface PageHeading {
  id: string;
  text: string;
}

// Chrome drops the space where a heading wraps ("community ofpractice"), so spaces are ignored.
const normalise = (text: string) => text.replace(/\s+/g, "");

/**
 * Whether a bookmark Chrome wrote is the heading with this text. Chrome drops the space where a
 * heading wraps, and writes a heading that its layout split over a page break (one kept with a
 * table that runs on to the next page) once per fragment: "2.0 Members2.0 Members".
 */
export function isBookmarkOf(title: string, headingText: string): boolean {
  const bookmark = normalise(title);
  const heading = normalise(headingText);
  return (
    heading.length > 0 &&
    bookmark.length % heading.length === 0 &&
    bookmark === heading.repeat(bookmark.length / heading.length)
  );
}

/**
 * Pairs the page's headings with the outline Chrome wrote from them (both in document order) and
 * returns the page each heading with an id starts on. Chrome leaves out headings with no text, so
 * an outline entry is matched to the next heading with the same words.
 */
export function matchContentsPages(
  headings: readonly PageHeading[],
  outline: readonly OutlineEntry[],
  label: string,
): Map<string, number> {
  const pages = new Map<string, number>();
  let cursor = 0;
  for (const heading of headings) {
    const text = normalise(heading.text);
    if (!text) continue;
    let found = -1;
    for (let i = cursor; i < outline.length; i++) {
      if (isBookmarkOf(outline[i]!.title, text)) {
        found = i;
        break;
      }
    }
    if (found === -1) {
      throw new Error(
        `${label}: the heading "${heading.text.trim()}" is not in the PDF outline Chrome wrote, so its page number is unknown.\n` +
          "Headings must be visible text (not hidden or inside an image) to be listed in the contents.",
      );
    }
    if (heading.id && outline[found]!.page > 0) pages.set(heading.id, outline[found]!.page);
    cursor = found + 1;
  }
  return pages;
}
