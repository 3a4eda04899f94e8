/**
 * A template as a form: every block with the names its answers go under. One naming serves every
 * medium: the inputs of the site's form and the browser's saved answers, the keys of a completed
 * example's `answers:`, the Markdown and Word exports, and the PDF's form fields.
 *
 * `analyseTemplate` also finds what JSON Schema cannot: two blocks whose answers would share a
 * name, a scale or group used but never defined, an indicator numbered outside its standard.
 */
import { didYouMean } from "../content/did-you-mean.ts";
import type { FieldPath } from "../content/locate-field.ts";
import type { Template } from "../content/schema-types.ts";
import { slugify } from "./markdown.ts";

type Block = Template["blocks"][number];
type GroupBlock = NonNullable<Template["groups"]>[number]["blocks"][number];
type AssessmentBlock = Extract<Block, { type: "assessment" }>;
type ColumnData = AssessmentBlock["columns"][number];

/** One choice of a scale. */
export interface ScaleOption {
  label: string;
  description?: string;
}

/**
 * One answerable control: an input on screen, a field of the PDF form, a value in a completed
 * example. `text` is written (one line or several), `date` is YYYY-MM-DD, `choice` is one option of
 * a scale, `tick` is one item of a checklist, stored with the other ticked items' numbers.
 */
export interface FormField {
  /** Unique in the template, such as `self-assessment.1-2.evidence`: the input's and the PDF field's name. */
  name: string;
  /** Where the answer is kept under `answers:`, such as ["self-assessment", "1.2", "evidence"]. */
  path: string[];
  kind: "text" | "date" | "choice" | "tick";
  /** What the control asks, for screen readers, the exports and the PDF reader's tooltip. */
  label: string;
  /** text: how many lines to write on; 1 is a single-line input. */
  lines?: number;
  /** choice: the scale's options. */
  options?: ScaleOption[];
  /** tick: the item's number in its checklist, counting from 1. */
  item?: number;
}

/** A level of `answers:` that holds other answers, such as an indicator's, with what it is. */
export interface AnswerGroup {
  path: string[];
  description: string;
}

export interface FormColumn {
  name: string;
  heading: string;
  hint?: string;
  kind: ColumnData["kind"];
  /** text and horizons: ruled lines to write on. */
  lines: number;
  /** scale: the scale's name and options. */
  scale?: { name: string; options: ScaleOption[] };
  /** horizons: each horizon's words and the key its answer is kept under. */
  horizons?: { label: string; key: string }[];
}

/** An indicator's answer under one column: one field, or one per horizon. */
export interface IndicatorAnswer {
  column: FormColumn;
  field?: FormField;
  horizons?: { label: string; field: FormField }[];
}

export interface FormIndicator {
  number: string;
  /** Markdown, rendered with the template's validated values. */
  statement: string;
  /** The id its card has on a page, after the page's prefix. */
  id: string;
  answers: IndicatorAnswer[];
  /** The answers on a scale, in column order: the indicator's row of the summary grid. */
  ratings: FormField[];
}

export interface FormStandard {
  number: string;
  title: string;
  introduction?: string;
  evidenceExamples: string[];
  startOnNewPage: boolean;
  id: string;
  indicators: FormIndicator[];
}

export type FormBlock =
  | { type: "heading"; text: string; level: 2 | 3 }
  | { type: "text"; text: string }
  | { type: "field"; key: string; label: string; hint?: string; lines: number; field: FormField }
  | { type: "date"; key: string; label: string; field: FormField }
  | {
      type: "signature";
      key: string;
      label: string;
      signatories: { name: FormField; date: FormField }[];
    }
  | {
      type: "scale";
      key: string;
      label: string;
      options: ScaleOption[];
      items: { text: string; field: FormField }[];
    }
  | { type: "table"; key: string; caption: string; columns: string[]; rows: FormField[][] }
  | {
      type: "checklist";
      key: string;
      label?: string;
      items: { text: string; field: FormField }[];
    }
  | {
      type: "assessment";
      key: string;
      title: string;
      introduction?: string;
      columns: FormColumn[];
      /** The columns answered on a scale: the summary grid's columns. */
      scaleColumns: FormColumn[];
      /** The scales its columns use whose options have descriptions, once each, for the key to the ratings. */
      scaleKeys: { name: string; options: ScaleOption[]; headings: string[] }[];
      standards: FormStandard[];
    }
  | { type: "repeat"; key: string; items: { text: string; blocks: FormBlock[] }[] };

