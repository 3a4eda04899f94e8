/** What goes in the running header and footer of one PDF. */
export interface PageRulesOptions {
  /** The running header's text: the document title. */
  header: string;
  /**
   * Text at the left of the footer of the document's own pages (a community's contents, charter
   * and ground rules; a template), such as "Version 0.4, approved"; a line break starts a second
   * line. Empty for none.
   */
  footer: string;
  /**
   * The footer of the pages every community's guide shares (chapters, appendices, templates), so
   * that a blank form bound into a draft's guide does not read "draft". @default footer
   */
  sharedFooter?: string;
  /** @default "A4" */
  paperSize?: "A4" | "Letter";
  /** Marks the document's own pages DRAFT in the header; the pages it shares are not. @default false */
  draft?: boolean;
  /** Marks every page SUPERSEDED in the header, the cover too: an earlier version's PDF. @default false */
  superseded?: boolean;
}

/** A page's size and margins in millimetres. */
export interface PageBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * The named pages print.css assigns (`page: cover` and so on) besides the default page:
 * `community` holds a community's own parts (contents, charter, ground rules), which alone carry
 * DRAFT and the charter's version; `roadmap` is landscape for the 12-month grid.
 */
export type PageName = "default" | "cover" | "community" | "roadmap";

const paper = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;

/**
 * The page boxes of a PDF. They live here rather than in print.css so that the overflow check
 * (find-overflow.ts) measures against the very widths Chrome prints on.
 */
export function pageBoxes(paperSize: "A4" | "Letter" = "A4"): Record<PageName, PageBox> {
  const { width, height } = paper[paperSize];
  const portrait = { width, height, margin: { top: 22, right: 18, bottom: 20, left: 18 } };
  return {
    default: portrait,
    community: portrait,
    cover: { width, height, margin: { top: 0, right: 0, bottom: 0, left: 0 } },
    roadmap: {
      width: height,
      height: width,
      margin: { top: 18, right: 14, bottom: 16, left: 14 },
    },
  };
}

/** The width of a page's text area in CSS pixels (96 to the inch), as layout sees it. */
export function contentWidthPx(box: PageBox): number {
  return ((box.width - box.margin.left - box.margin.right) * 96) / 25.4;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ")}"`;
}

/** A CSS string whose line breaks are kept: `white-space: pre-line` shows each as a new line. */
function cssLines(text: string): string {
  return text.split(/\r?\n/).map(cssString).join(' "\\A" ');
}

const marginFont = `"Atkinson Hyperlegible Next", Arial, sans-serif`;
const footerBox = (text: string) =>
  `@bottom-left { content: ${cssLines(text)}; white-space: pre-line; font: 8pt ${marginFont}; color: #505a5f; vertical-align: top; padding-top: 3mm; }`;
const geometry = ({ width, height, margin }: PageBox) =>
  `size: ${width}mm ${height}mm; margin: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;`;

/**
 * The @page rules of one document, added to the print page before printing. Chrome draws CSS
 * margin boxes (since Chrome 131), so the header and "Page N of M" come from CSS. The cover, a
 * named page, leaves them out; the community's own pages carry its footer and, for a draft, DRAFT,
 * so blank forms and chapters bound into a draft's guide are not stamped.
 */
export function pageRules({
  header,
  footer,
  sharedFooter = footer,
  paperSize = "A4",
  draft = false,
  superseded = false,
}: PageRulesOptions): string {
  const boxes = pageBoxes(paperSize);
  const running = [
    `@top-left { content: ${cssString(header)}; font: 8pt ${marginFont}; color: #505a5f; vertical-align: bottom; padding-bottom: 3mm; }`,
    // On every page, so that no page photocopied alone can pass for the text in force. The cover
    // has no margins, so it carries its own stamp (layouts/print/community-parts.njk).
    ...(superseded
      ? [
          `@top-right { content: "SUPERSEDED"; font: bold 12pt ${marginFont}; color: #b3261e; vertical-align: bottom; padding-bottom: 2mm; }`,
        ]
      : []),
    footerBox(sharedFooter),
    `@bottom-right { content: "Page " counter(page) " of " counter(pages); white-space: nowrap; font: 8pt ${marginFont}; color: #505a5f; vertical-align: top; padding-top: 3mm; }`,
  ].join("\n  ");
  const own = [
    // A margin box rather than a fixed watermark: a fixed element is placed for the first page's
    // size and is cut off on the landscape roadmap pages.
    ...(draft
      ? [
          `@top-right { content: "DRAFT"; font: bold 12pt ${marginFont}; color: #b3261e; vertical-align: bottom; padding-bottom: 2mm; }`,
        ]
      : []),
    footerBox(footer),
  ].join("\n  ");
  const bare = ["@top-left", "@top-right", "@bottom-left", "@bottom-right"]
    .map((box) => `${box} { content: none; }`)
    .join("\n  ");
  return [
    `@page {\n  ${geometry(boxes.default)}\n  ${running}\n}`,
    `@page community {\n  ${own}\n}`,
    `@page roadmap {\n  ${geometry(boxes.roadmap)}\n}`,
    `@page cover {\n  ${geometry(boxes.cover)}\n  ${bare}\n}`,
    `.cover { height: ${boxes.cover.height}mm; }`,
    "",
  ].join("\n");
}
