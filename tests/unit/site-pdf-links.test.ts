import { describe, expect, it } from "vitest";
import { describePdf, fillPdfSizes } from "../../scripts/site/pdf-links.ts";

const pdfs = [{ file: "pdf/north-east-guide.pdf", bytes: 325_000, pages: 38 }];

describe("fillPdfSizes", () => {
  it("writes the size and page count into the placeholder the layout left for that PDF", () => {
    const html =
      '<p><a href="/pdf/north-east-guide.pdf" data-pdf-link>Guide <span data-pdf-size="pdf/north-east-guide.pdf"></span></a></p>';
    expect(fillPdfSizes(html, pdfs)).toBe(
      '<p><a href="/pdf/north-east-guide.pdf" data-pdf-link>Guide <span data-pdf-size="pdf/north-east-guide.pdf">PDF, 317 KB, 38 pages</span></a></p>',
    );
  });

  it("fills every placeholder for the PDF on the page", () => {
    const link = '<span data-pdf-size="pdf/north-east-guide.pdf"></span>';
    expect(fillPdfSizes(`${link} and ${link}`, pdfs).match(/PDF, 317 KB, 38 pages/g)).toHaveLength(
      2,
    );
  });

  it("leaves placeholders of PDFs it did not print alone", () => {
    const html = '<span data-pdf-size="pdf/other.pdf"></span>';
    expect(fillPdfSizes(html, pdfs)).toBe(html);
  });
});

describe("describePdf", () => {
  it("rounds to KB below a megabyte and says page or pages", () => {
    expect(describePdf(325_000, 38)).toBe("PDF, 317 KB, 38 pages");
    expect(describePdf(300, 1)).toBe("PDF, 1 KB, 1 page");
    expect(describePdf(2_621_440, 120)).toBe("PDF, 2.5 MB, 120 pages");
  });
});
