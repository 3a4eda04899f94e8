/**
 * The published site as typed values: what the loader read and validation checked, with every
 * Markdown text parsed once. Eleventy, the print pages, the search index and the PDF jobs all take
 * this model; none of them reads content/ again.
 *
 * Documents are class instances on purpose: Eleventy deep-copies plain objects in its data
 * cascade, and a model of 10,000 pages (whose communities and charters point at each other)
 * must be handed to every page as it is.
 */
import type { ContentTypeName } from "../content/content-types.ts";
import type { ContentImage } from "../content/load-content.ts";
import type {
  Chapter,
  Charter,
  Community,
  Example,
  GroundRules,
  Phases,
  Principles,
  Publication,
  Roadmap,
  Site,
  Template,
  Topics,
} from "../content/schema-types.ts";
import type { FieldValue } from "./answers.ts";
import type { TemplateForm } from "./template-form.ts";
import { charterSections, lastApproval, type CharterSection } from "./charter-sections.ts";
import { idPrefixMark, type MarkdownHeading, type RenderedMarkdown } from "./markdown.ts";

export type DocumentType = Exclude<ContentTypeName, "site">;

/** The content type as readers see it: search filters, breadcrumbs and kickers use these words. */
export const typeLabel: Record<DocumentType, string> = {
  community: "Community",
  charter: "Charter",
  "ground-rules": "Ground rules",
  chapter: "Guide",
  template: "Template",
  example: "Completed example",
  publication: "Toolkit",
  topics: "Topics",
  roadmap: "Roadmap",
  phases: "Phases",
  principles: "Principles",
};

/** Where each document is published on the site. Slugs are validated, so they are safe in a path. */
export const documentUrl = {
  community: (slug: string) => `/communities/${slug}/`,
  charter: (community: string) => `/communities/${community}/charter/`,
  "ground-rules": (community: string) => `/communities/${community}/ground-rules/`,
  chapter: (slug: string) => `/guide/${slug}/`,
  template: (slug: string) => `/templates/${slug}/`,
  example: (slug: string) => `/examples/${slug}/`,
  publication: (slug: string) => `/publications/${slug}/`,
  topics: () => "/topics/",
  roadmap: () => "/roadmap/",
  phases: () => "/phases/",
  principles: () => "/principles/",
} satisfies Record<DocumentType, (slug: string) => string>;

/**
 * A content file's Markdown, parsed once when the content was validated and rendered there: the
 * body (with a mark where each medium puts its id prefix), and each value its schema declares as
 * Markdown. The parsed tokens are not kept, so a large site holds its text once, as HTML.
 */
export class DocumentMarkdown {
  constructor(
    /** The file's path inside the content folder; images resolve from its folder. */
    readonly contentPath: string,
    /** The body's h2 and h3 headings, for contents lists and section numbers. */
    readonly headings: readonly MarkdownHeading[],
    private readonly body: RenderedMarkdown,
    private readonly values: ReadonlyMap<string, RenderedValue>,
  ) {}

  /** The body for one medium: the site (no prefix) or a printed page (ids prefixed). */
  renderBody({ idPrefix = "" }: { idPrefix?: string } = {}): RenderedMarkdown {
    return {
      html: this.body.html.replaceAll(idPrefixMark, idPrefix),
      footnotes: this.body.footnotes.replaceAll(idPrefixMark, idPrefix),
    };
  }

  /**
   * A Markdown value of the front matter, as validation rendered it. A value validation never
   * saw is refused: a layout must not publish Markdown that was not checked.
   */
  renderValue(text: string, { block = false }: { block?: boolean } = {}): string {
    const rendered = this.values.get(text);
    if (!rendered) {
      throw new Error(
        `A layout rendered Markdown that validation did not check, from ${this.contentPath}: ${JSON.stringify(text.slice(0, 60))}. ` +
          "Only values the schema declares as Markdown may go through the md filter.",
      );
    }
    return block ? rendered.block : rendered.inline;
  }
}

/** A front-matter value rendered both ways a layout may show it. */
export interface RenderedValue {
  /** Inside an element: a single paragraph without its <p>. */
  inline: string;
  /** As paragraphs and lists. */
  block: string;
}

interface DocumentInit<T> {
  type: DocumentType;
  slug: string;
  /** Path shown to editors, such as content/guide/getting-started.md. */
  source: string;
  data: T;
  markdown: DocumentMarkdown;
}

