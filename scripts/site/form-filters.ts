import type { UserConfig } from "@11ty/eleventy";
import { pdfFieldHref, type PdfFieldKind } from "../model/pdf-field-marks.ts";

/** Filters of the template partials (layouts/partials/template.njk and its parts). */
export function addFormFilters(config: UserConfig): void {
  // {{ field.name | pdfFieldHref("radio", { value: option.label }) }}: the link a print page
  // wraps a box in, for the PDF renderer to put a form field there.
  config.addFilter(
    "pdfFieldHref",
    (
      name: string,
      kind: PdfFieldKind,
      extra: { value?: string; max?: number; label?: string } = {},
    ) => pdfFieldHref({ name, kind, ...extra }),
  );
  // {{ ctx | merge({ prefix: "x-" }) }}: a copy of an options object with some values changed.
  config.addFilter("merge", (base: object, changes: object) => ({ ...base, ...changes }));
}
