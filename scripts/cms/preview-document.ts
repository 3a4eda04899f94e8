/**
 * The document the content editor's preview shows: the entry being edited, read with the loader,
 * checked against its schema and turned into the site model's document by the build's own
 * `buildModel`, with the files it is shown beside (the site's settings, its community's other
 * files, the templates a chapter names). The preview then renders it with the site's own page
 * layout (scripts/cms/browser/preview.ts), so it reads as the published page will.
 */
import { contentTypes, type ContentType } from "../content/content-types.ts";
import { loadFiles, type SourceFile } from "../content/load-content.ts";
import type { Problem } from "../content/problems.ts";
import { checkAgainstSchema, readSchemas } from "../content/schema-check.ts";
import { buildModel } from "../model/build-model.ts";
import { findMarkdownFields } from "../model/markdown-fields.ts";
import { bodyMarkdown, parseMarkdown, valueMarkdown } from "../model/markdown.ts";
import type { ContentDocument, SiteModel } from "../model/site-model.ts";
import { contentFolder } from "./collections.ts";

export type PreviewResult =
  | { model: SiteModel; document: ContentDocument }
  /** Why the page cannot be shown yet: the entry's problems, as npm run validate words them. */
  | { problems: Problem[] };

/** The files a preview of `path` needs besides the entry: paths from the repository root. */
export function previewContext(
  type: ContentType,
  path: string,
): { files: string[]; folders: string[] } {
  const site = `${contentFolder}/site.yaml`;
  if (type.name === "charter" || type.name === "ground-rules" || type.name === "community") {
    const folder = path.slice(0, path.lastIndexOf("/"));
    return {
      files: [
        site,
        ...["index.md", "charter.md", "ground-rules.md"].map((name) => `${folder}/${name}`),
      ],
      folders: [],
    };
  }
  // A chapter lists the templates it names by their titles.
  if (type.name === "chapter") return { files: [site], folders: [`${contentFolder}/templates`] };
  return { files: type.name === "site" ? [] : [site], folders: [] };
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
  const problems = own([...loaded.problems, ...(entry ? checkAgainstSchema(entry) : [])]);
  if (!entry || problems.length) return { problems };
  // The other files are shown as they are; only the entry's own problems stop its preview.
  const valid = loaded.files.filter(
    (file) => file === entry || checkAgainstSchema(file).length === 0,
  );
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
  if (type === "site") return { problems: [] };
  const document = built.model.pages[type].find((doc) => doc.source === entry.path);
  return document ? { model: built.model, document } : { problems: [] };
}

/** The content type of a path from the repository root, such as content/guide/x.md. */
export const typeAt = (path: string): ContentType | undefined =>
  contentTypes.find((type) => type.matches(inContent(path)));
