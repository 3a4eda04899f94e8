import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentTypes } from "../../scripts/content/content-types.ts";
import { readSchemas, schemasDir, schemasFingerprint } from "../../scripts/content/schema-check.ts";
import * as precompiled from "../../scripts/content/schema-validators.generated.js";

type Schema = Record<string, unknown>;

/**
 * Walks a JSON Schema and lists every place that breaks the house rules: each property has a
 * `description` (editors' tools show it as help) and each object refuses unknown keys.
 */
function schemaRuleBreaks(schema: unknown, where = "#"): string[] {
  if (!schema || typeof schema !== "object") return [];
  if (Array.isArray(schema))
    return schema.flatMap((item, i) => schemaRuleBreaks(item, `${where}/${i}`));
  const node = schema as Schema;
  const breaks: string[] = [];
  // A dispatcher such as a template block (`oneOf` over closed kinds) is closed by its branches.
  const composed = ["oneOf", "anyOf", "allOf"].some((key) => key in node);
  const isObject = "properties" in node || (node.type === "object" && !composed);
  if (isObject && node.additionalProperties !== false) {
    breaks.push(`${where}: object without additionalProperties: false`);
  }
  const properties = (node.properties ?? {}) as Record<string, Schema>;
  for (const [name, property] of Object.entries(properties)) {
    if (typeof property.description !== "string" || !property.description.trim()) {
      breaks.push(`${where}/properties/${name}: no description`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties") {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        breaks.push(...schemaRuleBreaks(property, `${where}/properties/${name}`));
      }
    } else if (key === "$defs") {
      for (const [name, def] of Object.entries(value as Record<string, Schema>)) {
        breaks.push(...schemaRuleBreaks(def, `${where}/$defs/${name}`));
      }
    } else if (["items", "oneOf", "anyOf", "allOf", "if", "then", "else", "not"].includes(key)) {
      breaks.push(...schemaRuleBreaks(value, `${where}/${key}`));
    }
  }
  return breaks;
}

describe("schemas and content types", () => {
  const schemaFiles = readdirSync(schemasDir).filter((name) => name.endsWith(".schema.json"));

  it("gives every content type a schema file", () => {
    const missing = contentTypes.filter((type) => !schemaFiles.includes(type.schema));
    expect(missing.map((type) => `${type.name}: ${type.schema}`)).toEqual([]);
  });

  it("uses every schema file (except the shared definitions) for a content type", () => {
    const used = new Set(contentTypes.map((type) => type.schema));
    const unused = schemaFiles.filter(
      (name) => name !== "definitions.schema.json" && !used.has(name),
    );
    expect(unused).toEqual([]);
  });

  it("gives each content type its own schema", () => {
    const schemas = contentTypes.map((type) => type.schema);
    expect(new Set(schemas).size).toBe(schemas.length);
  });

  it.each([...readSchemas()])(
    "%s describes every property and refuses unknown keys in every object",
    (_name, schema) => {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schemaRuleBreaks(schema)).toEqual([]);
    },
  );

  it("catches a property without a description and an object open to unknown keys", () => {
    const loose = {
      type: "object",
      additionalProperties: false,
      properties: {
        title: { type: "string", description: "The page's title, shown as its heading." },
        owner: {
          type: "object",
          properties: { name: { type: "string" } },
          description: "Who owns the page.",
        },
      },
      $defs: {
        item: { type: "array", items: { type: "object", additionalProperties: true } },
        kind: { type: "object", oneOf: [{ $ref: "#/$defs/item" }] },
      },
    };
    expect(schemaRuleBreaks(loose)).toEqual([
      "#/properties/owner: object without additionalProperties: false",
      "#/properties/owner/properties/name: no description",
      "#/$defs/item/items: object without additionalProperties: false",
    ]);
  });
});

describe("the validators compiled ahead of time", () => {
  it("are used only while they match schemas/: any change to a schema changes the fingerprint", () => {
    const schemas = readSchemas();
    expect(precompiled.schemasFingerprint).toBe(schemasFingerprint(schemas));
    const changed = new Map(schemas);
    const charter = structuredClone(changed.get("charter.schema.json")!);
    charter.description = `${String(charter.description)} (edited)`;
    changed.set("charter.schema.json", charter);
    expect(schemasFingerprint(changed)).not.toBe(schemasFingerprint(schemas));
  });
});