/** One published page's content: its front matter, its Markdown and where it lives. */
export class ContentDocument<T extends object = object> {
  readonly type: DocumentType;
  readonly slug: string;
  readonly source: string;
  readonly data: T;
  readonly markdown: DocumentMarkdown;
  readonly url: string;

  constructor(init: DocumentInit<T>, url: string) {
    this.type = init.type;
    this.slug = init.slug;
    this.source = init.source;
    this.data = init.data;
    this.markdown = init.markdown;
    this.url = url;
  }

  get typeLabel(): string {
    return typeLabel[this.type];
  }

  /** The page's heading. */
  get title(): string {
    const data = this.data as { title?: string; name?: string };
    return data.title ?? data.name ?? this.slug;
  }

  /** The level-2 headings of the body: the sections a page's contents list links to. */
  get bodySections(): MarkdownHeading[] {
    return this.markdown.headings.filter((heading) => heading.level === 2);
  }

  /** One sentence for the page's description and for listings, when the content has one. */
  get summary(): string | undefined {
    return (this.data as { summary?: string }).summary;
  }
}

export class CommunityDocument extends ContentDocument<Community> {
  charter?: CharterDocument;
  groundRules?: GroundRulesDocument;

  constructor(init: DocumentInit<Community>) {
    super(init, documentUrl.community(init.slug));
  }

  get shortName(): string {
    return this.data.short_name;
  }
}

/** A document that belongs to one community: its charter or its ground rules. */
class CommunityPart<T extends object> extends ContentDocument<T> {
  /** Set when the model is assembled; validation guarantees every community has all its parts. */
  community!: CommunityDocument;
}

export class CharterDocument extends CommunityPart<Charter> {
  /** The numbered sections, the same on the site and on paper. */
  readonly sections: CharterSection[];

  constructor(init: DocumentInit<Charter>) {
    super(init, documentUrl.charter(init.slug));
    this.sections = charterSections(init.data, init.markdown.headings);
  }

  get draft(): boolean {
    return this.data.status === "draft";
  }

  /** The newest row of the version history: the version this text is. */
  get currentVersion(): Charter["version_history"][number] {
    return this.data.version_history.at(-1)!;
  }

  /** The last approved version, which is in force while a newer draft waits. */
  get lastApproval(): Charter["version_history"][number] | undefined {
    return lastApproval(this.data);
  }
}

export class GroundRulesDocument extends CommunityPart<GroundRules> {
  constructor(init: DocumentInit<GroundRules>) {
    super(init, documentUrl["ground-rules"](init.slug));
  }
}

export class ChapterDocument extends ContentDocument<Chapter> {
  /** The templates this chapter points to, in the order it lists them. */
  relatedTemplates: TemplateDocument[] = [];
  /** The chapters before and after this one, in reading order. */
  previous?: ChapterDocument;
  next?: ChapterDocument;

  constructor(init: DocumentInit<Chapter>) {
    super(init, documentUrl.chapter(init.slug));
  }
}

export class TemplateDocument extends ContentDocument<Template> {
  /** The publications that hold this template, in the order they are listed. */
  publications: PublicationDocument[] = [];
  /** Completed examples of this template, by title. */
  examples: ExampleDocument[] = [];

  constructor(
    init: DocumentInit<Template>,
    /** Its blocks with the names of their answers: the same on the site, in exports and in the PDF form. */
    readonly form: TemplateForm,
  ) {
    super(init, documentUrl.template(init.slug));
  }

  /** The assessments among its blocks, for contents lists. */
  get assessments(): Extract<TemplateForm["blocks"][number], { type: "assessment" }>[] {
    return this.form.blocks.filter((block) => block.type === "assessment");
  }
}

/** A template filled in: shown on the site and in its PDF as the completed form. */
export class ExampleDocument extends ContentDocument<Example> {
  constructor(
    init: DocumentInit<Example>,
    readonly template: TemplateDocument,
    /** Each field's answer by field name, checked against the template's fields. */
    readonly values: Readonly<Record<string, FieldValue>>,
  ) {
    super(init, documentUrl.example(init.slug));
  }

  /** The form is the template's; the answers are this example's. */
  get form(): TemplateForm {
    return this.template.form;
  }
}

