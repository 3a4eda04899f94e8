import type { UserConfig } from "@11ty/eleventy";
import type { Site } from "../content/schema-types.ts";
import { cycleDiagram, type CycleStep } from "../model/cycle-diagram.ts";
import { formatDate } from "../model/format-date.ts";
import { charterStanding } from "../model/charter-standing.ts";
import type { CharterDocument, ContentDocument, DocumentMarkdown } from "../model/site-model.ts";

/** Where a layout's Markdown comes from: a document of the model, or site.yaml's Markdown. */
type MarkdownSource = ContentDocument | DocumentMarkdown;

// Told apart by shape, not instanceof: Eleventy imports this file through its own loader, so in
// a test runner the model's classes can arrive as a second copy of the same module.
const markdownOf = (source: MarkdownSource): DocumentMarkdown => {
  if (source && "renderBody" in source) return source;
  if (source && "markdown" in source) return source.markdown;
  throw new Error("The md and body filters take a document of the site model (doc, charter, …).");
};

/**
 * Filters the layouts use; each returns plain data or HTML the layout marks `| safe`. None of
 * them parses Markdown: they render what validation already parsed and checked.
 */
export function addFilters(config: UserConfig): void {
  config.addFilter("readableDate", function (this: { ctx?: { site?: Site } }, iso: string) {
    const site = this.ctx?.site;
    return formatDate(iso, site?.locale ?? "en-GB", site?.date_style ?? "long");
  });
  // {{ goal | md(doc) | safe }}: a Markdown value of the document's front matter, inline.
  config.addFilter("md", (text: string | undefined, source: MarkdownSource) =>
    text ? markdownOf(source).renderValue(text) : "",
  );
  // {{ statement | mdBlock(doc) | safe }}: the same, as paragraphs and lists.
  config.addFilter("mdBlock", (text: string | undefined, source: MarkdownSource) =>
    text ? markdownOf(source).renderValue(text, { block: true }) : "",
  );
  // {% set body = doc | body({ idPrefix: "charter-" }) %}: the body's html and footnotes.
  config.addFilter("body", (source: MarkdownSource, options: { idPrefix?: string } = {}) =>
    markdownOf(source).renderBody(options),
  );
  config.addFilter(
    "cycleDiagram",
    (steps: CycleStep[], id: string, title: string, cyclical = true) =>
      cycleDiagram({ id, title, steps, cyclical }),
  );
  // {{ contact.phone | phoneLink | safe }}: a telephone link that never wraps mid-number.
  config.addFilter("phoneLink", phoneLink);
  // {% set standing = charter | charterStanding(today) %}: approved or draft, and whether the
  // review is overdue on that day: the site's pages and the PDFs' covers say the same.
  config.addFilter("charterStanding", (charter: CharterDocument, today: string) =>
    charterStanding(charter.data, today),
  );
  config.addFilter("unique", (values: string[]) => [...new Set(values)].sort());
  config.addFilter("range", (count: number) =>
    Array.from({ length: Number(count) || 0 }, (_, i) => i + 1),
  );
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A telephone number as a link: the address keeps only the digits and a leading +, and the
 * text joins its groups with no-break spaces and no-break hyphens, so a narrow screen never
 * splits the number across two lines.
 */
export function phoneLink(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  const text = escapeHtml(phone.trim()).replace(/ +/g, "&nbsp;").replace(/-/g, "&#8209;");
  return `<a class="phone" href="tel:${digits}">${text}</a>`;
}
