import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** What a link to a PDF says about it, such as "PDF, 412 KB, 24 pages". */
export function describePdf(bytes: number, pages: number): string {
  const size =
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `PDF, ${size}, ${pages} ${pages === 1 ? "page" : "pages"}`;
}

const linkPattern = /<a\b([^>]*)>([\s\S]*?)<\/a>/g;
const sizeSpanPattern = /(<span\b[^>]*\bdata-pdf-size\b[^>]*>)[\s\S]*?(<\/span>)/g;

/**
 * Writes each PDF's size and page count into the `<span data-pdf-size>` of every link to it
 * (`<a href="/pdf/NAME.pdf" data-pdf-link>`). Returns the HTML unchanged when it has no such link.
 */
export function fillPdfSizes(html: string, descriptions: ReadonlyMap<string, string>): string {
  return html.replace(linkPattern, (link, attributes: string, inner: string) => {
    if (!/\bdata-pdf-link\b/.test(attributes)) return link;
    const href = /\bhref="([^"]*)"/.exec(attributes)?.[1] ?? "";
    const name = /(?:^|\/)pdf\/([^/?#"]+\.pdf)(?:[?#]|$)/.exec(href)?.[1];
    const description = name ? descriptions.get(`pdf/${name}`) : undefined;
    if (!description) return link;
    return `<a${attributes}>${inner.replace(sizeSpanPattern, `$1${description}$2`)}</a>`;
  });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Fills the PDF sizes into the site's HTML files; returns how many files changed. */
export async function fillPdfLinks(
  siteDir: string,
  pdfs: readonly { file: string; bytes: number; pages: number }[],
): Promise<number> {
  const descriptions = new Map(pdfs.map((pdf) => [pdf.file, describePdf(pdf.bytes, pdf.pages)]));
  let changed = 0;
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, "utf8");
    if (!html.includes("data-pdf-link")) continue;
    const filled = fillPdfSizes(html, descriptions);
    if (filled === html) continue;
    // Written beside the page and renamed over it, so a reader never gets half a page.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, filled);
    await rename(temporary, file);
    changed += 1;
  }
  return changed;
}
