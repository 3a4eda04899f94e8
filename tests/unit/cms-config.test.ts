import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { contentTypes, type ContentType } from "../../scripts/content/content-types.ts";
import { readSchemas } from "../../scripts/content/schema-check.ts";
import { adminContentSecurityPolicy, adminSettings } from "../../scripts/cms/admin-site.ts";
import { generateCmsConfig, type CmsCollection } from "../../scripts/cms/cms-config.ts";
import type { CmsField } from "../../scripts/cms/cms-fields.ts";
import { isEditable, placeOf, recordTypes } from "../../scripts/cms/collections.ts";
import {
  isObject,
  propertiesOf,
  requiredOf,
  resolveNode,
  type JsonSchema,
  type SchemaNode,
} from "../../scripts/cms/schema-walk.ts";

const schemas = readSchemas();
const config = generateCmsConfig(contentTypes, schemas);

interface SchemaField {
  description?: string;
  /** Required by the schema, and everything above it up to the file or list item is too. */
  required: boolean;
}

const described = (schema: JsonSchema) =>
  typeof schema.description === "string" ? { description: schema.description } : {};

/**
 * The shapes of a value that may take several (`anyOf`) by path (`options[](2).label`), and what
 * each key of an object with open keys holds (`answers{}`, `answers{}(1)`).
 */
function shapeFields(node: SchemaNode, path: string): Map<string, SchemaField> {
  const found = new Map<string, SchemaField>();
  const patterns = isObject(node.schema.patternProperties)
    ? Object.values(node.schema.patternProperties).filter(isObject)
    : [];
  if (patterns.length === 1) {
    const entry = resolveNode(patterns[0]!, node.document, schemas);
    found.set(`${path}{}`, { ...described(entry.schema), required: false });
    for (const [p, f] of shapeFields(entry, `${path}{}`)) found.set(p, f);
  }
  if (!Array.isArray(node.schema.anyOf)) return found;
  (node.schema.anyOf as JsonSchema[]).forEach((branch, index) => {
    const shape = resolveNode(branch, node.document, schemas);
    const at = `${path}(${index + 1})`;
    found.set(at, { ...described(shape.schema), required: false });
    for (const [p, f] of schemaFields(shape.schema, shape.document, `${at}.`)) found.set(p, f);
  });
  return found;
}

/**
 * Every property of a schema by path (`version_history[].reason`, `blocks[type=field].label`,
 * `goals[]` for one item of a list of single values), with the shapes of values written in YAML.
 */
function schemaFields(
  schema: JsonSchema,
  document: JsonSchema,
  prefix = "",
  required = true,
): Map<string, SchemaField> {
  const found = new Map<string, SchemaField>();
  const names = requiredOf(schema);
  for (const [name, property] of propertiesOf(schema)) {
    const node = resolveNode(property, document, schemas);
    const path = `${prefix}${name}`;
    const isRequired = required && names.has(name);
    found.set(path, { ...described(node.schema), required: isRequired });
    for (const [p, f] of shapeFields(node, path)) found.set(p, f);
    if (node.schema.type === "object")
      for (const [p, f] of schemaFields(node.schema, node.document, `${path}.`, isRequired))
        found.set(p, f);
    const items = isObject(node.schema.items)
      ? resolveNode(node.schema.items, node.document, schemas)
      : undefined;
    if (items?.schema.type === "object" && !items.schema.oneOf)
      for (const [p, f] of schemaFields(items.schema, items.document, `${path}[].`))
        found.set(p, f);
    if (items && items.schema.type !== "object" && !items.schema.oneOf) {
      // One item of a list of single values: an item that is there is required.
      found.set(`${path}[]`, { ...described(items.schema), required: true });
      for (const [p, f] of shapeFields(items, `${path}[]`)) found.set(p, f);
    }
    if (items && Array.isArray(items.schema.oneOf)) {
      const tag = (items.schema.discriminator as { propertyName: string }).propertyName;
      for (const branch of items.schema.oneOf as JsonSchema[]) {
        const shape = resolveNode(branch, items.document, schemas);
        const kind = String((shape.schema.properties as Record<string, JsonSchema>)[tag]!.const);
        for (const [p, f] of schemaFields(shape.schema, shape.document, `${path}[${tag}=${kind}].`))
          if (!p.endsWith(`.${tag}`)) found.set(p, f);
      }
    }
  }
  return found;
}

