import type { MarkdownHeading } from "./markdown.ts";
import type {
  BoundPart,
  CharterVersion,
  ContentDocument,
  PublicationDocument,
  SiteModel,
  TemplateDocument,
} from "./site-model.ts";

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
      case "example":
        return `example-${document.slug}`;
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
  /** A publication's group title, printed above its first part's entry without a page number. */
  group?: string;
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
    ...model
      .guideParts(version.community)
      .flatMap(({ document }) =>
        document.type === "chapter"
          ? [part(document), ...sectionsOf(document, document.markdown.headings)]
          : [part(document)],
      ),
  ];
}

/**
 * The contents page of a publication's PDF: each group's title, then its parts, with a chapter's
 * sections and an assessment's standards below their part.
 */
export function publicationContents(publication: PublicationDocument): ContentsEntry[] {
  return publication.groups.flatMap((group) =>
    group.parts.flatMap((document, index): ContentsEntry[] => {
      const entry: ContentsEntry = {
        id: printIds.part(document),
        text: document.title,
        level: 1,
        ...(index === 0 ? { group: group.title } : {}),
      };
      if (document.type === "chapter")
        return [entry, ...sectionsOf(document, document.markdown.headings)];
      if (document.type === "template") {
        const standards = (document as TemplateDocument).assessments.flatMap((assessment) =>
          assessment.standards.map((standard): ContentsEntry => ({
            id: `${printIds.prefix(document)}${standard.id}`,
            text: `${standard.number}. ${standard.title}`,
            level: 2,
          })),
        );
        return [entry, ...standards];
      }
      return [entry];
    }),
  );
}

/** A publication's parts, each with its group's title above it. */
export function publicationParts(publication: PublicationDocument): BoundPart[] {
  return publication.groups.flatMap((group) =>
    group.parts.map((document) => ({ document, kicker: group.title })),
  );
}
