/**
 * Where each kind of content lives in `content/` and which schema checks it.
 * The path decides the type, so editors never write a `type:` field and a new
 * community folder is picked up without touching code.
 */

export type ContentTypeName =
  | "site"
  | "community"
  | "charter"
  | "ground-rules"
  | "charter-version"
  | "ground-rules-version"
  | "chapter"
  | "template"
  | "example"
  | "publication"
  | "topics"
  | "roadmap"
  | "phases"
  | "principles";

export interface ContentType {
  name: ContentTypeName;
  /** File name in `schemas/`. */
  schema: string;
  /** Human description of where files of this type live, for error messages. */
  location: string;
  /** `markdown`: YAML front matter then a Markdown body. `yaml`: the whole file is YAML. */
  format: "markdown" | "yaml";
  matches(relativePath: string): boolean;
}

const single = (file: string) => (path: string) => path === file;
const inFolder = (pattern: RegExp) => (path: string) => pattern.test(path);

export const contentTypes: readonly ContentType[] = [
  {
    name: "site",
    schema: "site.schema.json",
    location: "content/site.yaml",
    format: "yaml",
    matches: single("site.yaml"),
  },
  {
    name: "community",
    schema: "community.schema.json",
    location: "content/communities/<slug>/index.md",
    format: "markdown",
    matches: inFolder(/^communities\/[^/]+\/index\.md$/),
  },
  {
    name: "charter",
    schema: "charter.schema.json",
    location: "content/communities/<slug>/charter.md",
    format: "markdown",
    matches: inFolder(/^communities\/[^/]+\/charter\.md$/),
  },
  {
    name: "ground-rules",
    schema: "ground-rules.schema.json",
    location: "content/communities/<slug>/ground-rules.md",
    format: "markdown",
    matches: inFolder(/^communities\/[^/]+\/ground-rules\.md$/),
  },
  {
    name: "charter-version",
    schema: "charter-version.schema.json",
    location: "content/communities/<slug>/versions/<version>/charter.md",
    format: "markdown",
    matches: inFolder(/^communities\/[^/]+\/versions\/[^/]+\/charter\.md$/),
  },
  {
    name: "ground-rules-version",
    schema: "ground-rules-version.schema.json",
    location: "content/communities/<slug>/versions/<version>/ground-rules.md",
    format: "markdown",
    matches: inFolder(/^communities\/[^/]+\/versions\/[^/]+\/ground-rules\.md$/),
  },
  {
    name: "chapter",
    schema: "chapter.schema.json",
    location: "content/guide/<slug>.md",
    format: "markdown",
    matches: inFolder(/^guide\/[^/]+\.md$/),
  },
  {
    name: "template",
    schema: "template.schema.json",
    location: "content/templates/<slug>.md",
    format: "markdown",
    matches: inFolder(/^templates\/[^/]+\.md$/),
  },
  {
    name: "example",
    schema: "example.schema.json",
    location: "content/examples/<slug>.md",
    format: "markdown",
    matches: inFolder(/^examples\/[^/]+\.md$/),
  },
  {
    name: "publication",
    schema: "publication.schema.json",
    location: "content/publications/<slug>.md",
    format: "markdown",
    matches: inFolder(/^publications\/[^/]+\.md$/),
  },
  {
    name: "topics",
    schema: "topics.schema.json",
    location: "content/topics.md",
    format: "markdown",
    matches: single("topics.md"),
  },
  {
    name: "roadmap",
    schema: "roadmap.schema.json",
    location: "content/roadmap.md",
    format: "markdown",
    matches: single("roadmap.md"),
  },
  {
    name: "phases",
    schema: "phases.schema.json",
    location: "content/phases.md",
    format: "markdown",
    matches: single("phases.md"),
  },
  {
    name: "principles",
    schema: "principles.schema.json",
    location: "content/principles.md",
    format: "markdown",
    matches: single("principles.md"),
  },
];

export const imageExtensions = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];
export const isImage = (path: string) =>
  imageExtensions.includes(path.split(".").pop()?.toLowerCase() ?? "");

export function contentTypeFor(relativePath: string): ContentType | undefined {
  return contentTypes.find((type) => type.matches(relativePath));
}

/**
 * Extensions of files that a template engine, a data cascade or a JavaScript runtime would pick up:
 * Eleventy's template and data formats, and code. None is content, and each could run code or change
 * pages if anything ever read it, so each is refused by name rather than passed by.
 */
const codeOrTemplateExtensions = new Set([
  "njk",
  "liquid",
  "html",
  "htm",
  "hbs",
  "handlebars",
  "mustache",
  "ejs",
  "haml",
  "pug",
  "webc",
  "js",
  "cjs",
  "mjs",
  "ts",
  "cts",
  "mts",
  "jsx",
  "tsx",
  "json",
  "json5",
  "toml",
  "php",
  "py",
  "sh",
]);

/** Top-level folders of the built site that hold its own files (styles, search index, PDFs, print pages). */
const reservedFolders = ["assets", "pagefind", "pdf", "print", "__preview"];

/** What the loader makes of one path in the content folder. */
export type PathClass =
  | { kind: "content"; type: ContentType }
  | { kind: "image" }
  | { kind: "refused"; code: string; message: string; hint: string };

const knownPlaces = () => contentTypes.map((type) => type.location).join(", ");

/**
 * Classifies a file by its path inside the content folder: a content file, an image, or a
 * refusal that says why and what to do. Every path is one of the three; nothing passes unread.
 * (Symbolic links and special files are refused by the folder scan, which sees the file system.)
 */
export function classifyPath(relativePath: string): PathClass {
  const segments = relativePath.split("/");
  const hidden = segments.find((segment) => segment.startsWith("."));
  if (hidden !== undefined) {
    const isFolder = hidden !== segments.at(-1);
    return {
      kind: "refused",
      code: "hidden-file",
      message:
        `${isFolder ? `The folder ${hidden}` : "This file"} has a name starting with a dot. ` +
        "Such files are settings for tools (ignore lists, template data), not content, so none is allowed in the content folder.",
      hint: `Delete ${isFolder ? "the folder" : "it"}; if it holds content, rename it without the leading dot.`,
    };
  }
  const name = segments.at(-1)!;
  const extensions = name.toLowerCase().split(".").slice(1);
  if (
    extensions.some((extension) => codeOrTemplateExtensions.has(extension)) ||
    /\.11ty(data)?\./i.test(name)
  ) {
    return {
      kind: "refused",
      code: "template-or-code-file",
      message:
        `${name} is a template, data or code file. The content folder holds only Markdown, site.yaml and images, ` +
        "so that nothing in it can run code or change pages when the site is built.",
      hint: `Delete it. Content goes in Markdown files with YAML front matter: ${knownPlaces()}.`,
    };
  }
  const type = contentTypeFor(relativePath);
  if (type) return { kind: "content", type };
  if (isImage(relativePath)) {
    if (reservedFolders.includes(segments[0]!) && segments.length > 1) {
      return {
        kind: "refused",
        code: "reserved-path",
        message: `Images are published at their path in the content folder, and ${segments[0]}/ is where the site keeps its own files, so this image could replace one of them.`,
        hint: "Move the image to another folder, such as images/ beside the file that shows it.",
      };
    }
    return { kind: "image" };
  }
  return {
    kind: "refused",
    code: "unknown-file",
    message: "This file is not a kind of content Charterbook knows, so it would not be published.",
    hint: `Move or rename it to one of: ${knownPlaces()}; images may be ${imageExtensions.join(", ")} files; otherwise delete it.`,
  };
}
