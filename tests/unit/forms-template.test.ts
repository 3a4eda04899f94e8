import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../scripts/content/load-content.ts";
import { formatProblems } from "../../scripts/content/problems.ts";
import type { Template } from "../../scripts/content/schema-types.ts";
import { validateFiles } from "../../scripts/content/validate-content.ts";
import { answersFromValues, valuesFromAnswers } from "../../scripts/model/answers.ts";
import { exampleMarkdown } from "../../scripts/model/example-markdown.ts";
import { formExport } from "../../scripts/model/form-export.ts";
import { parsePdfFieldHref, pdfFieldHref } from "../../scripts/model/pdf-field-marks.ts";
import { analyseTemplate, answerKey } from "../../scripts/model/template-form.ts";
import { baseTree } from "./validate-fixture-tree.ts";

/**
 * Templates as forms: the names every answer goes under (the same on the site, in the exports, in
 * completed examples and in the PDF form), the rules a template must keep for those names to be
 * unambiguous, and completed examples checked against their template's fields.
 */

const encoder = new TextEncoder();
const file = (relativePath: string, text: string): SourceFile => ({
  relativePath,
  bytes: encoder.encode(text),
});
const siteFile = file("site.yaml", readFileSync(path.join(baseTree, "site.yaml"), "utf8"));
const markdown = (data: object, body = "About this file.") =>
  `---\n${JSON.stringify(data, null, 2)}\n---\n\n${body}\n`;

const assessmentTemplate = {
  title: "Service check",
  summary: "A short self-assessment.",
  scales: [
    {
      name: "extent",
      options: [{ label: "Not at all", description: "No evidence." }, "Partially", "Consistently"],
    },
    { name: "risk", options: ["Low", "High"] },
  ],
  groups: [{ name: "notes", blocks: [{ type: "field", label: "What happened", lines: 2 }] }],
  blocks: [
    { type: "field", label: "Name of the service", lines: 1 },
    { type: "date", label: "Date of the check" },
    {
      type: "assessment",
      name: "check",
      title: "The standards",
      columns: [
        { name: "evidence", heading: "What evidence is there?", kind: "text" },
        { name: "met", heading: "How far is it met?", kind: "scale", scale: "extent" },
        {
          name: "changes",
          heading: "What could change?",
          kind: "horizons",
          horizons: ["Short term", "Long term"],
        },
        { name: "risk", heading: "Risk of doing nothing", kind: "scale", scale: "risk" },
        { name: "lead", heading: "Who leads it", kind: "owner" },
        { name: "review", heading: "Review by", kind: "date" },
      ],
      standards: [
        {
          number: "1",
          title: "Leadership",
          indicators: [{ number: "1.1", statement: "There is a *written* vision." }],
        },
        {
          number: "2",
          title: "Involvement",
          indicators: [
            { number: "2.1", statement: "People see their plan." },
            { number: "2.10", statement: "People sit on panels." },
          ],
        },
      ],
    },
    {
      type: "checklist",
      label: "After the check",
      items: ["Share the summary.", "Set the next date."],
    },
    { type: "table", caption: "Who took part", columns: ["Role", "Team"], rows: 2 },
    { type: "signature", label: "Agreed by" },
    { type: "repeat", group: "notes", items: ["First meeting", "Second meeting"] },
  ],
};