/** A template's blocks with their answers' names, and every field in page order. */
export interface TemplateForm {
  blocks: FormBlock[];
  fields: FormField[];
  groups: AnswerGroup[];
}

/** Something JSON Schema cannot check, found in a template, with where and how to fix it. */
export interface TemplateFinding {
  field: FieldPath;
  code: string;
  message: string;
  hint: string;
}

const maxKeyWords = 6;

/** The answers key a label gives: its first words, lowercase, joined by hyphens. */
export function answerKey(label: string, fallback: string): string {
  const words = slugify(label)
    .replace(/^-+|-+$/g, "")
    .split("-")
    .filter(Boolean);
  return words.length ? words.slice(0, maxKeyWords).join("-") : fallback;
}

/** A field's name from its path: dots separate the levels, so the dot in "1.2" becomes a hyphen. */
const fieldName = (path: readonly string[]) =>
  path.map((segment) => slugify(segment.replace(/\./g, "-")) || "x").join(".");

export const normaliseOption = (option: string | ScaleOption): ScaleOption =>
  typeof option === "string" ? { label: option } : option;

/** The key an answerable block stores its answers under, or undefined for headings and text. */
function keyOf(block: Block): string | undefined {
  switch (block.type) {
    case "heading":
    case "text":
      return undefined;
    case "table":
      return block.name ?? answerKey(block.caption, "table");
    case "assessment":
      return block.name ?? answerKey(block.title, "assessment");
    case "repeat":
      return block.name ?? block.group;
    case "checklist":
      return block.name ?? answerKey(block.label ?? "", "checklist");
    default:
      return block.name ?? answerKey(block.label, block.type);
  }
}

/**
 * Builds the form of a template that passed its schema, and reports what would make the form
 * ambiguous or incomplete. The form is only used when there are no findings.
 */
