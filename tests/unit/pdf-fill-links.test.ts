import { describe, expect, it } from "vitest";
import { describePdf, fillPdfSizes } from "../../scripts/pdf/fill-pdf-links.ts";

const sizes = new Map([["pdf/north-east-guide.pdf", "PDF, 318 KB, 38 pages"]]);

describe("fillPdfSizes", () => {
  it("writes the size and page count into the link's data-pdf-size span", () => {
    const html =
      '<p><a class="x" href="/pdf/north-east-guide.pdf" data-pdf-link>Guide <span data-pdf-size></span></a></p>';
    expect(fillPdfSizes(html, sizes)).toBe(
      '<p><a class="x" href="/pdf/north-east-guide.pdf" data-pdf-link>Guide <span data-pdf-size>PDF, 318 KB, 38 pages</span></a></p>',
    );
  });

  it("replaces a size filled by an earlier run", () => {
    const html =
      '<a data-pdf-link href="/pdf/north-east-guide.pdf">G <span data-pdf-size>PDF, 1 KB, 1 page</span></a>';
    expect(fillPdfSizes(html, sizes)).toContain("<span data-pdf-size>PDF, 318 KB, 38 pages</span>");
  });

  it("leaves links without data-pdf-link, and to PDFs it did not print, alone", () => {
    const html =
      '<a href="/pdf/north-east-guide.pdf">G <span data-pdf-size></span></a><a href="/pdf/other.pdf" data-pdf-link>O <span data-pdf-size></span></a>';
    expect(fillPdfSizes(html, sizes)).toBe(html);
  });
});

describe("describePdf", () => {
  it("rounds to KB below a megabyte and says page or pages", () => {
    expect(describePdf(325_000, 38)).toBe("PDF, 317 KB, 38 pages");
    expect(describePdf(300, 1)).toBe("PDF, 1 KB, 1 page");
    expect(describePdf(2_621_440, 120)).toBe("PDF, 2.5 MB, 120 pages");
  });
});