/** A group of a publication's parts, in reading order. */
export interface PublicationGroup {
  title: string;
  summary?: string;
  parts: ContentDocument[];
}

/** A named collection of chapters, templates, examples and appendices, with its own page and PDF. */
export class PublicationDocument extends ContentDocument<Publication> {
  groups: PublicationGroup[] = [];

  constructor(init: DocumentInit<Publication>) {
    super(init, documentUrl.publication(init.slug));
  }

  get kind(): "toolkit" | "guide" {
    return this.data.kind ?? "toolkit";
  }

  override get typeLabel(): string {
    return this.kind === "guide" ? "Guide" : "Toolkit";
  }

  /** Every part, in reading order. */
  get parts(): ContentDocument[] {
    return this.groups.flatMap((group) => group.parts);
  }
}

/** A part of a printed guide or publication, with the words above its title. */
export interface BoundPart {
  document: ContentDocument;
  /** Such as "Chapter 3", "Template", or the title of the publication's group it is in. */
  kicker: string;
}

export type TopicsDocument = ContentDocument<Topics>;
export type RoadmapDocument = ContentDocument<Roadmap>;
export type PhasesDocument = ContentDocument<Phases>;
export type PrinciplesDocument = ContentDocument<Principles>;

/** A PDF the build prints: which print page it comes from, and what goes on it besides. */
export interface PdfJob {
  kind: "guide" | "template" | "publication" | "example";
  /** Path in the site, such as pdf/north-east-guide.pdf. */
  file: string;
  /** The print page it is printed from, such as /print/communities/north-east/. */
  urlPath: string;
  /** The PDF's title: its metadata, the print page's <title> and the running header. */
  title: string;
  subject: string;
  author: string;
  /** BCP 47 language tag, such as en-GB. */
  language: string;
  keywords: string[];
  /** The text at the foot of every page, such as "Version 0.4, approved". */
  footer: string;
  /** Marks every page DRAFT. */
  draft: boolean;
  paperSize: "A4" | "Letter";
  /**
   * Adds a form field over each box of the printed form (scripts/pdf/form-fields.ts), so the
   * blank template can be filled in in a PDF reader. @default false
   */
  formFields?: boolean;
}

/** Everything the site publishes, in the order readers meet it. */
export class SiteModel {
  constructor(
    readonly site: Site,
    /** The Markdown of site.yaml (the accessibility statement's enforcement text). */
    readonly siteMarkdown: DocumentMarkdown,
    /** Sorted by name. */
    readonly communities: CommunityDocument[],
    /** Sorted by their order. */
    readonly chapters: ChapterDocument[],
    /** Sorted by title. */
    readonly templates: TemplateDocument[],
    /** Sorted by title. */
    readonly examples: ExampleDocument[],
    /** Sorted by title. */
    readonly publications: PublicationDocument[],
    readonly topics: TopicsDocument | undefined,
    readonly roadmap: RoadmapDocument | undefined,
    readonly phases: PhasesDocument | undefined,
    readonly principles: PrinciplesDocument | undefined,
    /** Images from the content folder, with the bytes that were checked. */
    readonly images: ContentImage[],
    /** The PDFs to print: a guide per community with a charter, and one per template. */
    readonly pdfs: PdfJob[],
  ) {}

  /**
   * The chapters a page's navigation lists: all of them in a guide of up to 40 chapters, otherwise
   * the 20 around the page's own chapter (or the first 20), so a page never lists thousands.
   */
  chaptersNear(document: ContentDocument | undefined): ChapterDocument[] {
    const limit = 40;
    if (this.chapters.length <= limit) return this.chapters;
    const at = document ? this.chapters.indexOf(document as ChapterDocument) : -1;
    const start = Math.max(0, Math.min(at - 10, this.chapters.length - 20));
    return this.chapters.slice(start, start + 20);
  }

