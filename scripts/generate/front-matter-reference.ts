import { stringify } from "yaml";
import type { ContentType } from "../content/content-types.ts";
import { inlineRefs, type JsonSchema } from "./inline-refs.ts";
import { sameFieldsAs } from "./schema-types.ts";

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  limits: string;
  description: string;
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Values the shared definitions declare as Markdown carry this media type (definitions.schema.json). */
const isMarkdown = (schema: JsonSchema) => schema.contentMediaType === "text/markdown";

/** Describes a schema's type in a few words an editor understands: `text`, `list of text`, `one of: a, b`. */
function describeType(schema: JsonSchema): string {
  if (Array.isArray(schema.enum))
    return `one of: ${schema.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.format === "date") return "date (YYYY-MM-DD)";
  if (schema.format === "email") return "email address";
  if (schema.format === "uri") return "web address";
  if (isMarkdown(schema)) return "Markdown";
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as JsonSchema[]).map(describeType).join(", or ");
  }
  switch (schema.type) {
    case "array":
      return isObject(schema.items) ? `list of ${describeType(schema.items)}` : "list";
    case "object":
      return "group of fields";
    case "integer":
      return "whole number";
    case "boolean":
      return "true or false";
    case "string":
      if (typeof schema.pattern === "string" && schema.pattern.includes("\\."))
        return "text in quotes";
      if (schema.pattern === "^[a-z0-9]+(-[a-z0-9]+)*$") return "name (lowercase-with-hyphens)";
      return "text";
    default:
      return Array.isArray(schema.oneOf) ? "one of several shapes (see below)" : "value";
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The limits JSON Schema puts on a value, in words: `1 to 30`, `2 to 7 items`, `at most 24 characters`. */
function describeLimits(schema: JsonSchema): string {
  const limits: string[] = [];
  const range = (low: unknown, high: unknown, unit: string) => {
    if (typeof low === "number" && typeof high === "number")
      limits.push(`${low} to ${high}${unit ? ` ${unit}` : ""}`);
    else if (typeof low === "number") limits.push(`at least ${plural(low, unit || "")}`.trim());
    else if (typeof high === "number") limits.push(`at most ${plural(high, unit || "")}`.trim());
  };
  if (schema.type === "integer") range(schema.minimum, schema.maximum, "");
  if (schema.type === "array") range(schema.minItems, schema.maxItems, "items");
  if (schema.type === "string" && schema.maxLength !== undefined)
    range(undefined, schema.maxLength, "character");
  if (schema.uniqueItems === true) limits.push("no repeats");
  if (schema.default !== undefined && typeof schema.default !== "object")
    limits.push(`default ${String(schema.default)}`);
  return limits.join("; ");
}

/** Flattens a schema into one row per field, with paths such as `version_history[].approver`. */
function fieldRows(schema: JsonSchema, prefix = "", expandShapes = true): FieldRow[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).flatMap(([name, value]) => {
    const field = value as JsonSchema;
    const path = `${prefix}${name}`;
    const row: FieldRow = {
      path,
      type: describeType(field),
      required: required.has(name),
      limits: describeLimits(field),
      description: typeof field.description === "string" ? field.description : "",
    };
    const items = isObject(field.items) ? field.items : undefined;
    if (field.type === "object" && field.properties) return [row, ...fieldRows(field, `${path}.`)];
    if (items?.type === "object" && items.properties)
      return [row, ...fieldRows(items, `${path}[].`, expandShapes)];
    if (items && Array.isArray(items.oneOf)) {
      // Shapes told apart by one field (a template's blocks by `type`) are each described in a
      // section of their own, where there is room for their fields and an example.
      return [row];
    }
    if (items && Array.isArray(items.anyOf)) {
      const shape = (items.anyOf as JsonSchema[]).find((s) => s.type === "object" && s.properties);
      return shape ? [row, ...fieldRows(shape, `${path}[].`)] : [row];
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

function fieldTable(rows: readonly FieldRow[]): string[] {
  return [
    "| Field | Required | Type | Limits | What it is |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| \`${row.path}\` | ${row.required ? "yes" : "no"} | ${cell(row.type)} | ${cell(row.limits)} | ${cell(row.description)} |`,
    ),
  ];
}

const yamlExample = (value: unknown) => [
  "```yaml",
  stringify(value, { lineWidth: 0 }).trimEnd(),
  "```",
];

/**
 * The shapes of a list told apart by one field, each with its fields, limits and example: the
 * block types of a template, the kinds of an assessment's columns.
 */
