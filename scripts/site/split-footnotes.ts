/**
 * Separates markdown-it-footnote's list of sources from the rest of a rendered body, so a layout
 * that shows front-matter data after the body (a table, a diagram) can put the sources last.
 */
export function splitFootnotes(html: string): { body: string; footnotes: string } {
  const start = html.indexOf('<hr class="footnotes-sep">');
  if (start === -1) return { body: html, footnotes: "" };
  return { body: html.slice(0, start), footnotes: html.slice(start) };
}
