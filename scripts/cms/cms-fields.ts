/**
 * Turns a content type's JSON Schema into the content editor's form: one Decap CMS field per
 * property, its widget chosen from the property's type, its hint the property's description, its
 * required mark and its limits (patterns, lengths, numbers, list sizes) from the schema. Nothing
 * here knows a content type by name: any schema made of objects, lists, strings, numbers,
 * booleans, enums and lists of blocks told apart by a `type` property (a `oneOf` with a
 * discriminator) gets a form. A value that may take one of several shapes with nothing to tell
 * them apart (an `anyOf`, such as a scale option that is a label or a label with a description)
 * or an object whose keys are the content's own (`patternProperties`, such as an example's
 * answers under the template's block names) is written in YAML in a text box: the form cannot
 * show a field per key it does not know, and saving checks the value against the schema; a list
 * of such values is written in YAML as a whole. A
 * shape it does not know stops `npm run generate` with the path.
 */
import {
  isObject,
  propertiesOf,
  requiredOf,
  resolveNode,
  type JsonSchema,
  type SchemaNode,
} from "./schema-walk.ts";

/** One field of a Decap CMS form (https://decapcms.org/docs/widgets/), as the generator writes it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  /** A regular expression the value must match, and the message shown when it does not. */
  pattern?: [string, string];
  default?: unknown;
  options?: (string | number)[];
  value_type?: "int" | "float";
  min?: number;
  max?: number;
  date_format?: string;
  time_format?: boolean;
  format?: string;
  picker_utc?: boolean;
  field?: CmsField;
  fields?: CmsField[];
  types?: CmsField[];
  typeKey?: string;
  summary?: string;
  collapsed?: boolean;
  label_singular?: string;
  /** A value written in YAML: the shapes it may take, each with its description and fields. */
  shapes?: CmsShape[];
  /** A value written in YAML whose keys are the content's own: what each key holds. */
  key_hint?: string;
  /** A list written in YAML: what each of its items holds. */
  item_hint?: string;
}

/** One shape a value written in YAML may take (a branch of the schema's `anyOf`). */
export interface CmsShape {
  hint?: string;
  /** The shape's fields, when it is an object with named fields. */
  fields?: CmsField[];
}

/** The widget of a value written in YAML (scripts/cms/browser/yaml-widget.ts). */
export const yamlWidget = "charterbook-yaml";

/** True for a value the form edits as YAML: several shapes without a discriminator, or open keys. */
const isFreeForm = (schema: JsonSchema): boolean =>
  Array.isArray(schema.anyOf) ||
  (schema.type === "object" &&
    !Array.isArray(schema.oneOf) &&
    propertiesOf(schema).length === 0 &&
    (isObject(schema.patternProperties) || schema.additionalProperties !== false));

