import type { MarkdownIt } from "markdown-it";
import type { ContentFile } from "../content/load-content.ts";
import type {
  Chapter,
  Charter,
  Community,
  GroundRules,
  Phases,
  Principles,
  Roadmap,
  Site,
  Template,
  Topics,
} from "../content/schema-types.ts";

/** A heading in a printed document: what the contents page and the PDF outline list. */
export interface PrintHeading {
  id: string;
  text: string;
  /** 1 for a part of the guide (a chapter, the charter), 2 for a section within it. */
  level: number;
}

/** A content item's front matter with its Markdown body rendered to HTML. */
export type WithBody<T> = T & { slug: string; bodyHtml: string; headings: PrintHeading[] };

/** Everything one template PDF (and the guide's template section) prints. */
export type PrintTemplate = WithBody<Template>;

/** Everything the guide PDF of one community prints, in the order it prints it. */
export interface PrintGuide {
  slug: string;
  /** The document title, shown on the cover, in the running header and in the PDF metadata. */
  title: string;
  version: string;
  draft: boolean;
  /** The date the current version was approved, YYYY-MM-DD; absent while the charter is a draft. */
  approvalDate?: string;
  community: WithBody<Community>;
  charter: WithBody<Charter>;
  groundRules?: WithBody<GroundRules>;
  chapters: WithBody<Chapter>[];
  phases?: WithBody<Phases>;
  roadmap?: WithBody<Roadmap>;
  topics?: WithBody<Topics>;
  principles?: WithBody<Principles>;
  templates: PrintTemplate[];
  /** The entries of the contents page, in order; the renderer fills in their page numbers. */
  contents: PrintHeading[];
}

export interface PrintData {
  site: Site;
  guides: PrintGuide[];
  templates: PrintTemplate[];
}

/**
 * Gathers the loaded content into one view per printed document. Content has been validated
 * before Eleventy runs, so the front matter is trusted to match its schema here.
 */
export function buildPrintData(files: ContentFile[], markdown: MarkdownIt): PrintData {
  const withBody = <T>(file: ContentFile): WithBody<T> => ({
    ...(file.data as T),
    slug: file.slug,
    ...renderBody(markdown, file.body, idPrefix(file), file.relativePath),
  });
  const ofType = (name: ContentFile["type"]["name"]) =>
    files.filter((file) => file.type.name === name);
  const single = <T>(name: ContentFile["type"]["name"]): WithBody<T> | undefined => {
    const file = ofType(name)[0];
    return file ? withBody<T>(file) : undefined;
  };

  const siteFile = ofType("site")[0];
  if (!siteFile)
    throw new Error(
      "content/site.yaml is missing, so the PDFs have no organisation or paper size.",
    );
  const site = siteFile.data as unknown as Site;

  const chapters = ofType("chapter")
    .map((file) => withBody<Chapter>(file))
    .sort((a, b) => a.order - b.order);
  const templates = ofType("template")
    .map((file) => withBody<Template>(file))
    .sort((a, b) => a.title.localeCompare(b.title));
  const shared = {
    chapters,
    templates,
    phases: single<Phases>("phases"),
    roadmap: single<Roadmap>("roadmap"),
    topics: single<Topics>("topics"),
    principles: single<Principles>("principles"),
  };

  // Looked up once per community: indexed here so the work grows with the number of files.
  const communityFiles = new Map<string, ContentFile>();
  for (const file of files) {
    if (file.community) communityFiles.set(`${file.type.name} ${file.community}`, file);
  }

  const guides = ofType("community")
    .map((communityFile): PrintGuide | undefined => {
      const slug = communityFile.community ?? communityFile.slug;
      const forCommunity = (name: ContentFile["type"]["name"]) =>
        communityFiles.get(`${name} ${slug}`);
      const charterFile = forCommunity("charter");
      // A community without a charter has no guide to print yet; validation reports it.
      if (!charterFile) return undefined;
      const charter = withBody<Charter>(charterFile);
      const groundRulesFile = forCommunity("ground-rules");
      const lastVersion = charter.version_history[charter.version_history.length - 1];
      const draft = charter.status === "draft";
      return {
        slug,
        title: `${(communityFile.data as unknown as Community).short_name} guide`,
        version: charter.version,
        draft,
        ...(draft || !lastVersion?.approval_date
          ? {}
          : { approvalDate: lastVersion.approval_date }),
        community: withBody<Community>(communityFile),
        charter,
        ...(groundRulesFile ? { groundRules: withBody<GroundRules>(groundRulesFile) } : {}),
        ...shared,
        contents: [],
      };
    })
    .filter((guide): guide is PrintGuide => guide !== undefined)
    .map((guide) => ({ ...guide, contents: guideContents(guide) }))
    .sort((a, b) => a.slug.localeCompare(b.slug));

  return { site, guides, templates };
}

