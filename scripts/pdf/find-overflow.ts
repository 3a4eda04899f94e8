import type { Page } from "puppeteer-core";
import { contentWidthPx, type PageBox, type PageName } from "./page-rules.ts";

/** An element of a print page wider than the text area of the page it prints on. */
export interface Overflow {
  /** The content file the element comes from (the part's data-source), such as content/guide/x.md. */
  source: string;
  /** The element as a reader would find it: its tag and the start of its text. */
  element: string;
  /** How far its right edge reaches, in CSS pixels from the text area's left edge. */
  reachPx: number;
  /** The width of the page's text area, in CSS pixels. */
  availablePx: number;
  /** The named page it prints on. */
  pageName: PageName;
}

/**
 * Finds what Chrome would shrink a whole PDF for. When anything is wider than the page, Chrome lays
 * the document out wider and scales every page down to fit it (to about 70% for one long URL),
 * without a word. This lays the print page out at each page's text width, in print media, and
 * returns the innermost elements that reach beyond it, so the build can name them before printing.
 */
export async function findOverflow(
  page: Page,
  boxes: Record<PageName, PageBox>,
): Promise<Overflow[]> {
  const viewport = page.viewport();
  await page.emulateMediaType("print");
  // Only the pages this document uses, and those of one width (the default and the community's)
  // in one layout: each width is a layout of the whole document.
  const used = await page.evaluate(() => {
    const names = new Set(["default"]);
    for (const element of document.body.querySelectorAll("*")) {
      const name = getComputedStyle(element).getPropertyValue("page");
      if (name && name !== "auto") names.add(name);
    }
    return [...names];
  });
  const widths = new Map<number, PageName[]>();
  for (const name of Object.keys(boxes) as PageName[]) {
    if (!used.includes(name)) continue;
    const width = contentWidthPx(boxes[name]);
    widths.set(width, [...(widths.get(width) ?? []), name]);
  }
  const found: Overflow[] = [];
  try {
    for (const [availablePx, names] of widths) {
      await page.setViewport({ width: Math.floor(availablePx), height: 1000 });
      const overflows = await page.evaluate(measureOverflow, names, availablePx);
      for (const overflow of overflows) {
        found.push({
          ...overflow,
          pageName: overflow.pageName as PageName,
          availablePx: Math.round(availablePx),
        });
      }
    }
  } finally {
    await page.emulateMediaType();
    if (viewport) await page.setViewport(viewport);
  }
  return found;
}

/**
 * Runs in the print page: the innermost elements on the named pages that reach beyond `width`.
 * Written without inner named functions: the bundlers that run the build's TypeScript wrap those
 * in a helper the page does not have.
 */
function measureOverflow(names: string[], width: number) {
  // Nothing reaches beyond the page at this width: no need to look at every element.
  if (document.documentElement.scrollWidth <= width + 0.5) return [];
  const elements = [...document.body.querySelectorAll("*")];
  // The named page each element prints on: its own `page`, or its nearest ancestor's.
  const pageOf = new Map<Element, string>();
  // Elements inside one that clips its overflow (a drawing, the cover) cannot widen the page.
  const clipped = new Set<Element>();
  const clips = new Set<Element>();
  for (const element of elements) {
    const style = getComputedStyle(element);
    const own = style.getPropertyValue("page");
    const parent = element.parentElement;
    pageOf.set(
      element,
      own && own !== "auto" ? own : ((parent && pageOf.get(parent)) ?? "default"),
    );
    if (parent && (clipped.has(parent) || clips.has(parent))) clipped.add(element);
    if (element instanceof SVGElement || /hidden|clip/.test(style.overflowX)) clips.add(element);
  }
  // A part holding pages of another width (the guide's roadmap part, with its landscape grid)
  // is measured by its own box: what overflows it belongs to the other pages.
  const mixed = new Set<Element>();
  for (const element of elements) {
    const parent = element.parentElement;
    if (!parent || pageOf.get(parent) === pageOf.get(element)) continue;
    for (let ancestor: Element | null = parent; ancestor; ancestor = ancestor.parentElement) {
      mixed.add(ancestor);
    }
  }
  const reachOf = new Map<Element, number>();
  const wide: Element[] = [];
  for (const element of elements) {
    if (clipped.has(element) || !names.includes(pageOf.get(element) ?? "")) continue;
    // How far right the element, or the content it lets overflow, reaches.
    const box = element.getBoundingClientRect();
    const reach =
      box.width === 0 && box.height === 0
        ? 0
        : clips.has(element) || mixed.has(element)
          ? box.right
          : Math.max(box.right, box.left + element.scrollWidth);
    reachOf.set(element, reach);
    // Half a pixel for rounding.
    if (reach > width + 0.5) wide.push(element);
  }
  const wideSet = new Set(wide);
  return wide
    .filter((element) => ![...element.querySelectorAll("*")].some((inner) => wideSet.has(inner)))
    .map((element) => {
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
      const start = text.length > 60 ? `${text.slice(0, 60)}…` : text;
      return {
        source:
          element.closest<HTMLElement>("[data-source]")?.dataset["source"] ?? "the print page",
        element: `<${element.localName}>${start ? ` "${start}"` : ""}`,
        reachPx: Math.round(reachOf.get(element) ?? 0),
        pageName: pageOf.get(element) ?? "default",
      };
    });
}

/** The build's warning for one PDF's overflowing elements, naming each file and element. */
export function describeOverflow(file: string, overflows: readonly Overflow[]): string {
  const widest = Math.max(...overflows.map((overflow) => overflow.reachPx / overflow.availablePx));
  const lines = overflows.map(
    (overflow) =>
      `  ${overflow.source}: ${overflow.element} reaches ${overflow.reachPx} px across a text area ${overflow.availablePx} px wide` +
      `${overflow.pageName === "roadmap" ? " (landscape)" : ""}.`,
  );
  return (
    `${file}: ${overflows.length === 1 ? "an element is" : `${overflows.length} elements are`} wider than the page, so Chrome shrinks every page of this PDF to about ${Math.floor(100 / widest)}%:\n` +
    `${lines.join("\n")}\n` +
    "  Break the long text (a link with words instead of a bare address, a code span with spaces) or make the element narrower."
  );
}