/** `review_by` → `Review by`: the label an editor reads above a field. */
export const humanise = (name: string): string => {
  const words = name
    .replace(/[_-]+/g, " ")
    .trim()
    .replace(/\b(url|pdf|id)\b/gi, (acronym) => acronym.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "Goals" → "Goal", for one item of a list; a label that is not a plural stays as it is. */
const singular = (label: string) => (/[^s]s$/.test(label) ? label.slice(0, -1) : label);

/** A plain e-mail pattern for the form; the schema's own `email` format is checked on save. */
const emailPattern = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";

/** Where a field is, for the message that stops the generator at a schema it cannot turn into a form. */
type Trail = string;

/**
 * The form fields of an object schema, one per property, in the schema's order.
 * @param required whether the object itself must be filled in: a property the schema requires is
 *   marked required only when its object is, because the form checks every field it shows, and an
 *   optional group (a chapter's `steps`) would otherwise refuse to stay empty. Saving still checks
 *   the whole schema.
 */
export function objectFields(
  node: SchemaNode,
  schemas: ReadonlyMap<string, JsonSchema>,
  required: boolean,
  trail: Trail,
): CmsField[] {
  const requiredNames = requiredOf(node.schema);
  return propertiesOf(node.schema).map(([name, property]) =>
    fieldFor(
      name,
      resolveNode(property, node.document, schemas),
      schemas,
      required && requiredNames.has(name),
      `${trail}.${name}`,
    ),
  );
}

/** The form field for one property. */
export function fieldFor(
  name: string,
  node: SchemaNode,
  schemas: ReadonlyMap<string, JsonSchema>,
  required: boolean,
  trail: Trail,
): CmsField {
  const { schema } = node;
  const base: CmsField = {
    name,
    label: humanise(name),
    widget: "string",
    required,
    ...(typeof schema.description === "string" ? { hint: schema.description } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
  };

  if (schema.const !== undefined) {
    // A value the schema fixes: kept, never asked for.
    return { ...base, widget: "hidden", required: false, default: schema.const };
  }
  if (Array.isArray(schema.enum)) {
    return { ...base, widget: "select", options: schema.enum as (string | number)[] };
  }
  if (isFreeForm(schema)) return freeFormField(base, node, schemas, trail);
  switch (schema.type) {
    case "boolean":
      // A form cannot leave a switch unset: false is an answer, so it is never "missing".
      return { ...base, widget: "boolean", required: false, default: schema.default ?? false };
    case "integer":
    case "number":
      return {
        ...base,
        widget: "number",
        value_type: schema.type === "integer" ? "int" : "float",
        ...(typeof schema.minimum === "number" ? { min: schema.minimum } : {}),
        ...(typeof schema.maximum === "number" ? { max: schema.maximum } : {}),
      };
    case "string":
      return stringField(base, node);
    case "object":
      return {
        ...base,
        widget: "object",
        collapsed: false,
        fields: objectFields(node, schemas, required, trail),
      };
    case "array":
      return listField(base, node, schemas, trail);
    default:
      throw new Error(
        `${trail}: the content editor has no form field for this schema (type ${JSON.stringify(schema.type)}). ` +
          "Give the property a type (string, integer, number, boolean, object or array), or teach scripts/cms/cms-fields.ts the new shape.",
      );
  }
}

/**
 * A value written in YAML, with the help the form gives beside it: the shapes it may take, each
 * with its description and the description of each of its fields, and for open keys what each
 * key holds. The schema's words reach the editor even where the form has no field to put them on.
 */
function freeFormField(
  base: CmsField,
  node: SchemaNode,
  schemas: ReadonlyMap<string, JsonSchema>,
  trail: Trail,
): CmsField {
  const shapesOf = (value: SchemaNode, at: Trail): CmsShape[] | undefined =>
    Array.isArray(value.schema.anyOf)
      ? (value.schema.anyOf as unknown[]).filter(isObject).map((branch, index) => {
          const shape = resolveNode(branch, value.document, schemas);
          const description = shape.schema.description;
          const fields =
            shape.schema.type === "object" && propertiesOf(shape.schema).length > 0
              ? objectFields(shape, schemas, true, `${at}(${index + 1})`)
              : undefined;
          return {
            ...(typeof description === "string" ? { hint: description } : {}),
            ...(fields ? { fields } : {}),
          };
        })
      : undefined;
  const patterns = isObject(node.schema.patternProperties)
    ? Object.values(node.schema.patternProperties).filter(isObject)
    : [];
  const entry =
    patterns.length === 1 ? resolveNode(patterns[0]!, node.document, schemas) : undefined;
  const shapes = shapesOf(entry ?? node, entry ? `${trail}{}` : trail);
  return {
    ...base,
    widget: yamlWidget,
    ...(typeof entry?.schema.description === "string"
      ? { key_hint: entry.schema.description }
      : {}),
    ...(shapes ? { shapes } : {}),
  };
}

function stringField(base: CmsField, { schema, definition }: SchemaNode): CmsField {
  if (schema.format === "date") {
    // The browser's own date picker; the value is written YYYY-MM-DD, as the schemas ask.
    return {
      ...base,
      widget: "datetime",
      format: "YYYY-MM-DD",
      date_format: "YYYY-MM-DD",
      time_format: false,
      picker_utc: false,
    };
  }
  // Markdown is edited as written, in a plain text box: Decap's rich-text editor rewrites
  // Markdown it does not know (footnotes, hard line breaks), which would change what readers see.
  const widget = definition?.name === "markdown" ? "text" : "string";
  const rules: { pattern: string; message: string }[] = [];
  if (typeof schema.pattern === "string") {
    rules.push({
      pattern: schema.pattern,
      message: definition?.description ?? String(schema.description ?? schema.pattern),
    });
  }
  if (schema.format === "email") {
    rules.push({
      pattern: emailPattern,
      message: definition?.description ?? "An email address, such as coordinator@example.org.",
    });
  }
  if (typeof schema.maxLength === "number") {
    rules.push({
      pattern: `^[\\s\\S]{0,${schema.maxLength}}$`,
      message: `At most ${schema.maxLength} characters.`,
    });
  }
  if (rules.length === 0) return { ...base, widget };
  // One pattern per field in Decap: the rules are joined as lookaheads, their messages as sentences.
  const pattern =
    rules.length === 1
      ? rules[0]!.pattern
      : rules.map((rule) => `(?=${rule.pattern.replace(/^\^?/, "^")})`).join("");
  return { ...base, widget, pattern: [pattern, rules.map((rule) => rule.message).join(" ")] };
}

/** A summary for a collapsed list item: its first required text field, such as a risk's `risk`. */
function itemSummary(fields: readonly CmsField[]): string | undefined {
  const first =
    fields.find((f) => f.required && (f.widget === "string" || f.widget === "text")) ??
    fields.find((f) => f.widget === "string" || f.widget === "text");
  return first ? `{{fields.${first.name}}}` : undefined;
}

function listField(
  base: CmsField,
  node: SchemaNode,
  schemas: ReadonlyMap<string, JsonSchema>,
  trail: Trail,
): CmsField {
  const { schema } = node;
  const limits = {
    ...(typeof schema.minItems === "number" ? { min: schema.minItems } : {}),
    ...(typeof schema.maxItems === "number" ? { max: schema.maxItems } : {}),
  };
  if (!isObject(schema.items))
    throw new Error(`${trail}: a list without an \`items\` schema has no form field.`);
  const items = resolveNode(schema.items, node.document, schemas);
  if (isFreeForm(items.schema)) {
    // The whole list in YAML: Decap's list of one field per item cannot hold an item that is
    // sometimes a text and sometimes a group of fields (it would show the group as empty).
    const item = freeFormField(base, items, schemas, `${trail}[]`);
    const { shapes, key_hint } = item;
    return {
      ...base,
      widget: yamlWidget,
      ...(typeof items.schema.description === "string"
        ? { item_hint: items.schema.description }
        : {}),
      ...(key_hint ? { key_hint } : {}),
      ...(shapes ? { shapes } : {}),
    };
  }
  const list: CmsField = { ...base, widget: "list", collapsed: true, ...limits };

  if (Array.isArray(items.schema.oneOf)) {
    return { ...list, ...blockTypes(items, schemas, `${trail}[]`) };
  }
  if (items.schema.type === "object") {
    // Inside an item that exists, what the item requires is required.
    const fields = objectFields(items, schemas, true, `${trail}[]`);
    // An item that is one of its fields (a publication's part: a chapter, a template, …) is
    // summed up by whichever it has.
    const summary =
      items.schema.maxProperties === 1
        ? fields.map((field) => `{{fields.${field.name}}}`).join("")
        : itemSummary(fields);
    return {
      ...list,
      label_singular: singular(base.label),
      fields,
      ...(summary ? { summary } : {}),
    };
  }
  // A list of single values: one field per item, labelled as one of the list ("Goal" of "Goals").
  const field = fieldFor(base.name, items, schemas, true, `${trail}[]`);
  return { ...list, collapsed: false, field: { ...field, label: singular(base.label) } };
}

/**
 * A list whose items are one of several shapes, each marked by a constant property (the
 * discriminator, `type` for template blocks): one Decap "type" per shape, chosen when an item is
 * added, with the shape's own fields.
 */
function blockTypes(
  items: SchemaNode,
  schemas: ReadonlyMap<string, JsonSchema>,
  trail: Trail,
): Pick<CmsField, "types" | "typeKey"> {
  const discriminator = isObject(items.schema.discriminator)
    ? items.schema.discriminator.propertyName
    : undefined;
  if (typeof discriminator !== "string")
    throw new Error(
      `${trail}: a list of several shapes needs a discriminator (such as "discriminator": { "propertyName": "type" }) so the form can tell them apart.`,
    );
  const types = (items.schema.oneOf as JsonSchema[]).map((branch, index) => {
    const shape = resolveNode(branch, items.document, schemas);
    const tag = propertiesOf(shape.schema).find(([name]) => name === discriminator)?.[1];
    const value = tag?.const;
    if (typeof value !== "string")
      throw new Error(
        `${trail} (shape ${index + 1}): each shape needs "${discriminator}" with a "const" value, such as "const": "heading".`,
      );
    // The discriminator is the item's type, which Decap writes itself (typeKey).
    const { [discriminator]: _tag, ...others } = shape.schema.properties as JsonSchema;
    const fields = objectFields(
      { ...shape, schema: { ...shape.schema, properties: others } },
      schemas,
      true,
      `${trail}[${discriminator}=${value}]`,
    );
    const summary = itemSummary(fields);
    const description = shape.schema.description ?? tag?.description;
    return {
      name: value,
      label: humanise(value),
      widget: "object",
      required: true,
      ...(typeof description === "string" ? { hint: description } : {}),
      fields,
      ...(summary ? { summary } : {}),
    } satisfies CmsField;
  });
  return { types, typeKey: discriminator };
}
