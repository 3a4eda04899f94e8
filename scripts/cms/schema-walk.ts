/**
 * Reads a JSON Schema node the way the content editor's generator needs it: with its `$ref`
 * followed (sibling keywords win, as in scripts/generate/inline-refs.ts) and the name of the shared
 * definition it refers to kept, because `markdown` and `text` are both strings and only the
 * definition's name tells a Markdown field from a line of plain text.
 */

export type JsonSchema = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A schema node with its reference followed. */
export interface SchemaNode {
  schema: JsonSchema;
  /** The schema file the node's own `$ref`s are relative to. */
  document: JsonSchema;
  /** The definition the node refers to, such as `markdown` or `version`, with its description. */
  definition?: { name: string; description?: string };
}

/** Follows `node`'s `$ref`, if it has one, within `schemas` (by file name). */
export function resolveNode(
  node: JsonSchema,
  document: JsonSchema,
  schemas: ReadonlyMap<string, JsonSchema>,
): SchemaNode {
  const { $ref, ...siblings } = node;
  if (typeof $ref !== "string") return { schema: node, document };
  const [file, pointer = ""] = $ref.split("#");
  const targetDocument = file ? schemas.get(file) : document;
  if (!targetDocument) throw new Error(`The schema reference ${$ref} names no schema in schemas/.`);
  let target: unknown = targetDocument;
  for (const part of pointer.split("/").filter(Boolean))
    target = isObject(target) ? target[part] : undefined;
  if (!isObject(target)) throw new Error(`The schema reference ${$ref} leads nowhere.`);
  const resolved = resolveNode(target, targetDocument, schemas);
  const name = pointer.split("/").at(-1) ?? "";
  return {
    schema: { ...resolved.schema, ...siblings },
    document: resolved.document,
    // The nearest definition names the field: a `version` that refers to `text` is a version.
    definition: {
      name,
      ...(typeof target.description === "string" ? { description: target.description } : {}),
    },
  };
}

/** A property's name and schema, in the order the schema lists them. */
export function propertiesOf(schema: JsonSchema): [string, JsonSchema][] {
  return isObject(schema.properties)
    ? Object.entries(schema.properties).filter((entry): entry is [string, JsonSchema] =>
        isObject(entry[1]),
      )
    : [];
}

export const requiredOf = (schema: JsonSchema): Set<string> =>
  new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