export function analyseTemplate(template: Template): {
  form: TemplateForm;
  findings: TemplateFinding[];
} {
  const findings: TemplateFinding[] = [];
  let fields: FormField[] = [];
  let groups: AnswerGroup[] = [];
  // A group's blocks are checked once, where the group is defined; for each item of a repeat
  // block they are only expanded, so a fault in a group is reported once, not once per item.
  let quiet = false;
  const find = (field: FieldPath, code: string, message: string, hint: string) => {
    if (!quiet) findings.push({ field, code, message, hint });
  };

  const scales = new Map<string, ScaleOption[]>();
  (template.scales ?? []).forEach((scale, s) => {
    if (scales.has(scale.name)) {
      find(
        ["scales", s, "name"],
        "duplicate-name",
        `Two scales are named "${scale.name}".`,
        "Give each scale its own name.",
      );
      return;
    }
    const options = scale.options.map(normaliseOption);
    checkUnique(
      options.map((option) => option.label),
      (o) => ["scales", s, "options", o],
      "option",
      find,
    );
    scales.set(scale.name, options);
  });
  const definedGroups = new Map<string, { index: number; blocks: GroupBlock[] }>();
  (template.groups ?? []).forEach((group, g) => {
    if (definedGroups.has(group.name)) {
      find(
        ["groups", g, "name"],
        "duplicate-name",
        `Two groups are named "${group.name}".`,
        "Give each group its own name.",
      );
    } else definedGroups.set(group.name, { index: g, blocks: group.blocks });
  });
  const useOneOf = (value: string, names: readonly string[], where: string) => {
    const guess = didYouMean(value, names);
    return guess
      ? `Did you mean ${guess}?`
      : `Use one of the names in the template's ${where}: ${names.join(", ") || "(none defined yet)"}.`;
  };
  const scaleHint = (name: string) => useOneOf(name, [...scales.keys()], "scales");

  const field = (
    path: string[],
    kind: FormField["kind"],
    label: string,
    extra: Partial<FormField> = {},
  ): FormField => {
    const base = fieldName(path);
    const name = extra.item === undefined ? base : `${base}.${extra.item}`;
    const made: FormField = { name, path, kind, label, ...extra };
    fields.push(made);
    return made;
  };
  const group = (path: string[], description: string) => groups.push({ path, description });

  /** The blocks of a list (the template's, or a group's for one item), with keys under `prefix`. */
  const formBlocks = (
    blocks: readonly (Block | GroupBlock)[],
    at: (index: number) => FieldPath,
    prefix: string[],
  ): FormBlock[] => {
    const keys = new Map<string, number>();
    return blocks.flatMap((block, index): FormBlock[] => {
      const where = at(index);
      const key = keyOf(block as Block);
      if (key !== undefined) {
        const other = keys.get(key);
        if (other !== undefined) {
          find(
            [...where, "name" in block && block.name ? "name" : labelField(block as Block)],
            "duplicate-answer-name",
            `This block's answers would be stored under "${key}", like those of the block at ${formatIndex(at(other))}.`,
            `Give one of them its own name, such as name: ${key}-2.`,
          );
          return [];
        }
        keys.set(key, index);
      }
      const path = key === undefined ? [] : [...prefix, key];
      switch (block.type) {
        case "heading":
          return [{ type: "heading", text: block.text, level: block.level ?? 2 }];
        case "text":
          return [{ type: "text", text: block.text }];
        case "field":
          return [
            {
              type: "field",
              key: key!,
              label: block.label,
              ...(block.hint ? { hint: block.hint } : {}),
              lines: block.lines,
              field: field(path, "text", block.label, { lines: block.lines }),
            },
          ];
        case "date":
          return [
            {
              type: "date",
              key: key!,
              label: block.label,
              field: field(path, "date", block.label),
            },
          ];
        case "signature": {
          group(path, `The people who signed ${block.label}, by number: "1", "2".`);
          const count = block.signatories ?? 1;
          return [
            {
              type: "signature",
              key: key!,
              label: block.label,
              signatories: Array.from({ length: count }, (_, i) => {
                const n = String(i + 1);
                const who = count > 1 ? `${block.label}, signatory ${n}` : block.label;
                group([...path, n], `Signatory ${n} of ${block.label}: name and date.`);
                return {
                  name: field([...path, n, "name"], "text", `${who}: name`, { lines: 1 }),
                  date: field([...path, n, "date"], "date", `${who}: date`),
                };
              }),
            },
          ];
        }
        case "scale": {
          let options: ScaleOption[] | undefined;
          if (block.scale !== undefined && block.options !== undefined) {
            find(
              [...where, "scale"],
              "scale-and-options",
              "This scale block has both options and scale.",
              "Keep one: options for choices written here, or scale for a scale defined in scales.",
            );
          } else if (block.scale !== undefined) {
            options = scales.get(block.scale);
            if (!options)
              find(
                [...where, "scale"],
                "unknown-scale",
                `There is no scale named "${block.scale}".`,
                scaleHint(block.scale),
              );
          } else if (block.options !== undefined) {
            options = block.options.map(normaliseOption);
          } else {
            find(
              where,
              "scale-without-options",
              "This scale block has neither options nor scale.",
              "Add options: the choices, lowest first; or scale: the name of a scale defined in scales.",
            );
          }
          if (!options) return [];
          group(path, `The ratings of ${block.label}, by statement number: "1", "2".`);
          const chosen = options;
          return [
            {
              type: "scale",
              key: key!,
              label: block.label,
              options: chosen,
              items: block.items.map((text, i) => ({
                text,
                field: field([...path, String(i + 1)], "choice", text, { options: chosen }),
              })),
            },
          ];
        }
        case "table": {
          const columnKeys = block.columns.map((column) => answerKey(column, "column"));
          if (!checkUnique(columnKeys, (c) => [...where, "columns", c], "column", find)) return [];
          group(path, `The rows of ${block.caption}, by row number: "1", "2".`);
          return [
            {
              type: "table",
              key: key!,
              caption: block.caption,
              columns: block.columns,
              rows: Array.from({ length: block.rows }, (_, r) => {
                const row = String(r + 1);
                group([...path, row], `Row ${row} of ${block.caption}, by column heading.`);
                return block.columns.map((column) =>
                  field([...path, row, column], "text", `${block.caption}, row ${row}: ${column}`, {
                    lines: 1,
                  }),
                );
              }),
            },
          ];
        }
        case "checklist":
          return [
            {
              type: "checklist",
              key: key!,
              ...(block.label ? { label: block.label } : {}),
              items: block.items.map((text, i) => ({
                text,
                field: field(path, "tick", text, { item: i + 1 }),
              })),
            },
          ];
        case "assessment":
          return assessment(block, where, path) ?? [];
        case "repeat": {
          const defined = definedGroups.get(block.group);
          if (!defined) {
            find(
              [...where, "group"],
              "unknown-group",
              `There is no group named "${block.group}".`,
              useOneOf(block.group, [...definedGroups.keys()], "groups"),
            );
            return [];
          }
          group(path, `The answers for each item of ${block.group}, by item number: "1", "2".`);
          const wasQuiet = quiet;
          quiet = true;
          const items = block.items.map((text, i) => {
            const itemPath = [...path, String(i + 1)];
            group(itemPath, `The answers for ${text}.`);
            return {
              text,
              blocks: formBlocks(
                defined.blocks,
                (b) => ["groups", defined.index, "blocks", b],
                itemPath,
              ),
            };
          });
          quiet = wasQuiet;
          return [{ type: "repeat", key: key!, items }];
        }
      }
    });
  };

  const assessment = (
    block: AssessmentBlock,
    where: FieldPath,
    path: string[],
  ): FormBlock[] | undefined => {
    const before = findings.length;
    checkUnique(
      block.columns.map((column) => column.name),
      (c) => [...where, "columns", c, "name"],
      "column name",
      find,
    );
    const columns = block.columns.map((column, c): FormColumn => {
      const made: FormColumn = {
        name: column.name,
        heading: column.heading,
        ...(column.hint ? { hint: column.hint } : {}),
        kind: column.kind,
        lines: ("lines" in column ? column.lines : undefined) ?? (column.kind === "text" ? 3 : 2),
      };
      if (column.kind === "scale") {
        const options = scales.get(column.scale);
        if (!options) {
          find(
            [...where, "columns", c, "scale"],
            "unknown-scale",
            `There is no scale named "${column.scale}".`,
            scaleHint(column.scale),
          );
        } else made.scale = { name: column.scale, options };
      }
      if (column.kind === "horizons") {
        const keys = column.horizons.map((horizon) => answerKey(horizon, "horizon"));
        checkUnique(keys, (h) => [...where, "columns", c, "horizons", h], "horizon", find);
        made.horizons = column.horizons.map((label, h) => ({ label, key: keys[h]! }));
      }
      return made;
    });
    const numbers = new Map<string, FieldPath>();
    const claim = (number: string, at: FieldPath, what: string) => {
      const other = numbers.get(number);
      if (other) {
        find(
          at,
          "duplicate-number",
          `Number "${number}" is also used at ${formatIndex(other)}.`,
          `Give each ${what} its own number.`,
        );
      } else numbers.set(number, at);
    };
    block.standards.forEach((standard, s) => {
      claim(`standard ${standard.number}`, [...where, "standards", s, "number"], "standard");
      standard.indicators.forEach((indicator, i) => {
        const at = [...where, "standards", s, "indicators", i, "number"];
        claim(indicator.number, at, "indicator");
        if (!indicator.number.startsWith(`${standard.number}.`)) {
          find(
            at,
            "indicator-number",
            `Indicator "${indicator.number}" is in standard ${standard.number}, so its number must start with "${standard.number}.".`,
            `Number it ${standard.number}.${i + 1}, or move it to its standard.`,
          );
        }
      });
    });
    if (findings.length > before) return undefined;

    group(
      path,
      `The answers to ${block.title}, by indicator number in quotes, such as "${block.standards[0]!.indicators[0]!.number}".`,
    );
    const standards = block.standards.map((standard): FormStandard => {
      const idBase = `${path.at(-1)}-standard-${standard.number.replace(/\./g, "-")}`;
      return {
        number: standard.number,
        title: standard.title,
        ...(standard.introduction ? { introduction: standard.introduction } : {}),
        evidenceExamples: standard.evidence_examples ?? [],
        startOnNewPage: standard.start_on_new_page ?? false,
        id: idBase,
        indicators: standard.indicators.map((indicator): FormIndicator => {
          const indicatorPath = [...path, indicator.number];
          group(
            indicatorPath,
            `The answers to indicator ${indicator.number}, by column: ${columns.map((c) => c.name).join(", ")}.`,
          );
          const label = `Indicator ${indicator.number}`;
          const answers = columns.map((column): IndicatorAnswer => {
            const columnPath = [...indicatorPath, column.name];
            const asks = `${label}: ${column.heading}`;
            switch (column.kind) {
              case "text":
                return {
                  column,
                  field: field(columnPath, "text", asks, { lines: column.lines }),
                };
              case "owner":
                return { column, field: field(columnPath, "text", asks, { lines: 1 }) };
              case "date":
                return { column, field: field(columnPath, "date", asks) };
              case "scale":
                return {
                  column,
                  field: field(columnPath, "choice", asks, { options: column.scale!.options }),
                };
              case "horizons":
                group(
                  columnPath,
                  `${asks}, by horizon: ${column.horizons!.map((h) => h.key).join(", ")}.`,
                );
                return {
                  column,
                  horizons: column.horizons!.map((horizon) => ({
                    label: horizon.label,
                    field: field(
                      [...columnPath, horizon.key],
                      "text",
                      `${asks}, ${horizon.label}`,
                      {
                        lines: column.lines,
                      },
                    ),
                  })),
                };
            }
          });
          return {
            number: indicator.number,
            statement: indicator.statement,
            id: `${path.at(-1)}-indicator-${indicator.number.replace(/\./g, "-")}`,
            answers,
            ratings: answers
              .filter((answer) => answer.column.kind === "scale")
              .map((answer) => answer.field!),
          };
        }),
      };
    });
    const scaleColumns = columns.filter((column) => column.scale !== undefined);
    const scaleKeys = [...new Set(scaleColumns.map((column) => column.scale!.name))]
      .map((name) => ({
        name,
        options: scales.get(name)!,
        headings: scaleColumns.filter((c) => c.scale!.name === name).map((c) => c.heading),
      }))
      .filter((key) => key.options.some((option) => option.description));
    return [
      {
        type: "assessment",
        key: path.at(-1)!,
        title: block.title,
        ...(block.introduction ? { introduction: block.introduction } : {}),
        columns,
        scaleColumns,
        scaleKeys,
        standards,
      },
    ];
  };

  for (const [name, group] of definedGroups) {
    formBlocks(group.blocks, (b) => ["groups", group.index, "blocks", b], [name]);
  }
  fields = [];
  groups = [];
  const blocks = formBlocks(template.blocks, (index) => ["blocks", index], []);
  return { form: { blocks, fields, groups }, findings };
}

/** The front-matter field that names a block: its label, caption or title. */
function labelField(block: Block): string {
  switch (block.type) {
    case "table":
      return "caption";
    case "assessment":
      return "title";
    case "repeat":
      return "group";
    default:
      return "label";
  }
}

const formatIndex = (path: FieldPath) =>
  path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");

/** Reports each value that repeats an earlier one; true when all are distinct. */
function checkUnique(
  values: readonly string[],
  at: (index: number) => FieldPath,
  what: string,
  find: (field: FieldPath, code: string, message: string, hint: string) => void,
): boolean {
  const seen = new Map<string, number>();
  let unique = true;
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first !== undefined) {
      unique = false;
      find(
        at(index),
        "duplicate-name",
        `This ${what} gives the same name, "${value}", as ${what} ${first + 1}.`,
        `Give each ${what} its own words.`,
      );
    } else seen.set(value, index);
  });
  return unique;
}
