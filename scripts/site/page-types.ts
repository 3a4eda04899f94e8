import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { contentTypeFor, type ContentTypeName } from "../content/content-types.ts";

/** The layout for each kind of content; the path decides the kind, so front matter never names a layout. */
export const layoutFor: Record<Exclude<ContentTypeName, "site">, string> = {
  community: "community.njk",
  charter: "charter.njk",
  "ground-rules": "ground-rules.njk",
  chapter: "chapter.njk",
  template: "template.njk",
  topics: "topics.njk",
  roadmap: "roadmap.njk",
  phases: "phases.njk",
  principles: "principles.njk",
};

/** The content type as readers see it: search filters and breadcrumbs use these words. */
export const typeLabel: Record<Exclude<ContentTypeName, "site">, string> = {
  community: "Community",
  charter: "Charter",
  "ground-rules": "Ground rules",
  chapter: "Guide",
  template: "Template",
  topics: "Topics",
  roadmap: "Roadmap",
  phases: "Phases",
  principles: "Principles",
};

interface PageData {
  page: { inputPath: string };
}

/**
 * Gives each content page its `contentType`, `communitySlug` and `layout` from where the file lives,
 * the same rule validation uses (scripts/content/content-types.ts).
 */
export function addPageTypes(config: UserConfig): void {
  const relative = (inputPath: string) =>
    path
      .relative(path.resolve(config.directories.input), path.resolve(inputPath))
      .split(path.sep)
      .join("/");
  const typeOf = (inputPath: string) => {
    const name = contentTypeFor(relative(inputPath))?.name;
    return name && name !== "site" ? name : undefined;
  };

  config.addGlobalData("eleventyComputed", {
    contentType: (data: PageData) => typeOf(data.page.inputPath) ?? "page",
    typeLabel: (data: PageData) => {
      const type = typeOf(data.page.inputPath);
      return type ? typeLabel[type] : "Page";
    },
    communitySlug: (data: PageData) => {
      const [folder, slug] = relative(data.page.inputPath).split("/");
      return folder === "communities" ? slug : undefined;
    },
  });

  // A preprocessor rather than computed data: Eleventy reads `layout` before computed data runs.
  config.addPreprocessor(
    "layout-by-content-type",
    "md",
    function (this: { inputPath: string }, data: Record<string, unknown>) {
      const type = typeOf(this.inputPath);
      if (type) data.layout = layoutFor[type];
    },
  );
}
