import type { Example, Template } from "./schema-types.ts";
import type { ContentFile } from "./load-content.ts";
import type { Problem } from "./problems.ts";
import { problemAt } from "./report-problem.ts";
import { didYouMean } from "./did-you-mean.ts";
import { checkAgainstDerivedSchema } from "./schema-check.ts";
import { analyseTemplate, type TemplateForm } from "../model/template-form.ts";

type JsonSchema = Record<string, unknown>;

/**
 * Rules of templates that JSON Schema cannot express (scales and groups used by name, answers'
 * names unique, indicators numbered within their standard), then completed examples' answers
 * against their template's fields. Files that failed their schema have no known shape: a template
 * among them is only known to exist, and an example among them is left to its schema's problems.
 */
export function checkTemplatesAndExamples(
  files: readonly ContentFile[],
  passedSchema: (file: ContentFile) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const forms = new Map<string, TemplateForm | undefined>();
  for (const file of files.filter((f) => f.type.name === "template")) {
    if (!passedSchema(file)) {
      forms.set(file.slug, undefined);
      continue;
    }
    const { form, findings } = analyseTemplate(file.data as unknown as Template);
    for (const f of findings) problems.push(problemAt(file, f.field, f.code, f.message, f.hint));
    forms.set(file.slug, findings.length ? undefined : form);
  }
  for (const file of files.filter((f) => f.type.name === "example" && passedSchema(f))) {
    const slug = (file.data as unknown as Example).template;
    if (!forms.has(slug)) {
      problems.push(
        problemAt(
          file,
          ["template"],
          "unknown-template",
          `There is no template "${slug}".`,
          didYouMean(slug, [...forms.keys()])
            ? `Did you mean ${didYouMean(slug, [...forms.keys()])}?`
            : `Use the name of a file in content/templates without .md: ${[...forms.keys()].sort().join(", ") || "(none yet)"}.`,
        ),
      );
      continue;
    }
    const form = forms.get(slug);
    // A template with problems of its own is reported there; its examples are checked once it is fixed.
    if (form) problems.push(...checkAgainstDerivedSchema(file, exampleSchema(form)));
  }
  return problems;
}

const schemas = new WeakMap<TemplateForm, JsonSchema>();

/** The schema of a completed example whose answers fit this form, made once per form. */
export function exampleSchema(form: TemplateForm): JsonSchema {
  let schema = schemas.get(form);
  if (!schema) {
    schema = { type: "object", properties: { answers: answersSchema(form) } };
    schemas.set(form, schema);
  }
  return schema;
}

/**
 * The JSON Schema of a template's `answers:`: a group of fields per block, closed, with the
 * template's own words as descriptions, so an error says what the answer is to.
 */
export function answersSchema(form: TemplateForm): JsonSchema {
  const root: JsonSchema = {
    type: "object",
    additionalProperties: false,
    properties: {},
    description: "The answers, under the names of the template's blocks.",
  };
  const descriptions = new Map(form.groups.map((group) => [group.path.join("\u0000"), group]));
  const objectAt = (path: readonly string[]): JsonSchema => {
    let node = root;
    path.forEach((segment, index) => {
      const properties = node.properties as Record<string, JsonSchema>;
      const key = path.slice(0, index + 1).join("\u0000");
      properties[segment] ??= {
        type: "object",
        additionalProperties: false,
        properties: {},
        description: descriptions.get(key)?.description ?? `The answers under ${segment}.`,
      };
      node = properties[segment];
    });
    return node;
  };
  for (const field of form.fields) {
    const parent = objectAt(field.path.slice(0, -1));
    const properties = parent.properties as Record<string, JsonSchema>;
    const key = field.path.at(-1)!;
    switch (field.kind) {
      case "text":
        properties[key] = {
          type: "string",
          minLength: 1,
          description: `Your answer to ${field.label}, as text.`,
        };
        break;
      case "date":
        properties[key] = {
          type: "string",
          format: "date",
          description: `The date for ${field.label}, written YYYY-MM-DD.`,
        };
        break;
      case "choice":
        properties[key] = {
          enum: field.options!.map((option) => option.label),
          description: `One of the options for ${field.label}.`,
        };
        break;
      case "tick": {
        const count = form.fields.filter(
          (f) => f.kind === "tick" && f.path.join("\u0000") === field.path.join("\u0000"),
        ).length;
        properties[key] = {
          type: "array",
          uniqueItems: true,
          items: {
            type: "integer",
            minimum: 1,
            maximum: count,
            description: `The number of a ticked item, from 1 to ${count}.`,
          },
          description: `The numbers of the ticked items, from 1 to ${count}, such as [1, 3].`,
        };
        break;
      }
    }
  }
  return root;
}
