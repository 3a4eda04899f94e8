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
  | "chapter"
  | "template"
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

/** Files in `content/` that are not content: Eleventy directory data and images. */
export const isDirectoryData = (path: string) => /\.11tydata\.json$/.test(path);
export const imageExtensions = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];
export const isImage = (path: string) =>
  imageExtensions.includes(path.split(".").pop()?.toLowerCase() ?? "");

export function contentTypeFor(relativePath: string): ContentType | undefined {
  return contentTypes.find((type) => type.matches(relativePath));
}
