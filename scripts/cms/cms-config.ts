/**
 * The content editor's configuration (Decap CMS's config.yml), generated from `schemas/` and the
 * content types by `npm run generate`: a collection per content type with a form made from its
 * schema (scripts/cms/cms-fields.ts), the revision fields of the governed documents, and a
 * collection of its own for approving a charter. `npm test` fails when site/admin/config.yml is
 * stale. The deployment's own settings (repository, sign-in) are added by the build
 * (scripts/cms/admin-site.ts), so nothing here depends on where the site is published.
 */
import { stringify } from "yaml";
import type { ContentType } from "../content/content-types.ts";
import {
  approvalCollection,
  collectionName,
  isEditable,
  namedExtension,
  placeOf,
  type Place,
} from "./collections.ts";
import { fieldFor, humanise, objectFields, type CmsField } from "./cms-fields.ts";
import { formatNames } from "./format-names.ts";
import { governance, managedField, revisionFieldName, approvalFieldName } from "./governed.ts";
import { isObject, propertiesOf, resolveNode, type JsonSchema } from "./schema-walk.ts";

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  path?: string;
  extension?: string;
  format: string;
  create?: boolean;
  delete: boolean;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  fields?: CmsField[];
}

export interface CmsConfig {
  backend: { name: string; branch: string; [setting: string]: unknown };
  publish_mode: "editorial_workflow";
  media_folder: string;
  public_folder: string;
  locale: string;
  show_preview_links: boolean;
  slug: { encoding: "ascii"; clean_accents: boolean; sanitize_replacement: string };
  collections: CmsCollection[];
}

/** The Markdown below the front matter, as the form shows it. */
const bodyField: CmsField = {
  name: "body",
  label: "Text",
  widget: "text",
  required: false,
  hint: "The text below the fields, in Markdown: ## starts a section, a blank line starts a paragraph, *emphasis*, **bold**, [a link](https://example.org), and - starts a list item.",
};

/** The type's title as editors know it: the schema's `title`, such as "Guide chapter". */
const titleOf = (type: ContentType, schema: JsonSchema) =>
  typeof schema.title === "string" ? schema.title : humanise(type.name);

/** The text field that names an entry: `title`, or the first required text field. */
function identifierOf(fields: readonly CmsField[]): string | undefined {
  return (
    fields.find((field) => field.name === "title")?.name ??
    fields.find((field) => field.required && field.widget === "string")?.name
  );
}

/** The fields of a content type's form: its schema's, the body, and the governed documents' own. */
function formFields(
  type: ContentType,
  schemas: ReadonlyMap<string, JsonSchema>,
  revision: JsonSchema,
): CmsField[] {
  const schema = schemas.get(type.schema);
  if (!schema) throw new Error(`No schema ${type.schema} for content type ${type.name}.`);
  const fields = objectFields({ schema, document: schema }, schemas, true, type.name).map((field) =>
    managedField(type.name, field),
  );
  const rules = governance[type.name];
  const revisionGroup = rules
    ? [revisionFields(revision, schemas, rules.revisionRequired, rules.revisionHint)]
    : [];
  return [...revisionGroup, ...fields, ...(type.format === "markdown" ? [bodyField] : [])];
}

/** The fields of a version history row, taken from the charter's schema. */
function revisionRow(schemas: ReadonlyMap<string, JsonSchema>): JsonSchema {
  const charter = schemas.get("charter.schema.json");
  const history = isObject(charter?.properties)
    ? (charter.properties.version_history as JsonSchema | undefined)
    : undefined;
  if (!charter || !history || !isObject(history.items))
    throw new Error(
      "charter.schema.json has no version_history list: the content editor's revision fields are read from it.",
    );
  return resolveNode(history.items, charter, schemas).schema;
}

/** Picks fields of the version history row, relabelled for the person filling in the form. */
function rowFields(
  row: JsonSchema,
  schemas: ReadonlyMap<string, JsonSchema>,
  picks: { name: string; label: string; required: boolean }[],
): CmsField[] {
  const properties = new Map(propertiesOf(row));
  return picks.map(({ name, label, required }) => {
    const property = properties.get(name);
    if (!property) throw new Error(`The version history row has no field ${name}.`);
    const field = fieldFor(
      name,
      resolveNode(property, row, schemas),
      schemas,
      required,
      `revision.${name}`,
    );
    return { ...field, label };
  });
}

