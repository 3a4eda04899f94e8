import type { UserConfig } from "@11ty/eleventy";
import { pdfFieldHref, type PdfFieldKind } from "../model/pdf-field-marks.ts";

/** The part of Nunjucks' Environment these filters need. */
interface NunjucksEnvironment {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/**
 * Filters of the template partials (layouts/partials/template.njk and its parts). They are added
 * to Nunjucks itself rather than through Eleventy's addFilter: Eleventy times each filter it
 * registers and prints a warning when one takes a large share of a short build, which a filter
 * called for every box of every printed form can do on a busy machine, and a build's output must
 * stay its own lines.
 */
export function addFormFilters(config: UserConfig): void {
  config.amendLibrary("njk", (env) => {
    const nunjucks = env as NunjucksEnvironment;
    // {{ field.name | pdfFieldHref("radio", { value: option.label }) }}: the link a print page
    // wraps a box in, for the PDF renderer to put a form field there.
    nunjucks.addFilter(
      "pdfFieldHref",
      (
        name: string,
        kind: PdfFieldKind,
        extra: { value?: string; max?: number; label?: string } = {},
      ) => pdfFieldHref({ name, kind, ...extra }),
    );
    // {{ ctx | merge({ prefix: "x-" }) }}: a copy of an options object with some values changed.
    nunjucks.addFilter("merge", (base: object, changes: object) => ({ ...base, ...changes }));
    return env;
  });
}
