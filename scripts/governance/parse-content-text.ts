import type { Document } from "yaml";
import { splitFrontMatter } from "../content/front-matter.ts";
import { locateField, type FieldLocation, type FieldPath } from "../content/locate-field.ts";
import { parseYamlDocument, yamlOptions } from "../content/parse-yaml.ts";
import { SourceText } from "../content/source-text.ts";

/** A Markdown content file read from text, such as a charter as it was at the base commit. */
export interface ContentSnapshot {
  data: Record<string, unknown>;
  body: string;
  locate(path: FieldPath): FieldLocation;
}

/**
 * Reads a Markdown file with YAML front matter through the same splitter and
 * parser as validation, so both sides of a comparison are read alike.
 * Returns a reason instead when the text cannot be read as content.
 */
export function parseContentText(text: string): ContentSnapshot | { unreadable: string } {
  const split = splitFrontMatter(text);
  if (!split.ok)
    return {
      unreadable:
        split.reason === "no-front-matter"
          ? "it has no front matter"
          : "its front matter is never closed",
    };
  const { yaml, yamlOffset, body } = split.split;
  const doc = parseYamlDocument(yaml);
  const [error] = doc.errors;
  if (error) return { unreadable: `its YAML could not be read (${error.message.split("\n")[0]})` };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: yamlOptions.maxAliasCount }) ?? {};
  } catch (cause) {
    return { unreadable: `its YAML could not be expanded (${(cause as Error).message})` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { unreadable: "its front matter is not a set of fields" };
  const source = new SourceText(text);
  return {
    data: data as Record<string, unknown>,
    body,
    locate: (path) => locateField(doc as Document.Parsed, source, yamlOffset, path),
  };
}
