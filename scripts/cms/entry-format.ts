/**
 * How the content editor reads a content file into a form and writes the form back: read with the
 * loader's own splitter and YAML parser (scripts/content/), written back by editing only the
 * values that changed (scripts/cms/patch-yaml.ts), so a save leaves comments, quoting, key order,
 * line endings and the untouched text of the file exactly as they were, as `npm run revise` does.
 *
 * Decap CMS calls these through the formats registered in the browser
 * (scripts/cms/browser/register.ts); the file's text travels with the entry under `sourceKey`,
 * because Decap hands a format only the data when it saves.
 */
import { stringify } from "yaml";
import type { ContentType } from "../content/content-types.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { parseContentText } from "../governance/parse-content-text.ts";
import { parseYamlDocument, yamlOptions } from "../content/parse-yaml.ts";
import { approvalFieldName, revisionFieldName } from "./governed.ts";
import { patchYaml, withoutEmptyFields } from "./patch-yaml.ts";

type Data = Record<string, unknown>;
type Format = ContentType["format"];

/** The file's text as it was read, kept with the entry so a save edits it rather than rewriting it. */
export const sourceKey = "__charterbook_source";
/** Why the file could not be read; such an entry is never saved. */
export const unreadableKey = "__charterbook_unreadable";

/** Keys of an entry that are the editor's own, never fields of the file. */
const editorKeys = [sourceKey, unreadableKey, revisionFieldName, approvalFieldName];

/** The file's text without its byte-order mark and with `\n` line endings, as the loader reads it. */
const normalise = (raw: string) => raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

/** The form's data of a file: its fields, and for Markdown files its text as `body`. */
export function readEntry(raw: string, format: Format): Data {
  const text = normalise(raw);
  if (format === "yaml") {
    const doc = parseYamlDocument(text);
    const error = doc.errors[0];
    const data: unknown = error
      ? undefined
      : doc.toJS({ maxAliasCount: yamlOptions.maxAliasCount });
    if (error || typeof data !== "object" || data === null || Array.isArray(data))
      return {
        [sourceKey]: raw,
        [unreadableKey]: error
          ? `its YAML could not be read (${error.message.split("\n")[0]})`
          : "it is not a set of fields",
      };
    return { ...(data as Data), [sourceKey]: raw };
  }
  const parsed = parseContentText(text);
  if ("unreadable" in parsed) return { [sourceKey]: raw, [unreadableKey]: parsed.unreadable };
  // The blank line after the front matter is the file's layout, not the text's first line.
  return { ...parsed.data, body: parsed.body.replace(/^\n+/, ""), [sourceKey]: raw };
}

/** The fields of an entry's data that belong in the file. */
export function fileFields(data: Data): Data {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !editorKeys.includes(key)));
}

/** The entry could not be read, so it must not be written. */
export class UnreadableEntryError extends Error {
  override name = "UnreadableEntryError";
}

/**
 * The file's new text: the text it was read from with only the changed values edited, or a new
 * file written in the project's style when there was none.
 * @param keyOrder the form's field order, where new top-level fields are placed
 */
export function writeEntry(data: Data, format: Format, keyOrder: readonly string[] = []): string {
  if (typeof data[unreadableKey] === "string")
    throw new UnreadableEntryError(
      `This file could not be read (${data[unreadableKey]}), so the content editor will not write over it. Fix it in the repository first: npm run validate says what is wrong.`,
    );
  const raw = typeof data[sourceKey] === "string" ? data[sourceKey] : undefined;
  const { body, ...fields } = fileFields(data);
  const bodyText = typeof body === "string" ? body : "";
  if (raw === undefined)
    return newFile(format === "yaml" ? fileFields(data) : fields, bodyText, format);

  const crlf = raw.includes("\r\n");
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = normalise(raw);
  const before = readEntry(raw, format);
  let written: string;
  if (format === "yaml") {
    const { [sourceKey]: _source, ...old } = before;
    written = patchYaml(text, withoutEmptyFields(fileFields(data), old) as Data, keyOrder);
  } else {
    const split = splitFrontMatter(text);
    if (!split.ok) throw new UnreadableEntryError("This file has no front matter to edit.");
    const { yaml, yamlOffset } = split.split;
    const { body: oldBody, [sourceKey]: _source, ...old } = before;
    const yamlText = patchYaml(yaml, withoutEmptyFields(fields, old) as Data, keyOrder);
    const bodyStart = text.length - split.split.body.length;
    const leading = /^\n*/.exec(split.split.body)![0];
    const newBody = bodyText === oldBody ? split.split.body : leading + bodyText;
    written =
      text.slice(0, yamlOffset) +
      yamlText +
      text.slice(yamlOffset + yaml.length, bodyStart) +
      newBody;
  }
  return bom + (crlf ? written.replace(/\n/g, "\r\n") : written);
}

function newFile(fields: Data, body: string, format: Format): string {
  const cleaned = withoutEmptyFields(fields, {}) as Data;
  const yaml = stringify(cleaned, { schema: "core", lineWidth: 0 });
  if (format === "yaml") return yaml;
  return `---\n${yaml}---\n${body ? `\n${body.replace(/\n*$/, "\n")}` : ""}`;
}
