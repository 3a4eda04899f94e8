import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { closest, distance } from "fastest-levenshtein";
import type { ContentFile } from "./load-content.ts";
import { formatFieldPath, pointerToPath } from "./locate-field.ts";
import { problem, type Problem } from "./problems.ts";
import { describeDateFix } from "./dates.ts";
import * as precompiled from "./schema-validators.generated.js";

type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
// ajv and ajv-formats are CommonJS, and needed only to compile schemas (npm run generate, or a
// schema changed since): loaded then, so validating with the precompiled validators skips them.
const require = createRequire(import.meta.url);

export const schemasDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

type JsonSchema = Record<string, unknown>;

let schemaDocuments: Map<string, JsonSchema> | undefined;

/** Every schema in `schemas/`, by file name, read once per process. */
export function readSchemas(): Map<string, JsonSchema> {
  if (schemaDocuments) return schemaDocuments;
  const schemas = new Map<string, JsonSchema>();
  for (const name of readdirSync(schemasDir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()) {
    schemas.set(name, JSON.parse(readFileSync(path.join(schemasDir, name), "utf8")) as JsonSchema);
  }
  schemaDocuments = schemas;
  return schemas;
}

/** The options every schema is compiled with, at run time or ahead of time by npm run generate. */
export function createAjv(code?: { source: true; esm: true }): Ajv2020 {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as AddFormats;
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    discriminator: true,
    ...(code ? { code } : {}),
  });
  addFormats(ajv, ["date", "email", "uri"]);
  for (const schema of readSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

/** A fingerprint of schemas/, so validators compiled ahead of time are used only while current. */
export function schemasFingerprint(
  schemas: ReadonlyMap<string, JsonSchema> = readSchemas(),
): string {
  const hash = createHash("sha256");
  for (const [name, schema] of [...schemas].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name).update("\0").update(JSON.stringify(schema)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

let compiled: Map<string, ValidateFunction> | undefined;

/**
 * The validators of every schema. npm run generate compiles them ahead of time
 * (schema-validators.generated.js, ajv's standalone code), which saves compiling ten schemas on
 * every run; when schemas/ has changed since, they are compiled here instead.
 */
function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  if (precompiled.schemasFingerprint === schemasFingerprint()) {
    compiled = new Map(Object.entries(precompiled.validators) as [string, ValidateFunction][]);
    return compiled;
  }
  const ajv = createAjv();
  compiled = new Map();
  for (const [name, schema] of readSchemas())
    compiled.set(name, ajv.getSchema(schema.$id as string)!);
  return compiled;
}

/** Checks a file's data against its type's schema and explains each failure. */
export function checkAgainstSchema(file: ContentFile): Problem[] {
  const validate = validators().get(file.type.schema);
  if (!validate) throw new Error(`No schema named ${file.type.schema} in ${schemasDir}`);
  return explainFailures(file, validate);
}

let derivedAjv: Ajv2020 | undefined;
const derivedValidators = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Checks a file's data against a schema made from other content, such as a completed example's
 * answers against its template's fields, with the same explanations as the content schemas.
 * Compiled once per schema object.
 */
export function checkAgainstDerivedSchema(file: ContentFile, schema: JsonSchema): Problem[] {
  let validate = derivedValidators.get(schema);
  if (!validate) {
    if (!derivedAjv) {
      const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
      const addFormats = require("ajv-formats") as AddFormats;
      derivedAjv = addFormats(new Ajv2020({ allErrors: true, verbose: true, strict: true }), [
        "date",
      ]);
    }
    validate = derivedAjv.compile(schema);
    // Kept here, not in ajv's own cache, so a preview that validates on every save does not grow.
    derivedAjv.removeSchema(schema);
    derivedValidators.set(schema, validate);
  }
  return explainFailures(file, validate);
}

function explainFailures(file: ContentFile, validate: ValidateFunction): Problem[] {
  if (validate(file.data)) return [];
  const problems = withoutMisspelledRequired(validate.errors ?? []).map((error) =>
    explain(file, error),
  );
  // allErrors can report the same fault twice (for example through a $ref and its parent).
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.field}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * `reviw_by` gives two errors: an unknown field and a missing `review_by`. The unknown field's
 * "Did you mean review_by?" says it all, so the missing-field error for the same name is dropped.
 */
function withoutMisspelledRequired(errors: readonly ErrorObject[]): ErrorObject[] {
  const misspelled = new Set(
    errors
      .filter((e) => e.keyword === "additionalProperties")
      .map((e) => {
        const allowed = Object.keys(
          ((e.parentSchema as JsonSchema).properties as JsonSchema) ?? {},
        );
        const guess = suggestion(
          String((e.params as Record<string, unknown>).additionalProperty),
          allowed,
        );
        return `${e.instancePath}/${guess}`;
      }),
  );
  return errors.filter(
    (e) =>
      e.keyword !== "required" ||
      !misspelled.has(
        `${e.instancePath}/${String((e.params as Record<string, unknown>).missingProperty)}`,
      ),
  );
}

const describeType = (type: unknown): string => {
  const names: Record<string, string> = {
    string: "text",
    integer: "a whole number",
    number: "a number",
    boolean: "true or false",
    array: "a list",
    object: "a group of fields (key: value lines)",
    null: "nothing",
  };
  return Array.isArray(type)
    ? type.map(describeType).join(" or ")
    : (names[String(type)] ?? String(type));
};

const describeValue = (value: unknown): string => {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "boolean") return `${value}`;
  return `the number ${value}`;
};

const show = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

function suggestion(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word.toLowerCase(), best.toLowerCase()) <=
    Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

function explain(file: ContentFile, error: ErrorObject): Problem {
  const base = pointerToPath(error.instancePath);
  const schemaDescription = (error.parentSchema as JsonSchema | undefined)?.description as
    string | undefined;
  const description = schemaDescription ? `Expected ${lowerFirst(schemaDescription)}` : undefined;
  const make = (fieldPath: (string | number)[], code: string, message: string, hint?: string) => {
    const location = file.locate(fieldPath);
    return problem({
      code,
      file: file.path,
      line: location.line,
      column: location.column,
      field: formatFieldPath(fieldPath),
      message,
      ...(hint ? { hint } : {}),
    });
  };
  const sourceText = () => file.locate(base).sourceText;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(
        ((error.parentSchema as JsonSchema).properties as JsonSchema) ?? {},
      );
      // Numbers such as an indicator's "3.1" are not typos of each other: list them instead.
      const guess = /^[0-9]/.test(key) ? undefined : suggestion(key, allowed);
      return make(
        [...base, key],
        "unknown-field",
        "Unknown field.",
        guess ? `Did you mean ${guess}?` : `Remove it, or use one of: ${allowed.join(", ")}.`,
      );
    }
    case "required": {
      const key = String(params.missingProperty);
      const properties =
        ((error.parentSchema as JsonSchema).properties as Record<string, JsonSchema>) ?? {};
      const help = properties[key]?.description as string | undefined;
      const location = file.locate(base);
      return problem({
        code: "missing-field",
        file: file.path,
        line: location.line,
        column: location.column,
        field: formatFieldPath([...base, key]),
        message: `Missing required field ${key}.`,
        hint: help ? `Add ${key}: ${lowerFirst(help)}` : `Add ${key}.`,
      });
    }
    case "type": {
      const found = error.data;
      const source = sourceText();
      const quoteHint =
        params.type === "string" &&
        (typeof found === "number" || typeof found === "boolean") &&
        source
          ? `Put it in quotes: "${source}".`
          : found === null
            ? "Fill in a value, or remove the line."
            : description;
      return make(
        base,
        "wrong-type",
        `Expected ${describeType(params.type)}, found ${describeValue(found)}.`,
        quoteHint,
      );
    }
    case "format": {
      const value = String(error.data);
      if (params.format === "date") {
        const fix = describeDateFix(value);
        return make(base, "invalid-date", fix.message, fix.hint);
      }
      const names: Record<string, string> = { email: "an email address", uri: "a web address" };
      return make(
        base,
        "invalid-format",
        `${show(value)} is not ${names[String(params.format)] ?? String(params.format)}.`,
        description,
      );
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === "string" ? suggestion(error.data, allowed) : undefined;
      return make(
        base,
        "not-allowed",
        `${show(error.data)} is not one of: ${allowed.join(", ")}.`,
        guess ? `Did you mean ${guess}?` : `Use one of those values.`,
      );
    }
    case "const":
      return make(
        base,
        "not-allowed",
        `${show(error.data)} must be ${show(params.allowedValue)}.`,
        description,
      );
    case "discriminator": {
      const tag = String(params.tag);
      const options = ((error.parentSchema as JsonSchema).oneOf as JsonSchema[]).map((branch) => {
        const target =
          String(branch.$ref ?? "")
            .split("/")
            .pop() ?? "";
        return target;
      });
      if (params.error === "tag") {
        return make(
          base,
          "missing-field",
          `Missing required field ${tag} in ${formatFieldPath(base)}.`,
          `Add ${tag}: one of ${options.join(", ")}.`,
        );
      }
      const value = String(params.tagValue);
      const guess = suggestion(value, options.map(String));
      return make(
        [...base, tag],
        "not-allowed",
        `${show(value)} is not a kind of ${formatFieldPath(base).replace(/\[\d+\]$/, "") || "block"}: use one of ${options.join(", ")}.`,
        guess ? `Did you mean ${guess}?` : undefined,
      );
    }
    case "pattern":
      return make(
        base,
        "invalid-form",
        `${show(error.data)} is not in the expected form.`,
        description,
      );
    case "minLength":
      return make(base, "empty", "This is empty.", description);
    case "maxLength":
      return make(
        base,
        "too-long",
        `This is ${String(error.data).length} characters long; at most ${String(params.limit)} are allowed.`,
        description,
      );
    case "minItems":
      return make(
        base,
        "too-few",
        `This list needs at least ${String(params.limit)} ${params.limit === 1 ? "item" : "items"}; it has ${(error.data as unknown[]).length}.`,
        description,
      );
    case "maxItems":
      return make(
        base,
        "too-many",
        `This list may have at most ${String(params.limit)} items; it has ${(error.data as unknown[]).length}.`,
        description,
      );
    case "minimum":
      return make(
        base,
        "too-small",
        `${show(error.data)} is too small: the lowest allowed is ${String(params.limit)}.`,
        description,
      );
    case "maximum":
      return make(
        base,
        "too-large",
        `${show(error.data)} is too large: the highest allowed is ${String(params.limit)}.`,
        description,
      );
    case "minProperties":
      return make(
        base,
        "empty",
        "This is empty.",
        description ?? `Write ${String(params.limit)} field here.`,
      );
    case "maxProperties": {
      const keys = Object.keys(error.data as object);
      return make(
        base,
        "too-many-fields",
        `This has ${keys.length} fields (${keys.join(", ")}); it takes only ${String(params.limit)}.`,
        description
          ? `${description} Write each on its own list item.`
          : "Split it into separate list items.",
      );
    }
    case "uniqueItems": {
      const [i, j] = [Number(params.j), Number(params.i)];
      const list = error.data as unknown[];
      return make(
        [...base, j],
        "duplicate-item",
        `Items ${i} and ${j} of this list are the same (${show(list[j])}).`,
        "Remove one of them.",
      );
    }
    default:
      return make(
        base,
        error.keyword,
        `${formatFieldPath(base) || "The front matter"} ${error.message ?? "is not valid"}.`,
        description,
      );
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
