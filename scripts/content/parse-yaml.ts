import { parseDocument, type Document } from "yaml";

/**
 * The one YAML parser for content: validation and Eleventy both call this, so
 * what is validated is exactly what is rendered.
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

/** Parses YAML text to plain data, throwing on the first error. Used as Eleventy's YAML engine. */
export function parseYaml(text: string): unknown {
  const doc = parseYamlDocument(text);
  const [first] = doc.errors;
  if (first) throw first;
  return doc.toJS({ maxAliasCount: yamlOptions.maxAliasCount }) ?? {};
}
