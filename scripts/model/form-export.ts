/**
 * What a template page's exports need to know about its form, published beside the page as
 * form.json: the fields with the paths their answers go under (for the Markdown file), and the
 * form's outline in reading order (for the Word document). Both come from the same form as the
 * page's inputs, so an export always matches what was filled in.
 */
import type { FormBlock, FormField } from "./template-form.ts";
import type { TemplateDocument } from "./site-model.ts";

/** A piece of text: plain, or a Markdown value rendered to inline HTML. */
export type ExportText = { text: string } | { html: string };

export type OutlineItem =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: ExportText }
  /** A question answered in words, as a date or on a scale; `field` is the field's name. */
  | { kind: "answer"; question: ExportText; field: string; type: FormField["kind"] }
  | { kind: "ticks"; question?: string; items: { text: ExportText; field: string }[] }
  /** A table whose cells are fields, by name. */
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] };

export interface FormExport {
  /** The template's file name without .md. */
  template: string;
  title: string;
  summary: string;
  fields: Pick<FormField, "name" | "path" | "kind" | "item">[];
  outline: OutlineItem[];
}

export function formExport(template: TemplateDocument): FormExport {
  const html = (markdown: string): ExportText => ({
    html: template.markdown.renderValue(markdown),
  });
  const outline: OutlineItem[] = [];
  const walk = (blocks: readonly FormBlock[], depth: number) => {
    const level = (n: number) => Math.min(4, depth + n) as 1 | 2 | 3 | 4;
    for (const block of blocks) {
      switch (block.type) {
        case "heading":
          outline.push({
            kind: "heading",
            level: level(block.level === 3 ? 1 : 0),
            text: { text: block.text },
          });
          break;
        case "text":
          break;
        case "field":
        case "date":
          outline.push({
            kind: "answer",
            question: { text: block.label },
            field: block.field.name,
            type: block.field.kind,
          });
          break;
        case "signature":
          for (const signatory of block.signatories) {
            for (const field of [signatory.name, signatory.date]) {
              outline.push({
                kind: "answer",
                question: { text: field.label },
                field: field.name,
                type: field.kind,
              });
            }
          }
          break;
        case "scale":
          outline.push({ kind: "heading", level: level(1), text: { text: block.label } });
          for (const item of block.items) {
            outline.push({
              kind: "answer",
              question: { text: item.text },
              field: item.field.name,
              type: "choice",
            });
          }
          break;
        case "table":
          outline.push({
            kind: "table",
            caption: block.caption,
            columns: block.columns,
            rows: block.rows.map((row) => row.map((cell) => cell.name)),
          });
          break;
        case "checklist":
          outline.push({
            kind: "ticks",
            ...(block.label ? { question: block.label } : {}),
            items: block.items.map((item) => ({ text: html(item.text), field: item.field.name })),
          });
          break;
        case "assessment":
          outline.push({ kind: "heading", level: level(0), text: { text: block.title } });
          for (const standard of block.standards) {
            outline.push({
              kind: "heading",
              level: level(1),
              text: { text: `Standard ${standard.number}. ${standard.title}` },
            });
            for (const indicator of standard.indicators) {
              outline.push({
                kind: "heading",
                level: level(2),
                text: {
                  html: `${indicator.number} ${template.markdown.renderValue(indicator.statement)}`,
                },
              });
              for (const answer of indicator.answers) {
                for (const { field, label } of answer.horizons?.map((h) => ({
                  field: h.field,
                  label: `${answer.column.heading}: ${h.label}`,
                })) ?? [{ field: answer.field!, label: answer.column.heading }]) {
                  outline.push({
                    kind: "answer",
                    question: { text: label },
                    field: field.name,
                    type: field.kind,
                  });
                }
              }
            }
          }
          break;
        case "repeat":
          for (const item of block.items) {
            outline.push({ kind: "heading", level: level(0), text: { text: item.text } });
            walk(item.blocks, depth + 1);
          }
          break;
      }
    }
  };
  walk(template.form.blocks, 1);
  return {
    template: template.slug,
    title: template.title,
    summary: template.data.summary,
    fields: template.form.fields.map(({ name, path, kind, item }) => ({
      name,
      path,
      kind,
      ...(item !== undefined ? { item } : {}),
    })),
    outline,
  };
}
