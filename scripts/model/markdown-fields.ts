import type { FieldPath } from "../content/locate-field.ts";

type JsonSchema = Record<string, unknown>;

/** The shared definition every Markdown-bearing field refers to. */
export const markdownDefinition = "definitions.schema.json#/$defs/markdown";

// Every file of a type walks the same schema: each reference is resolved once.
const resolvedRefs = new WeakMap<
  JsonSchema,
  Map<string, { schema: JsonSchema; document: JsonSchema }>
>();

/** A Markdown value found in a file's data, with the field it came from. */
export interface MarkdownField {
  field: FieldPath;
  text: string;
}

/**
 * Finds every value in a file's data that its schema declares as Markdown (a `$ref` to the shared
 * `markdown` definition), following properties, list items, local `$ref`s and the tagged `oneOf`
 * of template blocks. Validation has passed, so the data has the schema's shape.
 * @param schemas every schema by file name, as scripts/content/schema-check.ts reads them
 */
export function findMarkdownFields(
  schemaName: string,
  data: unknown,
  schemas: ReadonlyMap<string, JsonSchema>,
): MarkdownField[] {
  const found: MarkdownField[] = [];
  const root = schemas.get(schemaName);
  if (!root) throw new Error(`No schema named ${schemaName}.`);

  const resolve = (
    ref: string,
    document: JsonSchema,
  ): { schema: JsonSchema; document: JsonSchema } => {
    let documentRefs = resolvedRefs.get(document);
    if (!documentRefs) resolvedRefs.set(document, (documentRefs = new Map()));
    let found = documentRefs.get(ref);
    if (!found) documentRefs.set(ref, (found = resolveUncached(ref, document)));
    return found;
  };
  const resolveUncached = (
    ref: string,
    document: JsonSchema,
  ): { schema: JsonSchema; document: JsonSchema } => {
    const [file, pointer = ""] = ref.split("#");
    const target = file ? schemas.get(file) : document;
    if (!target) throw new Error(`The schema reference ${ref} names no schema.`);
    let schema: unknown = target;
    for (const part of pointer.split("/").filter(Boolean)) schema = (schema as JsonSchema)[part];
    if (!schema || typeof schema !== "object")
      throw new Error(`The schema reference ${ref} leads nowhere.`);
    return { schema: schema as JsonSchema, document: target };
  };

  const walk = (
    schema: JsonSchema,
    document: JsonSchema,
    value: unknown,
    field: FieldPath,
  ): void => {
    if (value === undefined || value === null) return;
    const ref = schema.$ref;
    if (typeof ref === "string") {
      if (
        ref === markdownDefinition ||
        (document === schemas.get("definitions.schema.json") && ref === "#/$defs/markdown")
      ) {
        if (typeof value === "string") found.push({ field, text: value });
        return;
      }
      const target = resolve(ref, document);
      walk(target.schema, target.document, value, field);
      return;
    }
    if (Array.isArray(schema.oneOf) && value && typeof value === "object") {
      const tag = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName;
      for (const branch of schema.oneOf as JsonSchema[]) {
        const target =
          typeof branch.$ref === "string"
            ? resolve(branch.$ref, document)
            : { schema: branch, document };
        const properties = target.schema.properties as Record<string, JsonSchema> | undefined;
        if (tag && properties?.[tag]?.const !== (value as Record<string, unknown>)[tag]) continue;
        walk(target.schema, target.document, value, field);
        return;
      }
      return;
    }
    if (Array.isArray(value) && schema.items && typeof schema.items === "object") {
      value.forEach((item, index) =>
        walk(schema.items as JsonSchema, document, item, [...field, index]),
      );
      return;
    }
    if (schema.properties && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
        walk(child, document, (value as Record<string, unknown>)[key], [...field, key]);
      }
    }
  };
  walk(root, root, data, []);
  return found;
}
