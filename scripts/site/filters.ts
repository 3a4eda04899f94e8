import type { CollectionItem, UserConfig } from "@11ty/eleventy";
import type { Charter, Site } from "../content/schema-types.ts";
import { charterSections, lastApproval } from "./charter-sections.ts";
import { cycleDiagram, type CycleStep } from "./cycle-diagram.ts";
import { formatDate } from "./format-date.ts";
import { createMarkdown } from "./markdown.ts";
import { listHeadings, numberHeadings } from "./page-headings.ts";
import { splitFootnotes } from "./split-footnotes.ts";

const communityIndexes = new WeakMap<CollectionItem[], Map<string, CollectionItem[]>>();

/**
 * A collection's items grouped by community. Every community page looks up its own items, so
 * filtering the whole collection on each page would make the build grow with the square of the
 * number of communities; Eleventy hands each page the same collection arrays, so one index each.
 */
function byCommunity(items: CollectionItem[]): Map<string, CollectionItem[]> {
  let index = communityIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const item of items) {
      const slug = item.data.communitySlug;
      if (typeof slug !== "string") continue;
      index.set(slug, [...(index.get(slug) ?? []), item]);
    }
    communityIndexes.set(items, index);
  }
  return index;
}

/** Filters the layouts use; each returns plain data or HTML the layout marks `| safe`. */
export function addFilters(config: UserConfig): void {
  const md = createMarkdown();

  config.addFilter("readableDate", function (this: { ctx?: { site?: Site } }, iso: string) {
    const site = this.ctx?.site;
    return formatDate(iso, site?.locale ?? "en-GB", site?.date_style ?? "long");
  });
  config.addFilter("markdown", (text: string) => md.render(String(text ?? "")));
  config.addFilter("markdownInline", (text: string) => md.renderInline(String(text ?? "")));
  config.addFilter(
    "cycleDiagram",
    (steps: CycleStep[], id: string, title: string, cyclical = true) =>
      cycleDiagram({ id, title, steps, cyclical }),
  );
  config.addFilter("splitFootnotes", (html: string) => splitFootnotes(String(html ?? "")));
  config.addFilter("headings", (html: string) => listHeadings(String(html ?? "")));
  config.addFilter("numberHeadings", (html: string, start: number) =>
    numberHeadings(String(html ?? ""), start),
  );
  config.addFilter(
    "forCommunity",
    (items: CollectionItem[], slug: string) => byCommunity(items ?? []).get(slug) ?? [],
  );
  config.addFilter("neighbours", (items: CollectionItem[], url: string) => {
    const index = (items ?? []).findIndex((item) => item.url === url);
    return {
      previous: index > 0 ? items[index - 1] : undefined,
      next: index >= 0 ? items[index + 1] : undefined,
    };
  });
  config.addFilter("charterSections", (charter: Charter, bodyHtml: string) =>
    charterSections(charter, String(bodyHtml ?? "")),
  );
  config.addFilter("lastApproval", (charter: Charter) => lastApproval(charter));
  config.addFilter(
    "findCommunity",
    (communities: CollectionItem[], slug: string) => byCommunity(communities ?? []).get(slug)?.[0],
  );
  config.addFilter("unique", (values: string[]) => [...new Set(values)].sort());
  config.addFilter("range", (count: number) =>
    Array.from({ length: Number(count) || 0 }, (_, i) => i + 1),
  );
}
