import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from "pdf-lib";

/** One entry of a PDF's outline (bookmarks), flattened in reading order. */
export interface OutlineEntry {
  title: string;
  depth: number;
  /** The page the entry points to, counting from 1; 0 when it points nowhere this reader knows. */
  page: number;
}

const text = (value: unknown) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "";

/**
 * The outline Chrome wrote from the headings, depth first, with the page each entry opens.
 * Read with pdf-lib, which the build already uses for the metadata, so printing needs no PDF
 * reader from the development dependencies. Chrome writes each entry's /Dest as an explicit
 * [page /XYZ x y zoom] array; a named destination is looked up in the catalogue's /Dests.
 */
export async function readOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageNumbers = new Map(
    pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]),
  );
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const pageOf = (item: PDFDict): number => {
    let destination = item.lookup(PDFName.of("Dest"));
    if (!destination) {
      const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
      destination = action?.lookup(PDFName.of("D"));
    }
    if (destination instanceof PDFName || destination instanceof PDFString) {
      const name =
        destination instanceof PDFName ? destination.decodeText() : destination.decodeText();
      destination = dests?.lookup(PDFName.of(name));
    }
    const target = destination instanceof PDFArray ? destination.get(0) : undefined;
    return target instanceof PDFRef ? (pageNumbers.get(target.toString()) ?? 0) : 0;
  };

  const entries: OutlineEntry[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    const seen = new Set<PDFDict>();
    for (
      let item = first;
      item && !seen.has(item);
      item = item.lookupMaybe(PDFName.of("Next"), PDFDict)
    ) {
      seen.add(item);
      entries.push({ title: text(item.lookup(PDFName.of("Title"))), depth, page: pageOf(item) });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  const outlines = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  walk(outlines?.lookupMaybe(PDFName.of("First"), PDFDict), 1);
  return entries;
}
