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
import { compareVersions, type VersionChanges } from "./version-changes.ts";

/** The kinds of published page; an approved version's copy is published as a charter or ground rules. */
export type DocumentType = Exclude<
  ContentTypeName,
  "site" | "charter-version" | "ground-rules-version"
>;

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
 * Where each version of a community's charter is published: its text, its ground rules, and what
 * it changed. Versions are validated (digits and dots), so they are safe in a path; an approved
 * version keeps its address for good, and a draft's address becomes its approved version's.
 */
export const versionUrl = {
  charter: (community: string, version: string) => `/communities/${community}/charter/${version}/`,
  groundRules: (community: string, version: string) =>
    `/communities/${community}/ground-rules/${version}/`,
  changes: (community: string, version: string) =>
    `/communities/${community}/charter/${version}/changes/`,
};

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
  /**
   * Every version published from the archive, oldest first: each approved version whose text is
   * kept, then the pending draft. Set on the community's charter.md only, not on the copies.
   */
  versions: CharterVersion[] = [];
  /** Approved versions whose text is not in the archive (approved before it was kept). */
  versionsNotKept: string[] = [];

  /** @param url where this text is published; a copy in the archive has its version's address */
  constructor(init: DocumentInit<Charter>, url = documentUrl.charter(init.slug)) {
    super(init, url);
    this.sections = charterSections(init.data, init.markdown.headings);
  }

  /** The version in force: the last approved version, when its text is kept. */
  get inForce(): CharterVersion | undefined {
    return this.versions.find((version) => version.state === "in-force");
  }

  /** The newest version while it awaits approval. */
  get pendingDraft(): CharterVersion | undefined {
    return this.versions.find((version) => version.state === "draft");
  }

  /** The published version numbered `version`, from any copy of the charter. */
  version(version: string): CharterVersion | undefined {
    return this.community.charter?.versions.find((v) => v.version === version);
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
  /** @param url where this text is published; a copy in the archive has its version's address */
  constructor(init: DocumentInit<GroundRules>, url = documentUrl["ground-rules"](init.slug)) {
    super(init, url);
  }
}

/** Whether a version is the one in force, an earlier one, or a proposal awaiting approval. */
export type VersionState = "in-force" | "superseded" | "draft";

type Revision = Charter["version_history"][number];

/**
 * One version of a community's charter and ground rules as members read it: approved and kept in
 * the archive (content/communities/<slug>/versions/<version>/), or the draft awaiting approval.
 */
export class CharterVersion {
  /** The approved version before this one, whether or not its text is kept. */
  previousRow?: Revision;
  /** The version this one is compared with: the approved one before it, when its text is kept. */
  previous?: CharterVersion;
  /** The approved version that replaced this one. */
  supersededBy?: Revision;
  /** The PDF printed of this version, when the build prints one. */
  pdf?: PdfJob;
  private compared?: VersionChanges;

  constructor(
    readonly community: CommunityDocument,
    /** This version's row of the version history. */
    readonly row: Revision,
    readonly state: VersionState,
    /** Its text: the copy in the archive, or charter.md itself for the newest version. */
    readonly charter: CharterDocument,
    readonly groundRules: GroundRulesDocument,
    /** Shows a date as the site does, for the changes' review date. */
    private readonly showDate: (iso: string) => string,
  ) {}

  get version(): string {
    return this.row.version;
  }

  get draft(): boolean {
    return this.state === "draft";
  }

  get url(): string {
    return versionUrl.charter(this.community.slug, this.version);
  }

  get groundRulesUrl(): string {
    return versionUrl.groundRules(this.community.slug, this.version);
  }

  /** The page of what this version changed, when there is an earlier text to compare with. */
  get changesUrl(): string | undefined {
    return this.previous ? versionUrl.changes(this.community.slug, this.version) : undefined;
  }

  /** What this version changed since the previous one, compared once, when first asked. */
  get changes(): VersionChanges | undefined {
    if (!this.previous) return undefined;
    this.compared ??= compareVersions(this.previous, this, this.showDate);
    return this.compared;
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
  /**
   * A community's whole guide, its charter alone, its ground rules on one page for the chair to
   * read out, an earlier version's charter and ground rules (charter-version), a blank template,
   * a publication such as a toolkit, or a completed example.
   */
  kind:
    | "guide"
    | "charter"
    | "ground-rules"
    | "charter-version"
    | "template"
    | "publication"
    | "example";
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
  /** The text at the foot of the document's own pages, such as "Version 0.4, approved". */
  footer: string;
  /** The footer of the pages a guide shares with every community's guide. @default footer */
  sharedFooter?: string;
  /** Marks the document's own pages DRAFT (a draft's guide: its contents, charter and ground rules). */
  draft: boolean;
  paperSize: "A4" | "Letter";
  /** The day the PDF is printed (YYYY-MM-DD): a cover says whether the charter's review is overdue on it. */
  printedOn: string;
  /** The pages the document must fit on; the type is set smaller until it does, or the build warns. */
  maxPages?: number;
  /** Marks every page SUPERSEDED: the PDF of a version that a later one replaced. @default false */
  superseded?: boolean;
  /** The version of the charter and ground rules a guide or charter PDF prints. */
  edition?: CharterVersion;
  /** Where the copy comes from, for its cover: version, approval, review date, date printed. */
  provenance?: Provenance;
  /** The address of the page this PDF is a copy of, from site.yaml's url; absent without one. */
  liveUrl?: string;
  /** That address as a QR code (inline SVG), for the cover. */
  qrCode?: string;
  /**
   * Adds a form field over each box of the printed form (scripts/pdf/form-fields.ts), so the
   * blank template can be filled in in a PDF reader. @default false
   */
  formFields?: boolean;
}

/** The provenance a printed copy carries on its cover, each line in words. */
export interface Provenance {
  /** Such as 0.3. */
  version: string;
  /** "Approved on 21 April 2026 by Community members", or "Draft, proposed by … for approval by …". */
  status: string;
  /** "Superseded by 0.4 on 4 January 2022", for an earlier version. */
  superseded?: string;
  /** "31 March 2027", and whether that date has passed. */
  reviewBy: string;
  reviewOverdue: boolean;
  /** The day the PDF was printed, such as 14 May 2026. */
  printedOn: string;
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
    /** The PDFs to print: per community with a charter its guide, charter and ground rules; one per template. */
    readonly pdfs: PdfJob[],
    /** The build's date (YYYY-MM-DD, the site's time zone): the day standings are stated on. */
    readonly today: string,
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

