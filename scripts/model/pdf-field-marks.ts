/**
 * How a print page marks the boxes that become PDF form fields. Chromium writes every link of a
 * printed page as a link annotation with the rectangle the link covers on its page, so a box
 * wrapped in a link to one of these addresses tells the PDF renderer exactly where the box was
 * printed, page and position, with no guess at where page breaks fell. The renderer replaces each
 * such link with a form field (scripts/pdf/form-fields.ts). `.invalid` is reserved (RFC 2606):
 * the address can never lead anywhere.
 */

export const pdfFieldOrigin = "https://pdf-field.invalid";

export type PdfFieldKind = "text" | "multiline" | "checkbox" | "radio";

export interface PdfFieldMark {
  /** The field's name, such as `self-assessment.1-2.evidence` (dots make the PDF's field tree). */
  name: string;
  kind: PdfFieldKind;
  /** radio: the option this box stands for. */
  value?: string;
  /** text: the most characters the box takes, such as 2 for a day. */
  max?: number;
  /** What the field asks, shown by PDF readers as its tooltip and read by screen readers. */
  label?: string;
}

const kinds: readonly PdfFieldKind[] = ["text", "multiline", "checkbox", "radio"];

export function pdfFieldHref(mark: PdfFieldMark): string {
  const query = new URLSearchParams({ kind: mark.kind, name: mark.name });
  if (mark.value !== undefined) query.set("value", mark.value);
  if (mark.max !== undefined) query.set("max", String(mark.max));
  if (mark.label !== undefined) query.set("label", mark.label);
  return `${pdfFieldOrigin}/?${query.toString()}`;
}

/** The mark a link's address carries, or undefined for any other address. */
export function parsePdfFieldHref(href: string): PdfFieldMark | undefined {
  if (!href.startsWith(`${pdfFieldOrigin}/?`)) return undefined;
  const query = new URL(href).searchParams;
  const kind = query.get("kind") as PdfFieldKind | null;
  const name = query.get("name");
  if (!kind || !kinds.includes(kind) || !name) return undefined;
  const value = query.get("value");
  const label = query.get("label");
  const max = Number(query.get("max"));
  return {
    name,
    kind,
    ...(value !== null ? { value } : {}),
    ...(max > 0 ? { max } : {}),
    ...(label ? { label } : {}),
  };
}
