import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { describeForeignFonts, foreignFonts } from "../../scripts/pdf/font-check.ts";
import { restoreOutlineTitles } from "../../scripts/pdf/outline-titles.ts";
import { openPdf, readOutline } from "../e2e/helpers/read-pdf.ts";

/** A PDF whose outline is as Chrome writes it for a wrapped heading: the space at the break lost. */
async function pdfWithOutline(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const { context } = pdf;
  const outlines = context.nextRef();
  const [phases, define, contents] = [context.nextRef(), context.nextRef(), context.nextRef()];
  const destination = context.obj([page.ref, PDFName.of("Fit")]);
  context.assign(
    contents,
    context.obj({
      Title: PDFString.of("Contents"),
      Parent: outlines,
      Next: phases,
      Dest: destination,
    }),
  );
  context.assign(
    phases,
    context.obj({
      Title: PDFHexString.fromText("The five phases of a community ofpractice"),
      Parent: outlines,
      Prev: contents,
      First: define,
      Last: define,
      Count: 1,
      Dest: destination,
    }),
  );
  context.assign(
    define,
    context.obj({
      Title: PDFHexString.fromText("1. Define: Define yourcommunity"),
      Parent: phases,
      Dest: destination,
    }),
  );
  context.assign(
    outlines,
    context.obj({ Type: "Outlines", First: contents, Last: phases, Count: 3 }),
  );
  pdf.catalog.set(PDFName.of("Outlines"), outlines);
  return pdf;
}

describe("restoreOutlineTitles", () => {
  it("gives each bookmark its heading's own text, skipping headings Chrome left out", async () => {
    const pdf = await pdfWithOutline();
    const corrected = restoreOutlineTitles(pdf, [
      "Contents",
      "",
      "The five phases of a community of practice",
      "1. Define: Define your community",
    ]);
    expect(corrected).toBe(2);
    const reread = await openPdf(await pdf.save());
    const titles = (await readOutline(reread)).map((entry) => `${entry.depth} ${entry.title}`);
    await reread.destroy();
    expect(titles).toEqual([
      "1 Contents",
      "1 The five phases of a community of practice",
      "2 1. Define: Define your community",
    ]);
  });

  it("leaves a bookmark with no matching heading as Chrome wrote it", async () => {
    const pdf = await pdfWithOutline();
    expect(restoreOutlineTitles(pdf, ["Contents"])).toBe(0);
  });
});

describe("foreignFonts", () => {
  it("names a font the project does not bundle, without its subset tag", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText("A ballot box", { font });
    expect(foreignFonts(await PDFDocument.load(await pdf.save()))).toEqual(["Helvetica"]);
    expect(describeForeignFonts("pdf/x.pdf", ["DejaVuSans"])).toBe(
      "pdf/x.pdf: uses DejaVuSans from the build machine for characters the bundled typeface (Atkinson Hyperlegible Next) lacks, so it will print differently elsewhere.\n" +
        "  Replace those characters (symbols, emoji) in the content, or draw them with CSS in site/assets/pdf/print.css.",
    );
  });

  it("finds nothing in a PDF without fonts", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(foreignFonts(pdf)).toEqual([]);
  });
});
