import type { UserConfig } from "@11ty/eleventy";
import { formExport } from "../model/form-export.ts";
import type { TemplateDocument } from "../model/site-model.ts";

/**
 * Beside each template's page, form.json: the form's fields and outline, which the page's
 * script reads to export the answers as a completed example or a Word document.
 */
export function addFormPages(config: UserConfig): void {
  config.addFilter("formJson", (template: TemplateDocument) =>
    JSON.stringify(formExport(template)),
  );
  config.addTemplate("charterbook/pages/form-json.njk", "{{ doc | formJson | safe }}", {
    pagination: { data: "charterbook.templates", size: 1, alias: "doc" },
    permalink: "{{ doc.url }}form.json",
    eleventyExcludeFromCollections: true,
  });
}