/**
 * Ids in the guide must be unique across every part printed into it, so each part's heading ids
 * and footnote ids carry the part's prefix ("chapter-reflective-practice-gibbs-cycle").
 */
function idPrefix(file: ContentFile): string {
  switch (file.type.name) {
    case "chapter":
      return `chapter-${file.slug}`;
    case "template":
      return `template-${file.slug}`;
    default:
      return file.type.name;
  }
}

/** Renders a Markdown body, prefixing its heading ids, and lists its headings for the contents. */
export function renderBody(
  markdown: MarkdownIt,
  body: string,
  prefix: string,
  contentPath: string,
): { bodyHtml: string; headings: PrintHeading[] } {
  // markdown-it-footnote prefixes its ids with env.docId; images resolve from the file's folder
  // as they do on the site (see resolveImageSource).
  const env = { docId: prefix, contentPath };
  const tokens = markdown.parse(body, env);
  const headings: PrintHeading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const id = token.attrGet("id");
    if (!id) return;
    const prefixed = `${prefix}-${id}`;
    token.attrSet("id", prefixed);
    const text = tokens[index + 1]?.children?.map((child) => child.content).join("") ?? "";
    headings.push({ id: prefixed, text, level: Number(token.tag.slice(1)) });
  });
  return { bodyHtml: markdown.renderer.render(tokens, markdown.options, env), headings };
}

/** Fixed ids of the parts every guide prints, shared with layouts/print/guide.njk. */
export const charterSections = [
  { id: "charter-goals", text: "Goals" },
  { id: "charter-benefits", text: "Benefits" },
  { id: "charter-assumptions", text: "Assumptions and constraints" },
  { id: "charter-risks", text: "Risks and how they are reduced" },
  { id: "charter-roles", text: "Roles and responsibilities" },
  { id: "charter-stakeholders", text: "Stakeholders" },
  { id: "charter-approval", text: "Approval" },
  { id: "charter-version-history", text: "Version history" },
] as const;

/** The contents page: every part (level 1) and the sections of the charter and chapters (level 2). */
function guideContents(guide: PrintGuide): PrintHeading[] {
  const sections = (headings: PrintHeading[]) => headings.filter((heading) => heading.level === 2);
  const part = (id: string, text: string): PrintHeading => ({ id, text, level: 1 });
  return [
    part("charter", guide.charter.title),
    ...sections(guide.charter.headings),
    ...charterSections.map((section) => ({ ...section, level: 2 })),
    ...(guide.groundRules ? [part("ground-rules", guide.groundRules.title)] : []),
    ...guide.chapters.flatMap((chapter) => [
      part(`chapter-${chapter.slug}`, chapter.title),
      ...sections(chapter.headings),
    ]),
    ...(guide.phases ? [part("phases", guide.phases.title)] : []),
    ...(guide.roadmap ? [part("roadmap", guide.roadmap.title)] : []),
    ...(guide.topics ? [part("topics", guide.topics.title)] : []),
    ...(guide.principles ? [part("principles", guide.principles.title)] : []),
    ...guide.templates.map((template) => part(`template-${template.slug}`, template.title)),
  ];
}