function shapeSections(
  level: string,
  list: JsonSchema,
  tag: string,
  heading: (kind: string) => string,
): string[] {
  return (list.oneOf as JsonSchema[]).flatMap((shape) => {
    const properties = isObject(shape.properties) ? shape.properties : {};
    const kind = isObject(properties[tag]) ? String(properties[tag].const) : "?";
    const rows = fieldRows(shape).filter((row) => row.path !== tag);
    const examples = Array.isArray(shape.examples) ? shape.examples : [];
    return [
      `${level} ${heading(kind)}`,
      "",
      `${cell(String(shape.description ?? ""))} Write \`${tag}: ${kind}\`.`,
      "",
      ...(rows.length ? [...fieldTable(rows), ""] : []),
      ...(examples.length ? ["Example:", "", ...yamlExample(examples[0]), ""] : []),
    ];
  });
}

/** More about a type than a table of its fields: the block types of templates, with examples. */
function typeDetails(type: ContentType, schema: JsonSchema): string[] {
  if (type.name !== "template") return [];
  const properties = schema.properties as Record<string, JsonSchema>;
  const blocks = properties.blocks!.items as JsonSchema;
  const scales = (properties.scales!.items as JsonSchema) ?? {};
  const groups = (properties.groups!.items as JsonSchema) ?? {};
  const assessment = (blocks.oneOf as JsonSchema[]).find(
    (shape) => (shape.properties as Record<string, JsonSchema>).type?.const === "assessment",
  )!;
  const columns = (assessment.properties as Record<string, JsonSchema>).columns!
    .items as JsonSchema;
  const standards = (assessment.properties as Record<string, JsonSchema>).standards!;
  const example = (shape: JsonSchema) =>
    Array.isArray(shape.examples) ? ["Example:", "", ...yamlExample(shape.examples[0]), ""] : [];
  return [
    "",
    "### Block types",
    "",
    "Each item of `blocks` is one of these, chosen by its `type`. Every block that takes an answer stores it under a name: its `name`, or its label (caption, title) in lowercase with hyphens, at most six words. The site's form, the PDF's form fields, the exports and completed examples all use that name.",
    "",
    ...shapeSections("####", blocks, "type", (kind) => `\`${kind}\``),
    "### Assessment columns",
    "",
    "Each item of an assessment's `columns` is one of these, chosen by its `kind`; every indicator is answered under every column.",
    "",
    ...shapeSections("####", columns, "kind", (kind) => `\`${kind}\` column`),
    "### Standards and indicators",
    "",
    ...fieldTable(fieldRows(standards.items as JsonSchema, "standards[].")),
    "",
    "### Scales",
    "",
    `${cell(String(scales.description ?? ""))} Items of \`scales\`:`,
    "",
    ...fieldTable(fieldRows(scales, "scales[].")),
    "",
    ...example(scales),
    "### Groups of blocks",
    "",
    `${cell(String(groups.description ?? ""))} Items of \`groups\`, each used by a \`repeat\` block:`,
    "",
    ...fieldTable(fieldRows(groups, "groups[].")),
    "",
    ...example(groups),
  ];
}

const markdownGuide = [
  "## Writing Markdown",
  "",
  "The Markdown below the front matter, and every field whose type is Markdown in the tables above, may use:",
  "",
  "- `*emphasis*`, `**bold**`, bulleted (`-`) and numbered (`1.`) lists, and `##` and `###` headings in a body;",
  "- links to web pages (`[text](https://…)`), email addresses (`mailto:`), telephone numbers (`tel:`) and pages of this site (`/guide/reflective-practice/`); any other link is shown as plain text, with a warning;",
  "- images stored in the repository, linked relative to the file (`![A cycle of six steps](images/cycle.png)`): PNG, JPEG, GIF, WebP, AVIF or SVG, up to 5 MB, always with a description in the square brackets; images from other websites are refused;",
  "- footnotes for sources (`text[^1]` and, at the end, `[^1]: The source.`);",
  "- quotes: each line starts with `>`; put who said it on the quote's last line, starting with `—` (`> — A member of the North East group`);",
  "- in checklist items, indicators, evidence examples and other Markdown fields, the same emphasis and links, kept to one paragraph.",
  "",
  "HTML and template syntax (`{{ }}`, `{% %}`) are shown as written, never run.",
];

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
        : [...fieldTable(fieldRows(schema)), ...typeDetails(type, schema)]),
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
    "- [Writing Markdown](#writing-markdown)",
    "",
    sections.join("\n\n"),
    "",
    ...markdownGuide,
    "",
  ].join("\n");
}
