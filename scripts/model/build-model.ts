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
import { exampleJob, guideJob, publicationJob, templateJob } from "./pdf-jobs.ts";
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
  type DocumentType,
} from "./site-model.ts";

type JsonSchema = Record<string, unknown>;

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
): BuildModelResult {
  const problems: Problem[] = [];
  const images = new Set(content.images.map((image) => image.relativePath));

  const markdownOf = (file: ContentFile): DocumentMarkdown => {
    const checkReferences = (
      parsed: ParsedMarkdown,
      position: (reference: { line: number; column: number }) => { line: number; column: number },
      field: FieldPath,
    ) => {
      for (const reference of parsed.references) {
        const at = { file: file.path, ...position(reference), field: formatFieldPath(field) };
        if (reference.kind === "image") {
          const refusal = refuseImage(safeDecode(reference.target), file.relativePath, images);
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

    const env = { contentPath: file.relativePath };
    const body = parseMarkdown(bodyMarkdown, file.body);
    checkReferences(body, ({ line, column }) => ({ line: file.bodyLine + line, column }), []);
    const values = new Map<string, RenderedValue>();
    for (const { field, text } of findMarkdownFields(file.type.schema, file.data, schemas)) {
      if (values.has(text)) continue;
      const parsed = parseMarkdown(valueMarkdown, text);
      const { line, column } = file.locate(field);
      checkReferences(parsed, () => ({ line, column }), field);
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
      ...(file.type.name === "charter" ? { numberSectionsFrom: 1 } : {}),
    });
    return new DocumentMarkdown(file.relativePath, body.headings, rendered, values);
  };

  const ofType = (name: string) => content.files.filter((file) => file.type.name === name);
  const init = <T>(file: ContentFile, type: DocumentType) => ({
    type,
    slug:
      file.type.name === "charter" || file.type.name === "ground-rules"
        ? file.community!
        : file.slug,
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
  const pdfs = [
    ...communities
      .filter((community) => community.charter)
      .map((community) => guideJob(community, site)),
    ...templates.map((template) => templateJob(template, site)),
    ...examples.map((example) => exampleJob(example, site)),
    ...publications.map((publication) => publicationJob(publication, site)),
  ];
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
