import { PDFDict, PDFName, type PDFDocument } from "pdf-lib";

/** The typeface the site bundles (site.css) and print.css asks for, as PDF font names spell it. */
export const bundledFontName = "AtkinsonHyperlegibleNext";

/**
 * The fonts a PDF embeds that the project does not bundle. Chrome falls back to a font of the
 * build machine for a character the bundled typeface lacks (a ballot box, an emoji), so such a
 * PDF would print differently on every machine.
 * @returns font names without their subset tag, such as DejaVuSans; empty when all are bundled
 */
export function foreignFonts(pdf: PDFDocument): string[] {
  const names = new Set<string>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const base = object.get(PDFName.of("BaseFont"));
    if (!(base instanceof PDFName)) continue;
    // A subset's name starts with six capitals and a plus: AAAAAA+AtkinsonHyperlegibleNext-Bold.
    const name = base.decodeText().replace(/^[A-Z]{6}\+/, "");
    if (!name.startsWith(bundledFontName)) names.add(name);
  }
  return [...names].sort();
}

/** The build's warning for a PDF that uses fonts of the build machine. */
export function describeForeignFonts(file: string, fonts: readonly string[]): string {
  return (
    `${file}: uses ${fonts.join(", ")} from the build machine for characters the bundled typeface (Atkinson Hyperlegible Next) lacks, ` +
    "so it will print differently elsewhere.\n" +
    "  Replace those characters (symbols, emoji) in the content, or draw them with CSS in site/assets/pdf/print.css."
  );
}