  /** The guide's appendices (topics, roadmap, phases, principles), as the navigation lists them. */
  get appendices(): ContentDocument[] {
    const all: (ContentDocument | undefined)[] = [
      this.phases,
      this.principles,
      this.roadmap,
      this.topics,
    ];
    return all
      .filter((document): document is ContentDocument => document !== undefined)
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** The appendices in the order the printed guide binds them: phases, roadmap, topics, principles. */
  get printedAppendices(): ContentDocument[] {
    const all: (ContentDocument | undefined)[] = [
      this.phases,
      this.roadmap,
      this.topics,
      this.principles,
    ];
    return all.filter((document): document is ContentDocument => document !== undefined);
  }

  /** Communities whose guide is printed: those with a charter (validation makes that all of them). */
  get guides(): CommunityDocument[] {
    return this.communities.filter((community) => community.charter);
  }

  /** The documents of one type, for the page templates that publish them. */
  get pages(): Record<DocumentType, ContentDocument[]> {
    const parts = (pick: (community: CommunityDocument) => ContentDocument | undefined) =>
      this.communities
        .map(pick)
        .filter((document): document is ContentDocument => document !== undefined);
    const one = (document: ContentDocument | undefined) => (document ? [document] : []);
    return {
      community: this.communities,
      charter: parts((community) => community.charter),
      "ground-rules": parts((community) => community.groundRules),
      chapter: this.chapters,
      template: this.templates,
      example: this.examples,
      publication: this.publications,
      topics: one(this.topics),
      roadmap: one(this.roadmap),
      phases: one(this.phases),
      principles: one(this.principles),
    };
  }

  /** Every published document, one page each. */
  get documents(): ContentDocument[] {
    return [
      ...this.communities.flatMap((community) => [
        community,
        ...(community.charter ? [community.charter] : []),
        ...(community.groundRules ? [community.groundRules] : []),
      ]),
      ...this.chapters,
      ...this.templates,
      ...this.examples,
      ...this.publications,
      ...this.appendices,
    ];
  }

  /**
   * What a community's printed guide binds after its charter and ground rules: the publications
   * the community or the site chooses, in their order and groups, each part once. Without a
   * choice: every chapter, the appendices, and the templates that are in no publication.
   */
  guideParts(community: CommunityDocument): BoundPart[] {
    const chosen = community.data.guide_publications ?? this.site.guide_publications;
    if (!chosen) return this.defaultGuideParts;
    const bySlug = new Map(this.publications.map((publication) => [publication.slug, publication]));
    const seen = new Set<ContentDocument>();
    return chosen.flatMap((slug) =>
      bySlug
        .get(slug)!
        .groups.flatMap((group) =>
          group.parts.map((document) => ({ document, kicker: group.title })),
        )
        .filter((part) => !seen.has(part.document) && seen.add(part.document)),
    );
  }

  /** Communities whose guides bind the same parts share one key, so the parts print once per build. */
  guideKey(community: CommunityDocument): string {
    return (community.data.guide_publications ?? this.site.guide_publications ?? []).join(" ");
  }

  private get defaultGuideParts(): BoundPart[] {
    return [
      ...this.chapters.map((document, index) => ({ document, kicker: `Chapter ${index + 1}` })),
      ...this.printedAppendices.map((document) => ({ document, kicker: "Appendix" })),
      ...this.templates
        .filter((template) => template.publications.length === 0)
        .map((document) => ({ document, kicker: "Template" })),
    ];
  }

  /** The PDF printed for a community's guide, a template, an example or a publication, if the build prints one. */
  pdfFor(document: ContentDocument): PdfJob | undefined {
    const file =
      document.type === "template"
        ? templatePdfFile(document.slug)
        : document.type === "example"
          ? examplePdfFile(document.slug)
          : document.type === "publication"
            ? publicationPdfFile(document.slug)
            : guidePdfFile(communitySlugOf(document));
    return this.pdfs.find((job) => job.file === file);
  }
}

const communitySlugOf = (document: ContentDocument) =>
  document instanceof CommunityPart ? document.community.slug : document.slug;

/** Where the print pages are published; the PDF renderer opens each of them. */
export const printGuidePath = (slug: string) => `/print/communities/${slug}/`;
export const printTemplatePath = (slug: string) => `/print/templates/${slug}/`;
export const printExamplePath = (slug: string) => `/print/examples/${slug}/`;
export const printPublicationPath = (slug: string) => `/print/publications/${slug}/`;
/** The PDF files, relative to the site folder. */
export const guidePdfFile = (slug: string) => `pdf/${slug}-guide.pdf`;
export const templatePdfFile = (slug: string) => `pdf/template-${slug}.pdf`;
export const examplePdfFile = (slug: string) => `pdf/example-${slug}.pdf`;
export const publicationPdfFile = (slug: string) => `pdf/publication-${slug}.pdf`;