  /**
   * Whether pages other than the list of communities name every community: the home page's
   * cards, the guide's list of PDFs and search's filter by community. Past a hundred, a list to
   * choose from is no help and makes those pages heavy (a megabyte each for 3,000 communities,
   * on a phone); they point to the list of communities instead. Search would also first
   * download the filter's index of every community's pages; each result still names its
   * community.
   */
  get listsEveryCommunity(): boolean {
    return this.communities.length <= SiteModel.communitiesListedEverywhere;
  }

  /** Up to this many communities, every page that lists them names them all. */
  static readonly communitiesListedEverywhere = 100;

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

  /** Every version of every charter that has a page of its own: approved ones kept, and drafts. */
  get versions(): CharterVersion[] {
    return this.communities.flatMap((community) => community.charter?.versions ?? []);
  }

  /** The versions with a page of what they changed. */
  get versionsWithChanges(): CharterVersion[] {
    return this.versions.filter((version) => version.previous);
  }

  /** The guides of drafts, printed beside the guide of the version in force. */
  get draftGuidePdfs(): PdfJob[] {
    return this.pdfs.filter(
      (job) =>
        job.kind === "guide" &&
        job.edition &&
        job.file !== guidePdfFile(job.edition.community.slug),
    );
  }

  /** The PDFs of earlier versions' charters and ground rules. */
  get supersededPdfs(): PdfJob[] {
    return this.pdfs.filter((job) => job.kind === "charter-version");
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

  /**
   * A PDF the build prints for a document: a template's, an example's or a publication's own PDF,
   * or one of its community's PDFs (the guide unless `kind` says otherwise).
   */
  pdfFor(
    document: ContentDocument,
    kind: keyof typeof communityPdfFile = "guide",
  ): PdfJob | undefined {
    const file =
      document.type === "template"
        ? templatePdfFile(document.slug)
        : document.type === "example"
          ? examplePdfFile(document.slug)
          : document.type === "publication"
            ? publicationPdfFile(document.slug)
            : communityPdfFile[kind](communitySlugOf(document));
    return this.pdfsByFile.get(file);
  }

  /**
   * The jobs by file, made on first use. Pages ask for their PDFs thousands of times in a large
   * site; a search through every job each time made rendering grow with the square of the
   * number of communities (13 of 42 seconds at 10,000 pages).
   */
  private get pdfsByFile(): ReadonlyMap<string, PdfJob> {
    this.#pdfsByFile ??= new Map(this.pdfs.map((job) => [job.file, job]));
    return this.#pdfsByFile;
  }
  #pdfsByFile: Map<string, PdfJob> | undefined;
}

const communitySlugOf = (document: ContentDocument) =>
  document instanceof CommunityPart ? document.community.slug : document.slug;

/** Where the print pages are published; the PDF renderer opens each of them. */
export const printGuidePath = (slug: string) => `/print/communities/${slug}/`;
export const printTemplatePath = (slug: string) => `/print/templates/${slug}/`;
export const printCharterPath = (slug: string) => `/print/communities/${slug}/charter/`;
export const printGroundRulesPath = (slug: string) => `/print/communities/${slug}/ground-rules/`;
/** The print page of one version of a community's charter: a draft's guide, or an earlier version. */
export const printVersionPath = (slug: string, version: string) =>
  `/print/communities/${slug}/${version}/`;
export const printExamplePath = (slug: string) => `/print/examples/${slug}/`;
export const printPublicationPath = (slug: string) => `/print/publications/${slug}/`;
/** The PDF files, relative to the site folder. */
export const guidePdfFile = (slug: string) => `pdf/${slug}-guide.pdf`;
export const charterPdfFile = (slug: string) => `pdf/${slug}-charter.pdf`;
export const groundRulesPdfFile = (slug: string) => `pdf/${slug}-ground-rules.pdf`;
export const templatePdfFile = (slug: string) => `pdf/template-${slug}.pdf`;
const communityPdfFile = {
  guide: guidePdfFile,
  charter: charterPdfFile,
  "ground-rules": groundRulesPdfFile,
};
export const draftGuidePdfFile = (slug: string, version: string) =>
  `pdf/${slug}-guide-${version}-draft.pdf`;
export const supersededPdfFile = (slug: string, version: string) =>
  `pdf/${slug}-charter-${version}.pdf`;
export const examplePdfFile = (slug: string) => `pdf/example-${slug}.pdf`;
export const publicationPdfFile = (slug: string) => `pdf/publication-${slug}.pdf`;
