import { didYouMean } from "./did-you-mean.ts";
import type { LoadedContent } from "./load-content.ts";
import type { Report } from "./report-problem.ts";

const folderOf = {
  chapter: "content/guide",
  template: "content/templates",
  example: "content/examples",
};

/**
 * Publications name their parts by file name, and the site and communities name the publications
 * their printed guides bind: every name must lead to a file, and a publication holds each part once.
 */
export function checkPublications(content: LoadedContent, report: Report): void {
  const slugsOf = (type: string) =>
    new Set(content.files.filter((file) => file.type.name === type).map((file) => file.slug));
  const known = {
    chapter: slugsOf("chapter"),
    template: slugsOf("template"),
    example: slugsOf("example"),
  };
  const publications = slugsOf("publication");
  const useOneOf = (value: string, names: Set<string>, folder: string) => {
    const guess = didYouMean(value, [...names]);
    return guess
      ? `Did you mean ${guess}?`
      : `Use the name of a file in ${folder} without .md: ${[...names].sort().join(", ") || "(none yet)"}.`;
  };

  for (const file of content.files.filter((f) => f.type.name === "publication")) {
    const groups = file.data.groups;
    if (!Array.isArray(groups)) continue;
    const seen = new Map<string, string>();
    groups.forEach((group: { items?: unknown }, g) => {
      if (!group || !Array.isArray(group.items)) return;
      group.items.forEach((item: unknown, i) => {
        if (!item || typeof item !== "object") return;
        const [kind, slug] = Object.entries(item)[0] ?? [];
        if (typeof slug !== "string") return;
        const field = ["groups", g, "items", i, kind!];
        if (kind === "chapter" || kind === "template" || kind === "example") {
          if (!known[kind].has(slug)) {
            report(
              file,
              field,
              `unknown-${kind}`,
              `There is no ${kind} "${slug}".`,
              useOneOf(slug, known[kind], folderOf[kind]),
            );
            return;
          }
        } else if (kind === "appendix" && !slugsOf(slug).size) {
          report(
            file,
            field,
            "unknown-appendix",
            `There is no ${slug} appendix: content/${slug}.md does not exist.`,
            `Add content/${slug}.md, or remove this item.`,
          );
          return;
        }
        const key = `${kind}:${slug}`;
        const first = seen.get(key);
        if (first) {
          report(
            file,
            field,
            "duplicate-part",
            `The ${kind} "${slug}" is already in this publication, at ${first}.`,
            "A publication holds each part once: remove one of them.",
          );
        } else seen.set(key, `groups[${g}].items[${i}]`);
      });
    });
  }

  for (const file of content.files.filter(
    (f) => f.type.name === "site" || f.type.name === "community",
  )) {
    const chosen = file.data.guide_publications;
    if (!Array.isArray(chosen)) continue;
    chosen.forEach((slug, index) => {
      if (typeof slug === "string" && !publications.has(slug)) {
        report(
          file,
          ["guide_publications", index],
          "unknown-publication",
          `There is no publication "${slug}".`,
          useOneOf(slug, publications, "content/publications"),
        );
      }
    });
  }
}
