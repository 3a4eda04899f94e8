/**
 * Resolves every `$ref` in a content schema against `definitions.schema.json`,
 * the schema's own `$defs` and the other content schemas (an approved version's
 * schema is the charter's), so tools that fetch `$ref` URLs (the schemas' `$id`s
 * are not real web addresses) see one self-contained schema.
 */

export type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Returns a copy of `schema` with each `$ref` replaced by its target, sibling keywords winning.
 * @param others the other schemas by file name, for a `$ref` to a whole content schema @default none
 */
export function inlineRefs(
  schema: JsonSchema,
  definitions: JsonSchema,
  others: ReadonlyMap<string, JsonSchema> = new Map(),
): JsonSchema {
  const lookup = (ref: string, local: JsonSchema): JsonSchema => {
    const [file = "", pointer = ""] = ref.split("#");
    const root =
      file === "definitions.schema.json" ? definitions : file === "" ? local : others.get(file);
    if (!root)
      throw new Error(
        `Cannot resolve $ref "${ref}": only definitions.schema.json, local $defs and other schemas in schemas/ are supported.`,
      );
    let target: unknown = root;
    for (const key of pointer.split("/").filter(Boolean))
      target = isObject(target) ? target[key] : undefined;
    if (!isObject(target)) throw new Error(`$ref "${ref}" points at nothing.`);
    // A definition's own local refs are relative to the file that holds it.
    return resolve(target, root) as JsonSchema;
  };

  const resolve = (node: unknown, local: JsonSchema): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, local));
    if (!isObject(node)) return node;
    const { $ref, ...rest } = node;
    const resolvedRest = Object.fromEntries(
      Object.entries(rest)
        .filter(([key]) => key !== "$defs")
        .map(([key, value]) => [key, resolve(value, local)]),
    );
    return typeof $ref === "string" ? { ...lookup($ref, local), ...resolvedRest } : resolvedRest;
  };

  return resolve(schema, schema) as JsonSchema;
}
