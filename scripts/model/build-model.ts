import type { ContentFile, LoadedContent } from "../content/load-content.ts";
import { refuseImage } from "../content/image-references.ts";
import { formatFieldPath, type FieldPath } from "../content/locate-field.ts";
import { problem, type Problem } from "../content/problems.ts";
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
import { valuesFromAnswers, type Answers } from "./answers.ts";
import { findMarkdownFields } from "./markdown-fields.ts";
import {
  bodyMarkdown,
  idPrefixMark,
  parseMarkdown,
  renderMarkdown,
  renderMarkdownValue,
  valueMarkdown,
  type ParsedMarkdown,
} from "./markdown.ts";
import { assembleVersions, type ArchivedText } from "./charter-archive.ts";
import { todayIn } from "./charter-standing.ts";
import { formatDate } from "./format-date.ts";
import { pdfJobs } from "./pdf-jobs.ts";
import { analyseTemplate } from "./template-form.ts";
import {
  ChapterDocument,
  CharterDocument,
  CommunityDocument,
  ContentDocument,
  DocumentMarkdown,
  ExampleDocument,
  GroundRulesDocument,
  PublicationDocument,
  type RenderedValue,
  SiteModel,
  TemplateDocument,
  documentUrl,
  versionUrl,
  type DocumentType,
} from "./site-model.ts";

type JsonSchema = Record<string, unknown>;

/** Parsed Markdown kept between builds of the live preview, by the (unchanged) file it came from. */
export class ModelCache {
  readonly markdown = new WeakMap<
    ContentFile,
    { markdown: DocumentMarkdown; problems: Problem[]; images: string }
  >();
}

export interface BuildModelResult {
  /** Absent when the Markdown of some file broke a rule (an image from elsewhere). */
  model?: SiteModel;
  /** Image rules broken (errors) and links shown as text (warnings), with file and line. */
  problems: Problem[];
}

/**
 * Turns validated content into the published model: every Markdown body and every value the
 * schemas declare as Markdown is parsed here, once, and its images and links are checked on the
 * very tokens that will be rendered, so a remote image in a footnote or a risk is found too.
 * @param content content that passed the schema and cross-file checks
 */
