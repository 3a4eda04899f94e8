/**
 * A filled-in form as a Word document, for people who send documents by email. Built in the
 * browser with the docx library; bundled by scripts/site/browser-scripts.ts into
 * assets/js/form-docx.js and loaded only when a reader asks for a Word document.
 */
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { FieldValue } from "../model/answers.ts";
import type { ExportText, FormExport, OutlineItem } from "../model/form-export.ts";

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

/** Markdown values arrive rendered; the document takes their words. DOMParser runs no script. */
const plain = (text: ExportText): string =>
  "text" in text
    ? text.text
    : (new DOMParser().parseFromString(text.html, "text/html").body.textContent ?? "").trim();

const notAnswered = () =>
  new Paragraph({ children: [new TextRun({ text: "Not answered", italics: true })] });

export async function wordDocument(
  form: FormExport,
  values: Readonly<Record<string, FieldValue>>,
  locale: string,
): Promise<Blob> {
  const answer = (field: string, type: string): Paragraph[] => {
    const value = values[field];
    if (typeof value !== "string" || value.trim() === "") return [notAnswered()];
    if (type === "date") {
      const date = new Date(`${value}T12:00:00`);
      const shown = Number.isNaN(date.getTime())
        ? value
        : date.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
      return [new Paragraph(shown)];
    }
    return value.split("\n").map((line) => new Paragraph(line));
  };
  const cell = (children: Paragraph[], header = false) =>
    new TableCell({ children, ...(header ? { shading: { fill: "EEF3F8" } } : {}) });

  const body = form.outline.flatMap((item: OutlineItem): (Paragraph | Table)[] => {
    switch (item.kind) {
      case "heading":
        return [new Paragraph({ text: plain(item.text), heading: headingLevels[item.level - 1] })];
      case "answer":
        return [
          new Paragraph({ children: [new TextRun({ text: plain(item.question), bold: true })] }),
          ...answer(item.field, item.type),
        ];
      case "ticks":
        return [
          ...(item.question
            ? [new Paragraph({ children: [new TextRun({ text: item.question, bold: true })] })]
            : []),
          ...item.items.map(
            (tick) =>
              new Paragraph(`${values[tick.field] === true ? "☒" : "☐"} ${plain(tick.text)}`),
          ),
        ];
      case "table": {
        const rows = item.rows.filter((row) =>
          row.some((field) => typeof values[field] === "string"),
        );
        return [
          new Paragraph({ children: [new TextRun({ text: item.caption, bold: true })] }),
          rows.length === 0
            ? notAnswered()
            : new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                borders: {
                  top: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                  bottom: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                  left: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                  right: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "8A8F93" },
                },
                rows: [
                  new TableRow({
                    tableHeader: true,
                    children: item.columns.map((column) =>
                      cell(
                        [new Paragraph({ children: [new TextRun({ text: column, bold: true })] })],
                        true,
                      ),
                    ),
                  }),
                  ...rows.map(
                    (row) =>
                      new TableRow({
                        children: row.map((field) => {
                          const value = values[field];
                          return cell([new Paragraph(typeof value === "string" ? value : "")]);
                        }),
                      }),
                  ),
                ],
              }),
        ];
      }
    }
  });

  const document = new Document({
    title: form.title,
    description: form.summary,
    creator: "Charterbook",
    sections: [
      {
        children: [
          new Paragraph({ text: form.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: form.summary, italics: true })] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBlob(document);
}