/** Every field of a form by the same paths, with the shapes listed beside a value written in YAML. */
function formFields(fields: readonly CmsField[], prefix = ""): Map<string, CmsField> {
  const found = new Map<string, CmsField>();
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    found.set(path, field);
    if (field.item_hint !== undefined)
      found.set(`${path}[]`, {
        name: "",
        label: "",
        widget: "item",
        required: true,
        hint: field.item_hint,
      });
    const shapesAt =
      field.item_hint !== undefined
        ? `${path}[]`
        : field.key_hint === undefined
          ? path
          : `${path}{}`;
    if (field.key_hint !== undefined)
      found.set(shapesAt, {
        name: "",
        label: "",
        widget: "key",
        required: false,
        hint: field.key_hint,
      });
    field.shapes?.forEach((shape, index) => {
      const at = `${shapesAt}(${index + 1})`;
      found.set(at, {
        name: "",
        label: "",
        widget: "shape",
        required: false,
        ...(shape.hint === undefined ? {} : { hint: shape.hint }),
      });
      for (const [p, f] of formFields(shape.fields ?? [], `${at}.`)) found.set(p, f);
    });
    if (field.field)
      for (const [p, f] of formFields([{ ...field.field, name: "" }], `${path}[]`)) found.set(p, f);
    if (field.widget === "object" && field.fields)
      for (const [p, f] of formFields(field.fields, `${path}.`)) found.set(p, f);
    if (field.fields && field.widget !== "object")
      for (const [p, f] of formFields(field.fields, `${path}[].`)) found.set(p, f);
    for (const type of field.types ?? [])
      for (const [p, f] of formFields(type.fields ?? [], `${path}[${field.typeKey}=${type.name}].`))
        found.set(p, f);
  }
  return found;
}

const editableTypes = contentTypes.filter(isEditable);
const collectionOf = (type: ContentType): CmsCollection =>
  config.collections.find((collection) => collection.name === type.name)!;
const fieldsOf = (collection: CmsCollection) =>
  collection.fields ?? collection.files?.[0]?.fields ?? [];

