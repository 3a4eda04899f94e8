/**
 * Reads a printed page back as a typesetter checks it: each run of text with its position, size
 * and the tagged structure it belongs to (heading, caption, table row), so tests can ask what the
 * last line of a page is, and whether a table's rows or a page's scale are as printed.
 */
import { OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A node of the tagged PDF's structure tree, as pdfjs gives it. */
export interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** A run of text on a page, with the structure elements around it (outermost first). */
export interface PlacedText {
  text: string;
  /** Baseline, in points from the foot of the page. */
  y: number;
  /** Font size in points, as printed. */
  size: number;
  /** Empty for text outside the tagged content: the running header and footer. */
  ancestors: StructNode[];
}

const roles = (text: PlacedText) => text.ancestors.map((node) => node.role);

/** The page's text runs with their structure, in the order Chrome painted them. */
export async function readPageLayout(pdf: PDFDocumentProxy, number: number): Promise<PlacedText[]> {
  const page = await pdf.getPage(number);
  const tree = (await page.getStructTree()) as StructNode | null;
  const ancestorsOf = new Map<string, StructNode[]>();
  const walk = (node: StructNode, path: StructNode[]) => {
    if (node.type === "content" && node.id) {
      ancestorsOf.set(node.id, path);
      return;
    }
    for (const child of node.children ?? []) walk(child, node.role ? [...path, node] : path);
  };
  if (tree) walk(tree, []);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const open: string[] = [];
  const texts: PlacedText[] = [];
  for (const item of content.items) {
    if ("type" in item) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        open.push(item.id ?? "");
      } else if (item.type === "endMarkedContent") {
        open.pop();
      }
      continue;
    }
    if (!item.str.trim()) continue;
    const [, , c, d, , f] = item.transform as number[];
    const id = open.findLast((candidate) => candidate !== "");
    texts.push({
      text: item.str,
      y: f!,
      size: Math.hypot(c!, d!),
      ancestors: (id && ancestorsOf.get(id)) || [],
    });
  }
  page.cleanup();
  return texts;
}

/** The lowest run of tagged text on the page: its last line, leaving out the running footer. */
export function lastLine(texts: readonly PlacedText[]): PlacedText | undefined {
  let last: PlacedText | undefined;
  for (const text of texts) {
    if (text.ancestors.length > 0 && (!last || text.y < last.y - 0.5)) last = text;
  }
  return last;
}

/** The first run of tagged text on the page, below the running header. */
export function firstLine(texts: readonly PlacedText[]): PlacedText | undefined {
  let first: PlacedText | undefined;
  for (const text of texts) {
    if (text.ancestors.length > 0 && (!first || text.y > first.y + 0.5)) first = text;
  }
  return first;
}

const isHeaderRow = (row: StructNode) =>
  (row.children ?? []).length > 0 &&
  (row.children ?? []).every((cell) => cell.role === "TH" || !cell.role);

/**
 * Why the page must not end where it does, or undefined when it may: a heading, a table's caption
 * or header row, or a table header with one row under it that goes on over the page.
 */
export function badPageEnd(
  texts: readonly PlacedText[],
  nextPage: readonly PlacedText[] | undefined,
): string | undefined {
  const last = lastLine(texts);
  if (!last) return undefined;
  const heading = last.ancestors.find((node) => /^H[1-6]?$/.test(node.role ?? ""));
  if (heading) return `ends on the heading "${last.text}"`;
  if (roles(last).includes("Caption")) return `ends on the table caption "${last.text}"`;
  const row = last.ancestors.findLast((node) => node.role === "TR");
  const table = last.ancestors.findLast((node) => node.role === "Table");
  if (!row || !table) return undefined;
  // A blank form's rows have no text, so the header can be the last text above them: what
  // matters is whether the table goes on over the page.
  const next = nextPage && firstLine(nextPage);
  const continues = next !== undefined && roles(next).includes("TR");
  if (!continues) return undefined;
  if (isHeaderRow(row)) return `ends on a table's header row ("${last.text}")`;
  const bodyRows = (table.children ?? []).filter(
    (node) => node.role === "TR" && !isHeaderRow(node),
  );
  if (bodyRows.length === 1) {
    return `ends on a table header with one row under it ("${last.text}"), the table going on over the page`;
  }
  return undefined;
}

/**
 * The scale Chrome printed the page's content at: 1 as designed, less when something was wider
 * than the page and Chrome shrank the whole document. Chrome draws each page as a flip to PDF
 * points (0.24 = 72 dpi / 300 dpi) then the content area at CSS pixels, 0.75 pt each at 100%.
 */
export async function contentScale(pdf: PDFDocumentProxy, number: number): Promise<number> {
  const page = await pdf.getPage(number);
  const operators = await page.getOperatorList();
  const transforms: number[][] = [];
  operators.fnArray.forEach((fn, index) => {
    if (fn === OPS.transform && transforms.length < 2) {
      transforms.push(operators.argsArray[index] as number[]);
    }
  });
  page.cleanup();
  const [pageTransform, contentTransform] = transforms;
  if (!pageTransform || !contentTransform) return 1;
  return (pageTransform[0]! * contentTransform[0]!) / 0.75;
}