/** "Your revision": who makes the change and why, written into the new version history row. */
function revisionFields(
  row: JsonSchema,
  schemas: ReadonlyMap<string, JsonSchema>,
  required: boolean,
  hint: string,
): CmsField {
  return {
    name: revisionFieldName,
    label: "Your revision",
    widget: "object",
    required,
    collapsed: false,
    hint,
    fields: rowFields(row, schemas, [
      { name: "implemented_by", label: "Your role", required },
      { name: "reason", label: "Why you are making this change", required },
      { name: "approver", label: "Who is to approve it", required: false },
    ]),
  };
}

function collectionFor(type: ContentType, schemas: ReadonlyMap<string, JsonSchema>): CmsCollection {
  const schema = schemas.get(type.schema)!;
  const fields = formFields(type, schemas, revisionRow(schemas));
  const label = titleOf(type, schema);
  const common = {
    name: collectionName(type.name),
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    format: formatNames[type.format],
    // Deleting in the CMS commits straight to the branch, without a pull request to review.
    delete: false,
  };
  const place: Place = placeOf(type);
  const identifier = identifierOf(fields);
  switch (place.kind) {
    case "file":
      return {
        ...common,
        label,
        files: [{ name: collectionName(type.name), label, file: place.file, fields }],
      };
    case "folder":
      return {
        ...common,
        label: pluralLabel(label),
        label_singular: label,
        folder: place.folder,
        extension: place.extension,
        create: true,
        slug: "{{slug}}",
        ...(identifier ? { identifier_field: identifier, summary: `{{${identifier}}}` } : {}),
        fields,
      };
    case "named":
      return {
        ...common,
        label: pluralLabel(label),
        label_singular: label,
        folder: place.folder,
        path: `{{slug}}/${place.fileName.replace(/\.[a-z]+$/, "")}`,
        extension: namedExtension(place.fileName),
        // A new community is a folder of three files, which a one-file form cannot create.
        create: false,
        ...(identifier
          ? { identifier_field: identifier, summary: `{{dirname}}: {{${identifier}}}` }
          : {}),
        fields,
      };
  }
}

const pluralLabel = (label: string) =>
  /s$/.test(label) ? label : /y$/.test(label) ? label.replace(/y$/, "ies") : `${label}s`;

/**
 * Approving is a separate action: a collection over the same charters whose form records that a
 * listed approver agreed the newest version (what `npm run approve` writes).
 */
function approvalCollectionFor(
  charters: CmsCollection,
  schemas: ReadonlyMap<string, JsonSchema>,
): CmsCollection {
  const row = revisionRow(schemas);
  const { fields: _fields, label: _label, label_singular: _singular, ...place } = charters;
  return {
    ...place,
    name: approvalCollection,
    label: "Charter approvals",
    label_singular: "Charter approval",
    description:
      "Record that one of the community's approvers agreed the charter's newest version. Saving fills in its approval and sets the charter to approved, as npm run approve does; the governance check on the pull request confirms the approver is listed.",
    fields: [
      {
        name: approvalFieldName,
        label: "Approval",
        widget: "object",
        required: true,
        collapsed: false,
        hint: "The approval of the charter's newest version, as the approver gave it.",
        fields: rowFields(row, schemas, [
          { name: "approver", label: "Approved by", required: true },
          { name: "approval_date", label: "Approval date", required: true },
        ]),
      },
    ],
  };
}

/** The whole configuration, without the deployment's settings. */
export function generateCmsConfig(
  types: readonly ContentType[],
  schemas: ReadonlyMap<string, JsonSchema>,
): CmsConfig {
  const collections = types.filter(isEditable).map((type) => collectionFor(type, schemas));
  const charters = collections.find((c) => c.name === collectionName("charter"));
  if (charters) {
    const at = collections.indexOf(charters) + 1;
    collections.splice(at, 0, approvalCollectionFor(charters, schemas));
  }
  return {
    backend: { name: "github", branch: "main" },
    publish_mode: "editorial_workflow",
    media_folder: "content/images",
    public_folder: "/images",
    locale: "en",
    show_preview_links: false,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections,
  };
}

/** The configuration as site/admin/config.yml. */
export function cmsConfigYaml(config: CmsConfig): string {
  return [
    "# The content editor's configuration (Decap CMS), generated from schemas/ by npm run generate.",
    "# Do not edit: change a schema and run npm run generate (npm test fails when this file is stale).",
    "# The build adds the repository and sign-in settings (see README, The content editor).",
    stringify(config, { lineWidth: 0 }),
  ].join("\n");
}
