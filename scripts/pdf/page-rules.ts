/** What goes in the running header and footer of one PDF. */
export interface PageRulesOptions {
  /** The running header's text: the document title. */
  header: string;
  /**
   * Text at the left of the footer, such as "Version 0.4, approved"; a line break starts a second
   * line. Empty for none.
   */
  footer: string;
  /** @default "A4" */
  paperSize?: "A4" | "Letter";
  /** Marks every page DRAFT in the header. @default false */
  draft?: boolean;
  /** Marks every page SUPERSEDED in the header, the cover too: an earlier version's PDF. @default false */
  superseded?: boolean;
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

/**
 * The @page rules that differ per document, added to the print page before printing. Chrome
 * draws CSS margin boxes (since Chrome 131), so the header and "Page N of M" come from CSS and
 * the cover, a named page, can leave them out.
 */
export function pageRules({
  header,
  footer,
  paperSize = "A4",
  draft = false,
  superseded = false,
}: PageRulesOptions): string {
  // On every page, so that no page photocopied alone can pass for the text in force. The cover
  // has no margins, so it carries its own stamp (layouts/print/charter-version.njk).
  const supersededBox = `@top-right { content: "SUPERSEDED"; font: bold 12pt "Atkinson Hyperlegible Next", Arial, sans-serif; color: #b3261e; vertical-align: bottom; padding-bottom: 2mm; }`;
  const boxes = [
    // A margin box rather than a fixed watermark: a fixed element is placed for the first page's
    // size and is cut off on the landscape roadmap pages.
    ...(draft
      ? [
          `@top-right { content: "DRAFT"; font: bold 12pt "Atkinson Hyperlegible Next", Arial, sans-serif; color: #b3261e; vertical-align: bottom; padding-bottom: 2mm; }`,
        ]
      : []),
    ...(superseded ? [supersededBox] : []),
    `@top-left { content: ${cssString(header)}; font: 8pt "Atkinson Hyperlegible Next", Arial, sans-serif; color: #505a5f; vertical-align: bottom; padding-bottom: 3mm; }`,
    `@bottom-left { content: ${cssLines(footer)}; white-space: pre-line; font: 8pt "Atkinson Hyperlegible Next", Arial, sans-serif; color: #505a5f; vertical-align: top; padding-top: 3mm; }`,
    `@bottom-right { content: "Page " counter(page) " of " counter(pages); white-space: nowrap; font: 8pt "Atkinson Hyperlegible Next", Arial, sans-serif; color: #505a5f; vertical-align: top; padding-top: 3mm; }`,
  ].join("\n  ");
  const letter =
    paperSize === "Letter"
      ? "@page { size: letter; }\n@page roadmap { size: letter landscape; }\n.cover { height: 279.4mm; }\n"
      : "";
  return (
    `${letter}@page {\n  ${boxes}\n}\n@page roadmap {\n  ${boxes}\n}\n` +
    "@page cover {\n  @top-left { content: none; }\n  @top-right { content: none; }\n  @bottom-left { content: none; }\n  @bottom-right { content: none; }\n}\n"
  );
}
