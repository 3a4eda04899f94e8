/**
 * The document the content editor's preview shows: the entry being edited, read with the loader,
 * checked against its schema and turned into the site model's document by the build's own
 * `buildModel`, with the files it is shown beside (the site's settings, its community's other
 * files, the templates a chapter names). The preview then renders it with the site's own page
 * layout (scripts/cms/browser/preview.ts), so it reads as the published page will.
 */
import { contentTypes, type ContentType } from "../content/content-types.ts";
import { loadFiles, type LoadedContent, type SourceFile } from "../content/load-content.ts";
import type { Problem } from "../content/problems.ts";
import { checkPublications } from "../content/publication-checks.ts";
import { reportInto } from "../content/report-problem.ts";
import { checkAgainstSchema, readSchemas } from "../content/schema-check.ts";
import { checkTemplatesAndExamples } from "../content/template-checks.ts";
import { buildModel } from "../model/build-model.ts";
import { findMarkdownFields } from "../model/markdown-fields.ts";
import { bodyMarkdown, parseMarkdown, valueMarkdown } from "../model/markdown.ts";
import {
  CharterDocument,
  GroundRulesDocument,
  type ContentDocument,
  type SiteModel,
} from "../model/site-model.ts";
import { versionLabel } from "../site/version-pages.ts";
import { contentFolder } from "./collections.ts";

export type PreviewResult =
  | { model: SiteModel; document: ContentDocument }
  /** Why the page cannot be shown yet: the entry's problems, as npm run validate words them. */
  | { problems: Problem[] };

/** A folder whose Markdown files a preview reads, down to `depth` levels (1: its own files). */
export interface ContextFolder {
  folder: string;
  depth: number;
}

/** The files a preview of `path` needs besides the entry: paths from the repository root. */
export function previewContext(
  type: ContentType,
  path: string,
): { files: string[]; folders: ContextFolder[] } {
  const site = `${contentFolder}/site.yaml`;
  const ownFiles = (name: string) => ({ folder: `${contentFolder}/${name}`, depth: 1 });
  if (type.name === "charter" || type.name === "ground-rules" || type.name === "community") {
    const folder = path.slice(0, path.lastIndexOf("/"));
    return {
      files: [
        site,
        ...["index.md", "charter.md", "ground-rules.md"].map((name) => `${folder}/${name}`),
      ],
      // The archive of approved versions: the version in force, and what a proposal changes.
      folders: [{ folder: `${folder}/versions`, depth: 2 }],
    };
  }
  // A chapter lists the templates it names by their titles; an example fills in its template.
  if (type.name === "chapter" || type.name === "example")
    return { files: [site], folders: [ownFiles("templates")] };
  // A publication lists its parts by their titles: chapters, templates, examples, appendices.
  if (type.name === "publication")
    return {
      files: [
        site,
        ...["topics", "roadmap", "phases", "principles"].map(
          (name) => `${contentFolder}/${name}.md`,
        ),
      ],
      folders: ["guide", "templates", "examples"].map(ownFiles),
    };
  return { files: type.name === "site" ? [] : [site], folders: [] };
}

/** The page the preview shows the entry on: the layout its text is published with, and its data. */
export interface PreviewPage {
  /** A page layout of layouts/, such as charter.njk. */
  layout: string;
  /** What the layout is given besides the document, as the site's page gives it. */
  data: Record<string, unknown>;
}

/**
 * The page an entry's text is published on. A charter, or ground rules, whose newest version
 * awaits approval is published on that proposal's own page (the charter's page shows the version
 * in force, from the archive), so its preview is that page; every other entry is its own page.
 */
export function previewPage(document: ContentDocument): PreviewPage {
  if (document instanceof CharterDocument || document instanceof GroundRulesDocument) {
    const draft = document.community.charter?.pendingDraft;
    if (draft && (draft.charter === document || draft.groundRules === document))
      return {
        layout: `${document.type}-version.njk`,
        data: { version: draft, pageHeading: `${document.title}, ${versionLabel(draft)}` },
      };
  }
  return { layout: `${document.type}.njk`, data: {} };
}