describe("the names of a template's answers", () => {
  const { form, findings } = analyseTemplate(assessmentTemplate as unknown as Template);

  it("names every field from its block, and an indicator's fields from its number and columns", () => {
    expect(findings).toEqual([]);
    expect(
      form.fields.map((field) => `${field.kind} ${field.name} ${field.path.join(" / ")}`),
    ).toEqual([
      "text name-of-the-service name-of-the-service",
      "date date-of-the-check date-of-the-check",
      "text check.1-1.evidence check / 1.1 / evidence",
      "choice check.1-1.met check / 1.1 / met",
      "text check.1-1.changes.short-term check / 1.1 / changes / short-term",
      "text check.1-1.changes.long-term check / 1.1 / changes / long-term",
      "choice check.1-1.risk check / 1.1 / risk",
      "text check.1-1.lead check / 1.1 / lead",
      "date check.1-1.review check / 1.1 / review",
      "text check.2-1.evidence check / 2.1 / evidence",
      "choice check.2-1.met check / 2.1 / met",
      "text check.2-1.changes.short-term check / 2.1 / changes / short-term",
      "text check.2-1.changes.long-term check / 2.1 / changes / long-term",
      "choice check.2-1.risk check / 2.1 / risk",
      "text check.2-1.lead check / 2.1 / lead",
      "date check.2-1.review check / 2.1 / review",
      "text check.2-10.evidence check / 2.10 / evidence",
      "choice check.2-10.met check / 2.10 / met",
      "text check.2-10.changes.short-term check / 2.10 / changes / short-term",
      "text check.2-10.changes.long-term check / 2.10 / changes / long-term",
      "choice check.2-10.risk check / 2.10 / risk",
      "text check.2-10.lead check / 2.10 / lead",
      "date check.2-10.review check / 2.10 / review",
      "tick after-the-check.1 after-the-check",
      "tick after-the-check.2 after-the-check",
      "text who-took-part.1.role who-took-part / 1 / Role",
      "text who-took-part.1.team who-took-part / 1 / Team",
      "text who-took-part.2.role who-took-part / 2 / Role",
      "text who-took-part.2.team who-took-part / 2 / Team",
      "text agreed-by.1.name agreed-by / 1 / name",
      "date agreed-by.1.date agreed-by / 1 / date",
      "text notes.1.what-happened notes / 1 / what-happened",
      "text notes.2.what-happened notes / 2 / what-happened",
    ]);
    expect(new Set(form.fields.map((field) => field.name)).size).toBe(form.fields.length);
  });

  it("defines each scale once and gives its options, with descriptions, to every column that uses it", () => {
    const assessment = form.blocks.find((block) => block.type === "assessment")!;
    if (assessment.type !== "assessment") throw new Error("not an assessment");
    expect(assessment.scaleColumns.map((column) => column.heading)).toEqual([
      "How far is it met?",
      "Risk of doing nothing",
    ]);
    expect(assessment.scaleKeys).toEqual([
      {
        name: "extent",
        headings: ["How far is it met?"],
        options: [
          { label: "Not at all", description: "No evidence." },
          { label: "Partially" },
          { label: "Consistently" },
        ],
      },
    ]);
    expect(assessment.standards[1]!.indicators[1]!.ratings.map((field) => field.name)).toEqual([
      "check.2-10.met",
      "check.2-10.risk",
    ]);
  });

  it("makes a label's first six words its answers' name", () => {
    expect(answerKey("What is the most important role of the community for you?", "field")).toBe(
      "what-is-the-most-important-role",
    );
    expect(answerKey("Café & co-op: who?", "field")).toBe("cafe-co-op-who");
    expect(answerKey("???", "checklist")).toBe("checklist");
  });
});

