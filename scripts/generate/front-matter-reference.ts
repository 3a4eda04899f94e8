import type { ContentType } from "../content/content-types.ts";
import { inlineRefs, type JsonSchema } from "./inline-refs.ts";
import { sameFieldsAs } from "./schema-types.ts";

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Describes a schema's type in a few words an editor understands: `text`, `list of text`, `one of: a, b`. */
function describeType(schema: JsonSchema): string {
  if (Array.isArray(schema.enum))
    return `one of: ${schema.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.format === "date") return "date (YYYY-MM-DD)";
  if (schema.format === "email") return "email address";
  if (schema.format === "uri") return "web address";
  switch (schema.type) {
    case "array":
      return isObject(schema.items) ? `list of ${describeType(schema.items)}` : "list";
    case "object":
      return "group of fields";
    case "integer": {
      const range = [schema.minimum, schema.maximum].every((n) => typeof n === "number")
        ? ` ${String(schema.minimum)} to ${String(schema.maximum)}`
        : "";
      return `whole number${range}`;
    }
    case "boolean":
      return "true or false";
    case "string":
      return typeof schema.pattern === "string" && schema.pattern.includes("\\.")
        ? "text in quotes"
        : "text";
    default:
      return Array.isArray(schema.oneOf) ? "one of several shapes (see below)" : "value";
  }
}

/** Flattens a schema into one row per field, with paths such as `version_history[].approver`. */
function fieldRows(schema: JsonSchema, prefix = ""): FieldRow[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).flatMap(([name, value]) => {
    const field = value as JsonSchema;
    const path = `${prefix}${name}`;
    const row: FieldRow = {
      path,
      type: describeType(field),
      required: required.has(name),
      description: typeof field.description === "string" ? field.description : "",
    };
    const items = isObject(field.items) ? field.items : undefined;
    if (field.type === "object") return [row, ...fieldRows(field, `${path}.`)];
    if (items?.type === "object") return [row, ...fieldRows(items, `${path}[].`)];
    if (items && Array.isArray(items.oneOf)) {
      // Template blocks: one sub-table per shape, told apart by their `type` field.
      return [
        row,
        ...(items.oneOf as JsonSchema[]).flatMap((shape) => {
          const properties = isObject(shape.properties) ? shape.properties : {};
          const kind = isObject(properties.type) ? String(properties.type.const) : "?";
          return fieldRows(shape, `${path}[type=${kind}].`).filter(
            (r) => !r.path.endsWith(".type"),
          );
        }),
      ];
    }
    return [row];
  });
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
const githubAnchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The Markdown reference of every content type's fields, generated from the schemas. */
export function generateFrontMatterReference(
  types: readonly ContentType[],
  schemas: ReadonlyMap<string, JsonSchema>,
): string {
  const definitions = schemas.get("definitions.schema.json") ?? {};
  const sections = types.map((type) => {
    const original = schemas.get(type.schema) ?? {};
    const schema = inlineRefs(original, definitions, schemas);
    const sameAs = sameFieldsAs(original, types);
    const where =
      type.format === "yaml"
        ? "The whole file is YAML."
        : "YAML front matter between `---` lines, then Markdown.";
    const rows = fieldRows(schema).map(
      (row) =>
        `| \`${row.path}\` | ${row.required ? "yes" : "no"} | ${cell(row.type)} | ${cell(row.description)} |`,
    );
    return [
      `## ${String(schema.title ?? type.name)}`,
      "",
      `File: \`${type.location}\`. ${where} Schema: [\`schemas/${type.schema}\`](../schemas/${type.schema}).`,
      "",
      cell(String(schema.description ?? "")),
      "",
      ...(sameAs
        ? [
            `Its fields are those of [${String(schemas.get(sameAs.schema)?.title ?? sameAs.name)}](#${githubAnchor(String(schemas.get(sameAs.schema)?.title ?? sameAs.name))}).`,
          ]
        : ["| Field | Required | Type | What it is |", "| --- | --- | --- | --- |", ...rows]),
    ].join("\n");
  });
  return [
    "# Front matter reference",
    "",
    "<!-- Generated from schemas/ by `npm run generate`. Do not edit by hand: `npm test` fails when it is stale. -->",
    "",
    "Every file in `content/` is checked against the JSON Schema of its type by `npm run validate`.",
    'Where a file lives decides its type. Dates are written YYYY-MM-DD; versions are written in quotes, such as `"0.4"`.',
    "",
    ...types.map((type) => {
      const title = String(schemas.get(type.schema)?.title ?? type.name);
      return `- [${title}](#${githubAnchor(title)}): \`${type.location}\``;
    }),
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");
}
