import { parseDocument, type Document } from "yaml";

/**
 * The one YAML parser for content: the loader and the governance check's reading of the base
 * branch both call this, so both sides of every comparison are read alike.
 *
 * The YAML 1.2 core schema keeps dates as strings (2021-11-16 stays "2021-11-16"),
 * and `yes`/`no` as strings, so no value changes type between the file and the page.
 */
export const yamlOptions = {
  schema: "core",
  uniqueKeys: true,
  prettyErrors: false,
  // Bounds "billion laughs" alias expansion: toJS() throws past this many alias resolutions.
  maxAliasCount: 100,
} as const;

export function parseYamlDocument(text: string): Document.Parsed {
  return parseDocument(text, yamlOptions);
}