describe("answers, both ways round", () => {
  const { form } = analyseTemplate(assessmentTemplate as unknown as Template);

  it("nests a form's values as a completed example's answers, leaving blank fields out", () => {
    const answers = answersFromValues(form.fields, {
      "name-of-the-service": "Riverside team",
      "date-of-the-check": "2026-05-12",
      "check.1-1.evidence": "Minutes of the forum.\r\nA survey.\t(40 people)\u0007",
      "check.1-1.met": "Partially",
      "check.1-1.changes.long-term": "Rewrite the vision.",
      "check.2-10.risk": "High",
      "check.2-10.lead": "   ",
      "after-the-check.2": true,
      "after-the-check.1": false,
      "who-took-part.2.team": "Forum",
      "notes.2.what-happened": "We met.",
    });
    expect(answers).toEqual({
      "name-of-the-service": "Riverside team",
      "date-of-the-check": "2026-05-12",
      check: {
        "1.1": {
          evidence: "Minutes of the forum.\nA survey.\t(40 people)",
          met: "Partially",
          changes: { "long-term": "Rewrite the vision." },
        },
        "2.10": { risk: "High" },
      },
      "after-the-check": [2],
      "who-took-part": { "2": { Team: "Forum" } },
      notes: { "2": { "what-happened": "We met." } },
    });
    expect(valuesFromAnswers(form.fields, answers)).toEqual({
      "name-of-the-service": "Riverside team",
      "date-of-the-check": "2026-05-12",
      "check.1-1.evidence": "Minutes of the forum.\nA survey.\t(40 people)",
      "check.1-1.met": "Partially",
      "check.1-1.changes.long-term": "Rewrite the vision.",
      "check.2-10.risk": "High",
      "after-the-check.2": true,
      "who-took-part.2.team": "Forum",
      "notes.2.what-happened": "We met.",
    });
  });

  it("writes a completed example as Markdown with front matter, keys like 2.10 in quotes", () => {
    const text = exampleMarkdown({
      template: "service-check",
      templateTitle: "Service check",
      date: "2026-05-12",
      answers: {
        "name-of-the-service": "Riverside: north",
        check: { "2.10": { risk: "High", evidence: "Line one\nLine two" } },
        "after-the-check": [1, 2],
      },
    });
    expect(text).toBe(
      [
        "---",
        "template: service-check",
        "title: Service check, completed 2026-05-12",
        "summary: Service check as filled in on 2026-05-12.",
        "answers:",
        '  name-of-the-service: "Riverside: north"',
        "  check:",
        '    "2.10":',
        "      risk: High",
        "      evidence: |-",
        "        Line one",
        "        Line two",
        "  after-the-check:",
        "    - 1",
        "    - 2",
        "---",
        "",
        "Filled in on the site on 2026-05-12. To publish it as a completed example, say here what",
        "it shows, change the title and summary, remove anything personal, and save this file in",
        "content/examples/.",
        "",
      ].join("\n"),
    );
    expect(parse(text.split("---")[1]!).answers.check["2.10"].risk).toBe("High");
  });
});

describe("completed examples checked against their template", () => {
  const validate = (answers: string) =>
    validateFiles([
      siteFile,
      file("templates/service-check.md", markdown(assessmentTemplate)),
      file(
        "examples/riverside.md",
        `---\ntemplate: service-check\ntitle: Riverside\nsummary: A check.\nanswers:\n${answers}---\n\nAbout it.\n`,
      ),
    ]);

  it("accepts the Markdown a filled-in form exports", () => {
    const { form } = analyseTemplate(assessmentTemplate as unknown as Template);
    const exported = exampleMarkdown({
      template: "service-check",
      templateTitle: "Service check",
      date: "2026-05-12",
      answers: answersFromValues(form.fields, {
        "check.2-10.met": "Consistently",
        "check.2-10.review": "2026-09-01",
        "after-the-check.1": true,
        "agreed-by.1.name": "Team manager",
      }),
    });
    const result = validateFiles([
      siteFile,
      file("templates/service-check.md", markdown(assessmentTemplate)),
      file("examples/service-check-2026-05-12.md", exported),
    ]);
    expect(formatProblems(result.problems)).toBe("");
    const example = result.model!.examples[0]!;
    expect(example.values).toEqual({
      "check.2-10.met": "Consistently",
      "check.2-10.review": "2026-09-01",
      "after-the-check.1": true,
      "agreed-by.1.name": "Team manager",
    });
    expect(example.template.examples).toEqual([example]);
  });

  it("says which answer is wrong, where, and what the template allows", () => {
    const result = validate(
      [
        "  name-of-the-servise: Riverside",
        "  date-of-the-check: 12/05/2026",
        "  check:",
        '    "2.10":',
        "      met: Partialy",
        "      changes:",
        "        short: Soon",
        '    "3.1":',
        "      met: Partially",
        "  after-the-check: [1, 3]",
        "  who-took-part:",
        '    "1":',
        "      Rôle: Chair",
        "",
      ].join("\n"),
    );
    expect(formatProblems(result.problems)).toBe(
      [
        "content/examples/riverside.md:6:3  answers.name-of-the-servise",
        "  Unknown field. Did you mean name-of-the-service?",
        "content/examples/riverside.md:7:3  answers.date-of-the-check",
        '  "12/05/2026" is not a date in YYYY-MM-DD form. Write it as 2026-05-12.',
        'content/examples/riverside.md:10:7  answers.check["2.10"].met',
        '  "Partialy" is not one of: Not at all, Partially, Consistently. Did you mean Partially?',
        'content/examples/riverside.md:12:9  answers.check["2.10"].changes.short',
        "  Unknown field. Remove it, or use one of: short-term, long-term.",
        'content/examples/riverside.md:13:5  answers.check["3.1"]',
        "  Unknown field. Remove it, or use one of: 1.1, 2.1, 2.10.",
        "content/examples/riverside.md:15:24  answers.after-the-check[1]",
        "  3 is too large: the highest allowed is 2. Expected the number of a ticked item, from 1 to 2.",
        "content/examples/riverside.md:18:7  answers.who-took-part[1].Rôle",
        "  Unknown field. Did you mean Role?",
      ].join("\n"),
    );
  });
});

