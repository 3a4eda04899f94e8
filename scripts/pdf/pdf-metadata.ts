import type { PDFDocument } from "pdf-lib";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** BCP 47 language tag, such as en-GB. */
  language: string;
  keywords?: string[];
}

/**
 * Chrome writes the title from <title> but no author, subject or language, so these are set
 * afterwards. pdf-lib keeps every object it loaded, so the tags and the outline survive.
 */
export function setPdfMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdf.setAuthor(metadata.author);
  pdf.setSubject(metadata.subject);
  pdf.setLanguage(metadata.language);
  if (metadata.keywords?.length) pdf.setKeywords(metadata.keywords);
  pdf.setCreator("Charterbook");
}