const encoder = new TextEncoder();
const inContent = (path: string) => path.slice(contentFolder.length + 1);

/**
 * Images the entry shows, taken as present: the preview cannot list the repository's images, and
 * the build checks each one.
 */
function imagesShown(file: {
  relativePath: string;
  body: string;
  data: Record<string, unknown>;
  type: ContentType;
}): string[] {
  const texts = [
    parseMarkdown(bodyMarkdown, file.body),
    ...findMarkdownFields(file.type.schema, file.data, readSchemas()).map((field) =>
      parseMarkdown(valueMarkdown, field.text),
    ),
  ];
  const folder = file.relativePath.split("/").slice(0, -1).join("/");
  return texts.flatMap((parsed) =>
    parsed.references
      .filter(
        (reference) =>
          reference.kind === "image" && !/^[a-z][a-z0-9+.-]*:|^[/\\]{2}/i.test(reference.target),
      )
      .map((reference) => {
        const target = reference.target.split(/[?#]/)[0]!;
        const parts = (target.startsWith("/") ? target.slice(1) : `${folder}/${target}`).split("/");
        const resolved: string[] = [];
        for (const part of parts) {
          if (part === "..") resolved.pop();
          else if (part && part !== ".") resolved.push(part);
        }
        return resolved.join("/");
      }),
  );
}

/**
 * The entry at `path` (its text as it would be saved) as a document of the site model.
 * @param context the other files, by their path from the repository root
 */
export function previewDocument(
  path: string,
  text: string,
  context: ReadonlyMap<string, string>,
): PreviewResult {
  const files: SourceFile[] = [
    ...[...context]
      .filter(([file]) => file !== path)
      .map(([file, content]) => ({
        relativePath: inContent(file),
        bytes: encoder.encode(content),
      })),
    { relativePath: inContent(path), bytes: encoder.encode(text) },
  ];
  const loaded = loadFiles(contentFolder, files);
  const entry = loaded.files.find((file) => file.relativePath === inContent(path));
  const own = (problems: readonly Problem[]) =>
    problems.filter(
      (problem) => problem.severity === "error" && problem.file.endsWith(inContent(path)),
    );
  const schemaProblems = own([...loaded.problems, ...(entry ? checkAgainstSchema(entry) : [])]);
  if (!entry || schemaProblems.length) return { problems: schemaProblems };
  // The other files are shown as they are; only the entry's own problems stop its preview.
  const valid = loaded.files.filter(
    (file) => file === entry || checkAgainstSchema(file).length === 0,
  );
  // The rules across files that the entry's page depends on: an example's answers against its
  // template's form, and the parts a publication names.
  const problems = own([
    ...checkTemplatesAndExamples(valid, () => true),
    ...(entry.type.name === "publication" ? publicationProblems({ ...loaded, files: valid }) : []),
  ]);
  if (problems.length) return { problems };
  const images = imagesShown(entry).map((relativePath) => ({
    relativePath,
    bytes: new Uint8Array(),
  }));
  let built: ReturnType<typeof buildModel>;
  try {
    built = buildModel({ ...loaded, files: valid, images }, readSchemas());
  } catch {
    // Another file the page needs (its community's index, the site's settings) is missing or
    // broken; the entry itself is fine, and saving it is not the preview's to refuse.
    return { problems: [] };
  }
  if (!built.model) return { problems: own(built.problems) };
  const type = entry.type.name;
  if (type === "site" || type === "charter-version" || type === "ground-rules-version")
    return { problems: [] };
  const document = built.model.pages[type].find((doc) => doc.source === entry.path);
  return document ? { model: built.model, document } : { problems: [] };
}

/** The problems with a publication's parts, as `npm run validate` words them. */
function publicationProblems(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  checkPublications(content, reportInto(problems));
  return problems;
}

/** The content type of a path from the repository root, such as content/guide/x.md. */
export const typeAt = (path: string): ContentType | undefined =>
  contentTypes.find((type) => type.matches(inContent(path)));