describe("a template's form exported for the browser", () => {
  it("lists the fields with their paths, and the form's outline in reading order", async () => {
    const result = validateFiles([
      siteFile,
      file("templates/service-check.md", markdown(assessmentTemplate)),
    ]);
    expect(formatProblems(result.problems)).toBe("");
    const exported = formExport(result.model!.templates[0]!);
    expect(exported.fields[23]).toEqual({
      name: "after-the-check.1",
      path: ["after-the-check"],
      kind: "tick",
      item: 1,
    });
    expect(exported.outline.slice(0, 6)).toEqual([
      {
        kind: "answer",
        question: { text: "Name of the service" },
        field: "name-of-the-service",
        type: "text",
      },
      {
        kind: "answer",
        question: { text: "Date of the check" },
        field: "date-of-the-check",
        type: "date",
      },
      { kind: "heading", level: 1, text: { text: "The standards" } },
      { kind: "heading", level: 2, text: { text: "Standard 1. Leadership" } },
      { kind: "heading", level: 3, text: { html: "1.1 There is a <em>written</em> vision." } },
      {
        kind: "answer",
        question: { text: "What evidence is there?" },
        field: "check.1-1.evidence",
        type: "text",
      },
    ]);
    expect(exported.outline.find((item) => item.kind === "table")).toEqual({
      kind: "table",
      caption: "Who took part",
      columns: ["Role", "Team"],
      rows: [
        ["who-took-part.1.role", "who-took-part.1.team"],
        ["who-took-part.2.role", "who-took-part.2.team"],
      ],
    });
  });
});

describe("the marks of a PDF form's boxes", () => {
  it("carry a field's name, kind, option and label in a link no reader can follow, and read back", () => {
    const href = pdfFieldHref({
      name: "check.2-10.met",
      kind: "radio",
      value: "To a greater extent",
      label: "Indicator 2.10: How far is it met?",
    });
    expect(href).toBe(
      "https://pdf-field.invalid/?kind=radio&name=check.2-10.met&value=To+a+greater+extent&label=Indicator+2.10%3A+How+far+is+it+met%3F",
    );
    expect(parsePdfFieldHref(href)).toEqual({
      name: "check.2-10.met",
      kind: "radio",
      value: "To a greater extent",
      label: "Indicator 2.10: How far is it met?",
    });
    expect(parsePdfFieldHref(pdfFieldHref({ name: "a.day", kind: "text", max: 2 }))).toEqual({
      name: "a.day",
      kind: "text",
      max: 2,
    });
    expect(parsePdfFieldHref("https://example.org/?kind=text&name=a")).toBeUndefined();
    expect(parsePdfFieldHref("https://pdf-field.invalid/?kind=button&name=a")).toBeUndefined();
  });
});