export function buildModel(
  content: LoadedContent,
  schemas: ReadonlyMap<string, JsonSchema>,
  cache?: ModelCache,
): BuildModelResult {
  const problems: Problem[] = [];
  const images = new Set(content.images.map((image) => image.relativePath));
  const imageList = [...images].sort().join("\n");

  // A file's Markdown is parsed again only when the file changed, or the images it may refer to.
  const markdownOf = (file: ContentFile): DocumentMarkdown => {
    const cached = cache?.markdown.get(file);
    if (cached && cached.images === imageList) {
      problems.push(...cached.problems);
      return cached.markdown;
    }
    const before = problems.length;
    const markdown = parseFileMarkdown(file);
    cache?.markdown.set(file, { markdown, problems: problems.slice(before), images: imageList });
    return markdown;
  };

  const parseFileMarkdown = (file: ContentFile): DocumentMarkdown => {
    // A copy in the archive shows the images of its community's charter, as the charter did.
    const contentPath = file.version
      ? `communities/${file.community!}/${file.relativePath.split("/").pop()!}`
      : file.relativePath;
    const checkReferences = (
      parsed: ParsedMarkdown,
      position: (reference: { line: number; column: number }) => { line: number; column: number },
      field: FieldPath,
    ) => {
      for (const reference of parsed.references) {
        const at = { file: file.path, ...position(reference), field: formatFieldPath(field) };
        if (reference.kind === "image") {
          const refusal = refuseImage(safeDecode(reference.target), contentPath, images);
          if (refusal) problems.push(problem({ code: "non-local-image", ...at, ...refusal }));
        } else {
          problems.push(
            problem({
              code: "unsafe-link",
              severity: "warning",
              ...at,
              message: `The link to "${reference.target.slice(0, 80)}" is not a web, email or telephone address, so it is shown as plain text.`,
              hint: "Link only to http:, https:, mailto: or tel: addresses, or to a page of this site.",
            }),
          );
        }
      }
    };

    const env = { contentPath };
    const body = parseMarkdown(bodyMarkdown, file.body);
    checkReferences(body, ({ line, column }) => ({ line: file.bodyLine + line, column }), []);
    const values = new Map<string, RenderedValue>();
    for (const { field, text } of findMarkdownFields(file.type.schema, file.data, schemas)) {
      if (values.has(text)) continue;
      const parsed = parseMarkdown(valueMarkdown, text);
      // A value's place in the file is looked up only when it has something to report.
      checkReferences(parsed, () => file.locate(field), field);
      values.set(text, {
        inline: renderMarkdownValue(valueMarkdown, parsed, env),
        block: renderMarkdown(valueMarkdown, parsed, env).html,
      });
    }
    // Rendered now, once for every medium, so the tokens need not be kept; a charter's body
    // sections are numbered, as the charter's structured sections continue the count.
    const rendered = renderMarkdown(bodyMarkdown, body, {
      ...env,
      idPrefix: idPrefixMark,
      ...(file.type.name === "charter" || file.type.name === "charter-version"
        ? { numberSectionsFrom: 1 }
        : {}),
    });
    return new DocumentMarkdown(contentPath, body.headings, rendered, values);
  };

  const ofType = (name: string) => content.files.filter((file) => file.type.name === name);
  const init = <T>(file: ContentFile, type: DocumentType) => ({
    type,
    slug: file.community && file.type.name !== "community" ? file.community : file.slug,
    source: file.path,
    data: file.data as T,
    markdown: markdownOf(file),
  });
  const single = <T extends object>(type: "topics" | "roadmap" | "phases" | "principles") => {
    const file = ofType(type)[0];
    return file ? new ContentDocument<T>(init<T>(file, type), documentUrl[type]()) : undefined;
  };

  const siteFile = ofType("site")[0]!;
  const site = siteFile.data as unknown as Site;
  if (typeof site.logo === "string") {
    const refusal = refuseImage(site.logo, siteFile.relativePath, images);
    if (refusal) {
      const { line, column } = siteFile.locate(["logo"]);
      problems.push(
        problem({
          code: "non-local-image",
          file: siteFile.path,
          line,
          column,
          field: "logo",
          ...refusal,
        }),
      );
    }
  }
  const siteMarkdown = markdownOf(siteFile);

  const communities = ofType("community")
    .map((file) => new CommunityDocument(init<Community>(file, "community")))
    .sort((a, b) => a.title.localeCompare(b.title));
  const bySlug = new Map(communities.map((community) => [community.slug, community]));
  for (const file of ofType("charter")) {
    const charter = new CharterDocument(init<Charter>(file, "charter"));
    const community = bySlug.get(charter.slug)!;
    charter.community = community;
    community.charter = charter;
  }
  for (const file of ofType("ground-rules")) {
    const rules = new GroundRulesDocument(init<GroundRules>(file, "ground-rules"));
    const community = bySlug.get(rules.slug)!;
    rules.community = community;
    community.groundRules = rules;
  }

  // The archive: each approved version's copies, published at the version's own address.
  const showDate = (iso: string) => formatDate(iso, site.locale, site.date_style);
  const archives = new Map<string, Map<string, Partial<ArchivedText>>>();
  const archived = (file: ContentFile) => {
    const versions = archives.get(file.community!) ?? new Map<string, Partial<ArchivedText>>();
    archives.set(file.community!, versions);
    const copies = versions.get(file.version!) ?? {};
    versions.set(file.version!, copies);
    return copies;
  };
  for (const file of ofType("charter-version")) {
    const copy = new CharterDocument(
      init<Charter>(file, "charter"),
      versionUrl.charter(file.community!, file.version!),
    );
    copy.community = bySlug.get(copy.slug)!;
    archived(file).charter = copy;
  }
  for (const file of ofType("ground-rules-version")) {
    const copy = new GroundRulesDocument(
      init<GroundRules>(file, "ground-rules"),
      versionUrl.groundRules(file.community!, file.version!),
    );
    copy.community = bySlug.get(copy.slug)!;
    archived(file).groundRules = copy;
  }
  for (const community of communities) {
    if (!community.charter || !community.groundRules) continue;
    const copies = new Map<string, ArchivedText>();
    for (const [version, text] of archives.get(community.slug) ?? []) {
      // Validation refuses a version folder without both files.
      if (text.charter && text.groundRules)
        copies.set(version, { charter: text.charter, groundRules: text.groundRules });
    }
    assembleVersions(community, copies, showDate);
  }

  // Validation has checked each template's form (scripts/content/template-checks.ts).
  const templates = ofType("template")
    .map((file) => {
      const data = file.data as unknown as Template;
      return new TemplateDocument(init<Template>(file, "template"), analyseTemplate(data).form);
    })
    .sort((a, b) => a.title.localeCompare(b.title));
  const templatesBySlug = new Map(templates.map((template) => [template.slug, template]));
  const examples = ofType("example")
    .map((file) => {
      const data = file.data as unknown as Example;
      const template = templatesBySlug.get(data.template)!;
      const values = valuesFromAnswers(template.form.fields, data.answers as Answers);
      return new ExampleDocument(init<Example>(file, "example"), template, values);
    })
    .sort((a, b) => a.title.localeCompare(b.title));
  for (const example of examples) example.template.examples.push(example);
  const chapters = ofType("chapter")
    .map((file) => new ChapterDocument(init<Chapter>(file, "chapter")))
    .sort((a, b) => a.data.order - b.data.order);
  chapters.forEach((chapter, index) => {
    chapter.previous = chapters[index - 1];
    chapter.next = chapters[index + 1];
  });
  for (const chapter of chapters) {
    chapter.relatedTemplates = (chapter.data.related_templates ?? []).map((slug) =>
      templatesBySlug.get(slug)!,
    );
  }

  const appendices = {
    topics: single<Topics>("topics"),
    roadmap: single<Roadmap>("roadmap"),
    phases: single<Phases>("phases"),
    principles: single<Principles>("principles"),
  };
  const chaptersBySlug = new Map(chapters.map((chapter) => [chapter.slug, chapter]));
  const examplesBySlug = new Map(examples.map((example) => [example.slug, example]));
  const publications = ofType("publication")
    .map((file) => new PublicationDocument(init<Publication>(file, "publication")))
    .sort((a, b) => a.title.localeCompare(b.title));
  for (const publication of publications) {
    // Cross-checks have resolved every part's name (scripts/content/publication-checks.ts).
    publication.groups = publication.data.groups.map((group) => ({
      title: group.title,
      ...(group.summary ? { summary: group.summary } : {}),
      parts: group.items.map((item): ContentDocument => {
        if (item.chapter) return chaptersBySlug.get(item.chapter)!;
        if (item.template) return templatesBySlug.get(item.template)!;
        if (item.example) return examplesBySlug.get(item.example)!;
        return appendices[item.appendix!]! as ContentDocument;
      }),
    }));
    for (const part of publication.parts) {
      if (part instanceof TemplateDocument) part.publications.push(publication);
    }
  }

  if (problems.some((p) => p.severity === "error")) return { problems };
  // One date for the whole build: what the pages and the PDFs' covers call overdue.
  const today = todayIn(site);
  const pdfs = pdfJobs({ communities, templates, examples, publications }, { site, today });
  const model = new SiteModel(
    site,
    siteMarkdown,
    communities,
    chapters,
    templates,
    examples,
    publications,
    appendices.topics,
    appendices.roadmap,
    appendices.phases,
    appendices.principles,
    content.images,
    pdfs,
    today,
  );
  return { model, problems };
}

function safeDecode(uri: string): string {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}
