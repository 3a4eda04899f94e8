import type { MarkdownHeading } from "./markdown.ts";
import type { CharterVersion, ContentDocument, SiteModel } from "./site-model.ts";

/**
 * Ids on a printed guide: every part (the charter, each chapter, each template) shares one page,
 * so each part's ids carry its own prefix. The print layouts and the contents list both use these.
 */
export const printIds = {
  part(document: ContentDocument): string {
    switch (document.type) {
      case "chapter":
        return `chapter-${document.slug}`;
      case "template":
        return `template-${document.slug}`;
      default:
        return document.type;
    }
  },
  /** The prefix of the ids inside a part, such as "chapter-getting-started-". */
  prefix(document: ContentDocument): string {
    return `${printIds.part(document)}-`;
  },
};

/** An entry of a printed guide's contents page. */
export interface ContentsEntry {
  id: string;
  text: string;
  /** 1 for a part of the guide (a chapter, the charter), 2 for a section within it. */
  level: 1 | 2;
}

const sectionsOf = (
  document: ContentDocument,
  headings: readonly MarkdownHeading[],
): ContentsEntry[] =>
  headings
    .filter((heading) => heading.level === 2)
    .map((heading) => ({
      id: `${printIds.prefix(document)}${heading.id}`,
      text: heading.text,
      level: 2,
    }));

/**
 * The contents page of a community's printed guide of one version of its charter, in the order
 * the guide prints its parts. The charter's sections carry the same numbers as on the site; a
 * draft's guide lists the changes it proposes after the version history.
 */
export function guideContents(model: SiteModel, version: CharterVersion): ContentsEntry[] {
  const part = (document: ContentDocument): ContentsEntry => ({
    id: printIds.part(document),
    text: document.title,
    level: 1,
  });
  const { charter, groundRules } = version;
  const charterPrefix = printIds.prefix(charter);
  return [
    part(charter),
    { id: `${charterPrefix}version-history`, text: "Version history", level: 2 },
    ...(version.draft && version.changes
      ? [
          {
            id: `${charterPrefix}changes-in-this-version`,
            text: "Changes in this version",
            level: 2 as const,
          },
        ]
      : []),
    ...charter.sections.map((section): ContentsEntry => ({
      id: `${charterPrefix}${section.id}`,
      text: `${section.number}. ${section.title}`,
      level: 2,
    })),
    part(groundRules),
    ...model.chapters.flatMap((chapter) => [
      part(chapter),
      ...sectionsOf(chapter, chapter.markdown.headings),
    ]),
    ...model.printedAppendices.map(part),
    ...model.templates.map(part),
  ];
}