describe("the content editor's configuration", () => {
  it("is the committed site/admin/config.yml", async () => {
    const committed = parse(await readFile("site/admin/config.yml", "utf8")) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it.each(editableTypes.map((type) => [type.name, type] as const))(
    "has every field of the %s schema, with its description as the hint and its required mark",
    (_name, type) => {
      const schema = schemas.get(type.schema)!;
      const expected = schemaFields(schema, schema);
      const form = formFields(fieldsOf(collectionOf(type)));
      expect(expected.size).toBeGreaterThan(1);
      for (const [path, field] of expected) {
        const generated = form.get(path);
        expect(generated, path).toBeDefined();
        expect(generated!.hint, path).toBe(field.description);
        // A boolean always has a value, so the form never calls it missing.
        if (generated!.widget !== "boolean") expect(generated!.required, path).toBe(field.required);
      }
    },
  );

  it("has no form for the archive of approved versions, whose fields are the charter's and the ground rules'", () => {
    expect(recordTypes).toEqual(["charter-version", "ground-rules-version"]);
    expect(config.collections.map((collection) => collection.name)).toEqual([
      "site",
      "community",
      "charter",
      "charter-approval",
      "ground-rules",
      "chapter",
      "template",
      "example",
      "publication",
      "topics",
      "roadmap",
      "phases",
      "principles",
    ]);
    // The archive's schemas are the charter's and the ground rules', whose every field has a form.
    expect(schemas.get("charter-version.schema.json")!.$ref).toBe("charter.schema.json");
    expect(schemas.get("ground-rules-version.schema.json")!.$ref).toBe("ground-rules.schema.json");
  });

  it("gives each Markdown file its body as a plain text box, and each YAML file none", () => {
    for (const type of editableTypes) {
      const body = fieldsOf(collectionOf(type)).find((field) => field.name === "body");
      if (type.format === "markdown")
        expect(body, type.name).toMatchObject({ widget: "text", required: false });
      else expect(body, type.name).toBeUndefined();
    }
  });

  it("chooses widgets, limits and patterns from the schema", () => {
    const form = (name: string) =>
      formFields(fieldsOf(config.collections.find((c) => c.name === name)!));
    expect(form("community").get("short_name")).toMatchObject({
      widget: "string",
      required: true,
      pattern: ["^[\\s\\S]{0,24}$", "At most 24 characters."],
    });
    expect(form("charter").get("review_by")).toMatchObject({
      widget: "datetime",
      format: "YYYY-MM-DD",
      time_format: false,
    });
    expect(form("charter").get("goals")).toMatchObject({
      widget: "list",
      min: 1,
      field: { widget: "text", label: "Goal" },
    });
    expect(form("roadmap").get("areas[].number")).toMatchObject({
      widget: "number",
      value_type: "int",
      min: 1,
      max: 9,
    });
    expect(form("template").get("blocks[type=heading].level")).toMatchObject({
      widget: "select",
      options: [2, 3],
      default: 2,
    });
    expect(form("chapter").get("steps.cyclical")).toMatchObject({
      widget: "boolean",
      default: false,
    });
    expect(form("site").get("contact.email")).toMatchObject({
      pattern: [
        "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$",
        "An email address, such as coordinator@example.org.",
      ],
    });
    expect(form("charter").get("version")).toMatchObject({
      widget: "charterbook-readonly",
      pattern: [
        "^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$",
        'A version number in quotes, such as "0.4" or "1.2": whole numbers separated by dots.',
      ],
    });
  });

  it("makes a type of block for each shape of a template's blocks", () => {
    const blocks = fieldsOf(collectionOf(contentTypes.find((t) => t.name === "template")!)).find(
      (field) => field.name === "blocks",
    )!;
    expect(blocks.typeKey).toBe("type");
    expect(blocks.types!.map((type) => type.name)).toEqual([
      "heading",
      "text",
      "field",
      "date",
      "signature",
      "scale",
      "table",
      "checklist",
      "assessment",
      "repeat",
    ]);
    const assessment = blocks.types!.find((type) => type.name === "assessment")!;
    const columns = assessment.fields!.find((field) => field.name === "columns")!;
    expect(columns.typeKey).toBe("kind");
    expect(columns.types!.map((type) => type.name)).toEqual([
      "text",
      "scale",
      "horizons",
      "date",
      "owner",
    ]);
  });

  it("writes in YAML a value of several shapes or of open keys, listing the shapes beside it", () => {
    const form = (name: string) =>
      formFields(fieldsOf(config.collections.find((c) => c.name === name)!));
    expect(form("example").get("answers")).toEqual({
      name: "answers",
      label: "Answers",
      widget: "charterbook-yaml",
      required: true,
      hint: "The answers, under the names of the template's blocks (a block's name, or its label in lowercase with hyphens): text for fields, YYYY-MM-DD for dates, an option's label for scales, the numbers of the ticked items for checklists, and groups of these for tables, signatures, assessments and repeated groups. The template page's Download as Markdown button writes them for you.",
      key_hint: "The answer to one block of the template; its shape depends on the block.",
      shapes: [
        { hint: "A written answer, a date or a scale option's label." },
        { hint: "The numbers of a checklist's ticked items." },
        {
          hint: "The answers to the parts of a table, signature, scale, assessment or repeated group.",
        },
      ],
    });
    expect(form("template").get("scales[].options")).toMatchObject({
      widget: "charterbook-yaml",
      label: "Options",
      required: true,
      hint: "The choices, lowest first: each a label, or a label with a description of what it means.",
      item_hint:
        "One choice of a scale: its label (such as Partially), or a label and a description.",
      shapes: [
        { hint: "Plain text, one line or a short paragraph." },
        {
          hint: "A choice with a description of what it means.",
          fields: [
            { name: "label", required: true, hint: "The choice's words, such as Partially." },
            { name: "description", required: false },
          ],
        },
      ],
    });
  });

  it("sums up a publication's part by whichever of its fields it has", () => {
    const groups = fieldsOf(config.collections.find((c) => c.name === "publication")!).find(
      (field) => field.name === "groups",
    )!;
    expect(groups.fields!.find((field) => field.name === "items")!.summary).toBe(
      "{{fields.chapter}}{{fields.template}}{{fields.example}}{{fields.appendix}}",
    );
  });

  it("asks who revises a governed document and why, and approves charters in a collection of their own", () => {
    for (const name of ["charter", "ground-rules", "community"]) {
      const revision = fieldsOf(config.collections.find((c) => c.name === name)!)[0]!;
      expect(revision.name, name).toBe("_revision");
      expect(revision.fields!.map((field) => [field.name, field.required])).toEqual([
        ["implemented_by", name !== "community"],
        ["reason", name !== "community"],
        ["approver", false],
      ]);
    }
    const approvals = config.collections.find((c) => c.name === "charter-approval")!;
    expect(approvals).toMatchObject({
      folder: "content/communities",
      extension: "charter.md",
      create: false,
      delete: false,
    });
    expect(approvals.fields![0]!.fields!.map((field) => field.name)).toEqual([
      "approver",
      "approval_date",
    ]);
  });

  it("places each collection where its content type's files are", () => {
    const at = (name: string) => config.collections.find((c) => c.name === name)!;
    expect(at("site").files![0]!.file).toBe("content/site.yaml");
    expect(at("chapter")).toMatchObject({ folder: "content/guide", extension: "md", create: true });
    expect(at("charter")).toMatchObject({
      folder: "content/communities",
      path: "{{slug}}/charter",
      extension: "charter.md",
      create: false,
      summary: "{{dirname}}: {{title}}",
    });
    expect(config.collections.every((c) => c.delete === false)).toBe(true);
  });
});

describe("the configuration of schemas to come", () => {
  /** A content type and schema as a toolkit might add them: new block types, a new kind of field. */
  const assessment = {
    $id: "https://charterbook.example/schemas/assessment.schema.json",
    title: "Self-assessment",
    type: "object",
    additionalProperties: false,
    required: ["title", "questions"],
    properties: {
      title: { $ref: "definitions.schema.json#/$defs/text", description: "The title." },
      published_on: { $ref: "definitions.schema.json#/$defs/date", description: "When." },
      questions: {
        type: "array",
        description: "The questions.",
        items: {
          type: "object",
          discriminator: { propertyName: "type" },
          oneOf: [
            {
              type: "object",
              required: ["type", "prompt", "scale"],
              properties: {
                type: { const: "rating", description: "A rating." },
                prompt: {
                  $ref: "definitions.schema.json#/$defs/markdown",
                  description: "The prompt.",
                },
                scale: { type: "integer", minimum: 3, maximum: 7, description: "Points." },
              },
            },
            {
              type: "object",
              required: ["type", "publications"],
              properties: {
                type: { const: "publications", description: "A list of publications." },
                publications: {
                  type: "array",
                  description: "Publications.",
                  items: {
                    type: "string",
                    format: "uri",
                    pattern: "^https://",
                    description: "A link.",
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
  const withAssessment = new Map([...schemas, ["assessment.schema.json", assessment]]);
  const type: ContentType = {
    name: "assessment" as ContentType["name"],
    schema: "assessment.schema.json",
    location: "content/assessments/<slug>.md",
    format: "markdown",
    matches: () => false,
  };

  it("gets a form without a change to the generator", () => {
    const generated = generateCmsConfig([type], withAssessment);
    const collection = generated.collections[0]!;
    expect(collection).toMatchObject({
      name: "assessment",
      folder: "content/assessments",
      create: true,
    });
    const questions = collection.fields!.find((field) => field.name === "questions")!;
    expect(questions.types).toEqual([
      {
        name: "rating",
        label: "Rating",
        widget: "object",
        required: true,
        hint: "A rating.",
        fields: [
          { name: "prompt", label: "Prompt", widget: "text", required: true, hint: "The prompt." },
          {
            name: "scale",
            label: "Scale",
            widget: "number",
            required: true,
            hint: "Points.",
            value_type: "int",
            min: 3,
            max: 7,
          },
        ],
        summary: "{{fields.prompt}}",
      },
      {
        name: "publications",
        label: "Publications",
        widget: "object",
        required: true,
        hint: "A list of publications.",
        fields: [
          {
            name: "publications",
            label: "Publications",
            widget: "list",
            required: true,
            hint: "Publications.",
            collapsed: false,
            field: {
              name: "publications",
              label: "Publication",
              widget: "string",
              required: true,
              hint: "A link.",
              pattern: ["^https://", "A link."],
            },
          },
        ],
      },
    ]);
    expect(placeOf(type)).toEqual({
      kind: "folder",
      folder: "content/assessments",
      extension: "md",
    });
  });

  it("stops at a shape it cannot make a field for, naming the property", () => {
    const broken = structuredClone(assessment);
    (broken.properties.questions.items.oneOf[0]!.properties as Record<string, unknown>).scale = {
      description: "No type.",
    };
    expect(() =>
      generateCmsConfig([type], new Map([...schemas, ["assessment.schema.json", broken]])),
    ).toThrow(
      "assessment.questions[][type=rating].scale: the content editor has no form field for this schema (type undefined). Give the property a type (string, integer, number, boolean, object or array), or teach scripts/cms/cms-fields.ts the new shape.",
    );
  });
});

describe("the published editor's settings", () => {
  it("come from the environment, the repository from GitHub Actions when not given", () => {
    expect(adminSettings({ GITHUB_REPOSITORY: "example-org/communities" })).toEqual({
      repo: "example-org/communities",
      branch: "main",
    });
    expect(
      adminSettings({
        GITHUB_REPOSITORY: "example-org/communities",
        CHARTERBOOK_CMS_REPO: "other-org/charters",
        CHARTERBOOK_CMS_BRANCH: "trunk",
        CHARTERBOOK_CMS_AUTH_URL: "https://cms-auth.example.org/",
        CHARTERBOOK_CMS_AUTH_ENDPOINT: "oauth/authorize",
        CHARTERBOOK_CMS_SITE_DOMAIN: "communities.netlify.app",
      }),
    ).toEqual({
      repo: "other-org/charters",
      branch: "trunk",
      authUrl: "https://cms-auth.example.org",
      authEndpoint: "oauth/authorize",
      siteDomain: "communities.netlify.app",
    });
  });

  it("refuses a repository or a sign-in address that is not one, saying how to write it", () => {
    expect(() =>
      adminSettings({ CHARTERBOOK_CMS_REPO: "https://github.com/example-org/communities" }),
    ).toThrow(
      'CHARTERBOOK_CMS_REPO is "https://github.com/example-org/communities"; write the repository as owner/name, such as my-org/charterbook.',
    );
    expect(() => adminSettings({ CHARTERBOOK_CMS_AUTH_URL: "cms-auth.example.org" })).toThrow(
      `CHARTERBOOK_CMS_AUTH_URL is "cms-auth.example.org"; it must be the OAuth provider's https:// address, such as https://cms-auth.example.org.`,
    );
  });

  it("allow the admin page only what Decap CMS needs", () => {
    expect(adminContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self' data:; connect-src 'self' https://api.github.com; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(adminContentSecurityPolicy({ local: true })).not.toContain("github");
  });
});
