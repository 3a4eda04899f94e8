import { describe, expect, it } from "vitest";
import { blockedRequestsError, type RenderedPdf } from "../../scripts/pdf/render-pdfs.ts";

const pdf = (file: string, blockedRequests: string[]): RenderedPdf => ({
  file,
  title: file,
  pages: 1,
  bytes: 1000,
  ms: 10,
  blockedRequests,
  warnings: [],
});

describe("requests blocked while printing", () => {
  it("fail the build, naming each PDF and address", () => {
    const error = blockedRequestsError([
      pdf("pdf/north-east-guide.pdf", ["https://fonts.example.com/a.woff2"]),
      pdf("pdf/template-support-document.pdf", []),
      pdf("pdf/template-terms-of-reference.pdf", ["http://169.254.169.254/latest"]),
    ]);
    expect(error?.message).toBe(
      "Printing the PDFs asked for addresses outside the built site, which were blocked:\n" +
        "  pdf/north-east-guide.pdf asked for https://fonts.example.com/a.woff2\n" +
        "  pdf/template-terms-of-reference.pdf asked for http://169.254.169.254/latest\n" +
        "Only files of the site may be loaded while printing: fix the layout that refers to them.",
    );
  });

  it("are no error when there were none", () => {
    expect(blockedRequestsError([pdf("pdf/a.pdf", [])])).toBeUndefined();
  });
});
