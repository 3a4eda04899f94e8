import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import path from "node:path";
import { visit, type Document, type YAMLError } from "yaml";
import { checkImage } from "./check-image.ts";
import { findControlCharacters } from "./control-characters.ts";
import { classifyPath, type ContentType, type PathClass } from "./content-types.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { locateField, type FieldLocation, type FieldPath } from "./locate-field.ts";
import { parseYamlDocument, readPlainYaml, yamlOptions } from "./parse-yaml.ts";
import { problem, type Problem } from "./problems.ts";
import { SourceText } from "./source-text.ts";

/** Content files larger than this are refused rather than slowing every build. */
export const maxContentFileBytes = 2 * 1024 * 1024;
/** Images larger than this are refused: members read the site on phones, often on mobile data. */
export const maxImageBytes = 5 * 1024 * 1024;

/** One content file, read and parsed, ready to validate. */
export interface ContentFile {
  type: ContentType;
  /** Path shown to editors, relative to the working directory, such as content/roadmap.md. */
  path: string;
  /** Path inside the content folder, such as communities/north/charter.md. */
  relativePath: string;
  /** The file name without `.md`, or the folder name for a community's index.md. */
  slug: string;
  /** The community a charter, ground rules or community file belongs to. */
  community?: string;
  /** For an approved version's copy (versions/<version>/charter.md), the name of its folder. */
  version?: string;
  /** The front matter (or, for site.yaml, the whole file) as plain data. */
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** The line of the file where the body starts. */
  bodyLine: number;
  /** The file's size in bytes. */
  bytes: number;
  /** Finds a field's line and column in the file. */
  locate(path: FieldPath): FieldLocation;
}

/** An image in the content folder, with the bytes that were checked: those are what is published. */
export interface ContentImage {
  /** Path inside the content folder, such as guide/images/cycle.png; the site serves it at the same path. */
  relativePath: string;
  bytes: Uint8Array;
}

export interface LoadedContent {
  contentDir: string;
  files: ContentFile[];
  /** Images that passed their checks. */
  images: ContentImage[];
  /** Every file looked at, including those that failed to parse. */
  filesChecked: number;
  /** Content files that exist but could not be read or parsed (their problems say why), relative to the content folder. */
  unreadable: string[];
  problems: Problem[];
}

/** A path as editors see it in problems: relative to the working directory when inside it. */
export const displayPath = (absolute: string) => {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
};

/** A file of the content folder and its raw bytes, before any decoding. */
export interface SourceFile {
  /** Path inside the content folder with forward slashes, such as communities/north/charter.md. */
  relativePath: string;
  bytes: Uint8Array;
}

/** An entry the folder scan refused before reading it: a link, a special file, or one too large. */
interface RefusedEntry {
  relativePath: string;
  problem: Omit<Problem, "file" | "severity" | "line" | "column" | "field">;
}

type Entry = SourceFile | RefusedEntry;

// Opening with O_NOFOLLOW means a file swapped for a link after the scan is refused, not followed.
const noFollow = constants.O_NOFOLLOW ?? 0;
const nonBlocking = constants.O_NONBLOCK ?? 0;

const notRegular: RefusedEntry["problem"] = {
  code: "special-file",
  message:
    "This is not a regular file (it is a device, socket or named pipe), so it cannot be content.",
  hint: "Delete it.",
};

/**
 * Walks the content folder without following links. Every entry is listed: hidden files and
 * folders too, so that they are refused by name rather than skipped unseen.
 */
async function scanFolder(contentDir: string, prefix = ""): Promise<Entry[]> {
  const dir = prefix ? path.join(contentDir, prefix) : contentDir;
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  // Files are read as they are listed; folders are listed concurrently, and the list keeps the
  // folder's order.
  const found: (Entry | Promise<Entry[]>)[] = [];
  for (const entry of entries) {
    const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
    const absolute = path.join(contentDir, relativePath);
    if (entry.isSymbolicLink()) {
      const target = await readlink(absolute).catch(() => "somewhere unreadable");
      found.push({
        relativePath,
        problem: {
          code: "symbolic-link",
          message: `This is a symbolic link to ${target}. A link can publish files from outside the repository or hide a moved file, so content must be real files.`,
          hint: "Replace the link with the file or folder itself, or delete it.",
        },
      });
    } else if (entry.isDirectory()) {
      if (entry.name.startsWith(".")) {
        // The folder itself is reported; what it holds is never read.
        found.push({
          relativePath: `${relativePath}/`,
          problem: refusal(classifyPath(relativePath)),
        });
      } else found.push(scanFolder(contentDir, relativePath));
    } else if (!entry.isFile()) {
      found.push({ relativePath, problem: notRegular });
    } else {
      found.push(readEntry(absolute, relativePath));
    }
  }
  return (await Promise.all(found)).flat();
}

function refusal(classified: PathClass): RefusedEntry["problem"] {
  if (classified.kind !== "refused") throw new Error("Only refusals are reported here.");
  const { code, message, hint } = classified;
  return { code, message, hint };
}

/**
 * Reads one regular file's bytes, refusing a link put in its place and oversized files unread.
 * Synchronous on purpose: content files are small, and the promise API's four trips to the
 * thread pool per file (open, stat, read, close) cost more than the reads themselves.
 */
function readEntry(absolute: string, relativePath: string): Entry {
  const classified = classifyPath(relativePath);
  if (classified.kind === "refused") return { relativePath, problem: refusal(classified) };
  const limit = classified.kind === "image" ? maxImageBytes : maxContentFileBytes;
  let descriptor: number;
  try {
    // O_NONBLOCK: a named pipe swapped in after the folder was listed cannot hang the read.
    descriptor = openSync(absolute, constants.O_RDONLY | noFollow | nonBlocking);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      return {
        relativePath,
        problem: {
          code: "symbolic-link",
          message:
            "This became a symbolic link while it was being read; content must be real files.",
          hint: "Replace the link with the file itself, or delete it.",
        },
      };
    }
    throw error;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { relativePath, problem: notRegular };
    // Only the size of an oversized file is read, so a huge file cannot exhaust memory.
    if (stats.size > limit) {
      return { relativePath, problem: tooLarge(stats.size, classified.kind === "image") };
    }
    return { relativePath, bytes: readFileSync(descriptor) };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Reads every entry of the content folder: the loader is the only reader of content/, and
 * everything downstream takes what it returns. Problems in reading or parsing are collected,
 * not thrown.
 */
export async function loadContent(contentDir: string, cache?: LoadCache): Promise<LoadedContent> {
  return loadEntries(contentDir, await scanFolder(contentDir), cache);
}

/**
 * Parsed files kept between loads (the live preview loads the content on every save): a file
 * whose bytes are unchanged is not parsed again.
 */
export class LoadCache {
  private readonly files = new Map<string, { bytes: Uint8Array; loaded: LoadedFile }>();

  get(relativePath: string, bytes: Uint8Array): LoadedFile | undefined {
    const cached = this.files.get(relativePath);
    return cached && Buffer.from(cached.bytes).equals(bytes) ? cached.loaded : undefined;
  }

  set(relativePath: string, bytes: Uint8Array, loaded: LoadedFile): void {
    this.files.set(relativePath, { bytes, loaded });
  }
}

type LoadedFile = { file?: ContentFile; problems: Problem[] };

/**
 * Loads content given as bytes in memory, exactly as {@link loadContent} loads a folder:
 * the entry point for tests that run thousands of generated files.
 * @param contentDir the folder the files are shown under in problems, such as content
 */
export function loadFiles(contentDir: string, files: readonly SourceFile[]): LoadedContent {
  const sorted = [...files].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  return loadEntries(contentDir, sorted);
}

function loadEntries(
  contentDir: string,
  entries: readonly Entry[],
  cache?: LoadCache,
): LoadedContent {
  const result: LoadedContent = {
    contentDir,
    files: [],
    images: [],
    filesChecked: 0,
    unreadable: [],
    problems: [],
  };
  for (const entry of entries) {
    const { relativePath } = entry;
    result.filesChecked += 1;
    const shownPath = displayPath(path.join(contentDir, relativePath));
    const at = (p: RefusedEntry["problem"]) =>
      problem({ ...p, file: shownPath, line: 1, column: 1, field: "" });
    if ("problem" in entry) {
      result.problems.push(at(entry.problem));
      continue;
    }
    const classified = classifyPath(relativePath);
    if (classified.kind === "refused") {
      result.problems.push(at(refusal(classified)));
      continue;
    }
    const limit = classified.kind === "image" ? maxImageBytes : maxContentFileBytes;
    if (entry.bytes.byteLength > limit) {
      result.problems.push(at(tooLarge(entry.bytes.byteLength, classified.kind === "image")));
      if (classified.kind === "content") result.unreadable.push(relativePath);
      continue;
    }
    if (classified.kind === "image") {
      const refusals = checkImage(relativePath, entry.bytes);
      for (const r of refusals) {
        result.problems.push(
          problem({
            code: r.code,
            file: shownPath,
            line: r.line,
            column: r.column,
            field: "",
            message: r.message,
            hint: r.hint,
          }),
        );
      }
      if (refusals.length === 0) result.images.push({ relativePath, bytes: entry.bytes });
      continue;
    }
    let loaded = cache?.get(relativePath, entry.bytes);
    if (!loaded) {
      loaded = loadFile(entry.bytes, shownPath, relativePath, classified.type);
      cache?.set(relativePath, entry.bytes, loaded);
    }
    result.problems.push(...loaded.problems);
    if (loaded.file) result.files.push(loaded.file);
    else result.unreadable.push(relativePath);
  }
  return result;
}

function tooLarge(size: number, image: boolean): RefusedEntry["problem"] {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return image
    ? {
        code: "file-too-large",
        message: `This image is ${megabytes} MB; images are limited to ${maxImageBytes / 1024 / 1024} MB so pages load quickly on phones.`,
        hint: "Save it smaller: a width of 1600 pixels is plenty for the site and the PDFs.",
      }
    : {
        code: "file-too-large",
        message: `This file is ${megabytes} MB; content files are limited to 2 MB.`,
        hint: "Split it into smaller files, or keep large material outside content/ and link to it.",
      };
}

function loadFile(
  bytes: Uint8Array,
  shownPath: string,
  relativePath: string,
  type: ContentType,
): { file?: ContentFile; problems: Problem[] } {
  const at = (line: number, column: number, code: string, message: string, hint: string) => ({
    problems: [problem({ code, file: shownPath, line, column, field: "", message, hint })],
  });

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The lenient decoder marks the first bad byte with U+FFFD; its line is the one to fix.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const before = lenient.slice(0, lenient.indexOf("\uFFFD"));
    const line = before.split(/\r\n?|\n/).length;
    const column = before.length - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
    return at(
      line,
      column,
      "not-utf8",
      "This file is not UTF-8 text: it has bytes no UTF-8 text contains.",
      "Save it again as UTF-8 (in most editors: Save As, then Encoding: UTF-8).",
    );
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // Line starts are only counted when a position has to be shown.
  let lines: SourceText | undefined;
  const source = () => (lines ??= new SourceText(text));

  let yaml = text;
  let yamlOffset = 0;
  let body = "";
  let bodyLine = 1;
  if (type.format === "markdown") {
    const split = splitFrontMatter(text);
    if (!split.ok) {
      return split.reason === "no-front-matter"
        ? at(
            1,
            1,
            "no-front-matter",
            "This file has no front matter: it must start with a line of three dashes (---).",
            `Start the file with ---, the fields of a ${type.name} in YAML, then --- on a line of its own, then the Markdown.`,
          )
        : at(
            1,
            1,
            "unclosed-front-matter",
            "The front matter is never closed: there is no second line of three dashes (---).",
            "Add a line with just --- after the last field.",
          );
    }
    if (split.split.language && split.split.language !== "yaml") {
      return at(
        1,
        1,
        "executable-front-matter",
        `Front matter written in ${split.split.language} is refused: content may only hold data, never code that runs.`,
        "Write the front matter in YAML, between two lines of just ---.",
      );
    }
    ({ yaml, yamlOffset, body, bodyLine } = split.split);
  }

  const plain = readPlainYaml(yaml);
  if (plain && "tooDeepAt" in plain) {
    const { line, column } = source().position(yamlOffset + plain.tooDeepAt);
    return at(line, column, "yaml-too-deep", tooDeep.message, tooDeep.hint);
  }
  let data = plain?.data;
  if (data === undefined) {
    // Not plain data: read again with `yaml`, which says what is wrong and where.
    const read = readYamlDocument(yaml, yamlOffset, text, shownPath, source, at);
    if ("problems" in read) return read;
    data = read.data;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return at(
      source().position(yamlOffset).line,
      1,
      "front-matter-not-a-map",
      "The front matter must be a set of fields (key: value lines), not a single value or a list.",
      "Write one field per line, such as title: Ground rules.",
    );
  }

  const segments = relativePath.split("/");
  const fileName = segments.at(-1)!.replace(/\.(md|ya?ml)$/, "");
  const community = segments[0] === "communities" ? segments[1] : undefined;
  // The parsed document is not kept: a large site would hold every file's syntax tree through
  // validation. A field's position is needed only to report a problem, so the YAML is read again
  // then, for that file.
  let located: Document.Parsed | undefined;
  const locate = (fieldPath: FieldPath) =>
    locateField((located ??= parseYamlDocument(yaml)), source(), yamlOffset, fieldPath);
  const file: ContentFile = {
    type,
    path: shownPath,
    relativePath,
    slug: type.name === "community" ? community! : fileName,
    ...(community ? { community } : {}),
    ...(segments[2] === "versions" && segments[3] ? { version: segments[3] } : {}),
    data: data as Record<string, unknown>,
    body,
    bodyLine,
    bytes: bytes.byteLength,
    locate,
  };
  return { file, problems: findControlCharacters(text, data, locate, shownPath) };
}

/**
 * Reads YAML that js-yaml did not read as plain data with the `yaml` package, which gives every
 * problem's position and bounds alias expansion ("billion laughs").
 */
function readYamlDocument(
  yaml: string,
  yamlOffset: number,
  text: string,
  shownPath: string,
  source: () => SourceText,
  at: (
    line: number,
    column: number,
    code: string,
    message: string,
    hint: string,
  ) => { problems: Problem[] },
): { data: unknown } | { problems: Problem[] } {
  const doc = parseYamlDocument(yaml);
  const yamlProblems = [...doc.errors, ...doc.warnings].map((error) => {
    const offset = yamlOffset + (error.pos[0] ?? 0);
    const { message, hint } = explainYamlError(error, text, offset);
    const code = message === tooDeep.message ? "yaml-too-deep" : "malformed-yaml";
    return problem({
      code,
      file: shownPath,
      ...source().position(offset),
      field: "",
      message,
      hint,
    });
  });
  if (yamlProblems.length) return { problems: yamlProblems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: yamlOptions.maxAliasCount });
  } catch (error) {
    if (error instanceof RangeError) {
      return at(
        source().position(yamlOffset).line,
        1,
        "yaml-too-deep",
        tooDeep.message,
        tooDeep.hint,
      );
    }
    const firstAlias = findFirstAlias(doc);
    const position = source().position(yamlOffset + (firstAlias ?? 0));
    return {
      problems: [
        problem({
          code: "yaml-alias-limit",
          file: shownPath,
          ...position,
          field: "",
          message: `The YAML's * aliases would expand to too much data (${(error as Error).message.toLowerCase()}).`,
          hint: "Write the values out instead of repeating them with & anchors and * aliases.",
        }),
      ],
    };
  }
  return { data };
}

const tooDeep = {
  message:
    "The YAML is nested too deeply to read: lists or groups of fields inside each other hundreds of times.",
  hint: "Content never needs more than a few levels: look for [ or { brackets that are never closed.",
};

/** The parser's own message, without its position (the problem has one), and a hint for the usual causes. */
function explainYamlError(
  error: YAMLError,
  text: string,
  offset: number,
): { message: string; hint: string } {
  const said = error.message.replace(/ at line \d+, column \d+.*$/s, "").replace(/\.$/, "");
  const message = `The YAML could not be read: ${said}.`;
  // The parser recurses once per level and turns a stack overflow into an ordinary error.
  if (/call stack/i.test(said)) return tooDeep;
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim();
      return {
        message,
        hint: `${key ? `The field ${key} is` : "This field is"} written twice: keep one of them.`,
      };
    }
    case "TAB_AS_INDENT":
      return {
        message,
        hint: "Indent with spaces, not tabs: replace the tab at the start of this line with spaces.",
      };
    default:
      return {
        message,
        hint: "Check the indentation, and put text containing a colon or starting with a special character in quotes.",
      };
  }
}

/** The offset of the first `*alias` in the document, where an alias bomb starts to expand. */
function findFirstAlias(doc: Document): number | undefined {
  let first: number | undefined;
  visit(doc, {
    Alias(_, node) {
      const start = node.range?.[0];
      if (start !== undefined && (first === undefined || start < first)) first = start;
    },
  });
  return first;
}
