import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  PDFArray,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRadioGroup,
  PDFString,
  PDFTextField,
  type PDFField,
} from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormBlock, FormField } from "../../scripts/model/template-form.ts";
import type { SiteModel, TemplateDocument } from "../../scripts/model/site-model.ts";
import { launchBrowser } from "../../scripts/pdf/find-browser.ts";
import { readOutline } from "../../scripts/pdf/read-outline.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { exampleBuild, exampleToday } from "./helpers/example-build.ts";
import { openPdf, readPageTexts } from "./helpers/read-pdf.ts";

/**
 * The blank templates' PDFs are PDF forms: a field over every printed box, named as on the site,
 * placed where Chromium printed the box, invisible until filled; an assessment's indicators are
 * never split over two pages.
 */

const run = promisify(execFile);
const contentDir = path.resolve("content");
const templates = [
  "service-self-assessment",
  "case-study",
  "readiness-checklist",
  "terms-of-reference",
];
let siteDir: string;
/** Where the tests write what they make from the PDFs: renderings, a filled-in copy. */
let work: string;
let model: SiteModel;
let browser: Browser;

const pdfPath = (file: string) => path.join(siteDir, file);
const load = async (file: string) => PDFDocument.load(await readFile(pdfPath(file)));
const template = (slug: string) => model.templates.find((t) => t.slug === slug)!;

beforeAll(async () => {
  // The PDFs as the build prints them, from the run's one build of the example.
  siteDir = (await exampleBuild()).siteDir;
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-pdf-forms-"));
  vi.stubEnv("CHARTERBOOK_TODAY", exampleToday);
  model = (await validateContent(contentDir)).model!;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The PDF fields a template's form should have: name and kind, with a radio group's options. */
function expectedFields(form: TemplateDocument["form"]): string[] {
  const expected: string[] = [];
  const text = (field: FormField) =>
    expected.push(`${(field.lines ?? 1) > 1 ? "multiline" : "text"} ${field.name}`);
  const date = (field: FormField) => {
    for (const [part, max] of [
      ["day", 2],
      ["month", 2],
      ["year", 4],
    ] as const)
      expected.push(`text ${field.name}.${part} max ${max}`);
  };
  const choice = (field: FormField) =>
    expected.push(`radio ${field.name} ${field.options!.map((o) => o.label).join(" | ")}`);
  const walk = (blocks: readonly FormBlock[]) => {
    for (const block of blocks) {
      switch (block.type) {
        case "field":
          text(block.field);
          break;
        case "date":
          date(block.field);
          break;
        case "signature":
          // A signature's name and date are written on lines; the signature itself by hand.
          for (const s of block.signatories)
            expected.push(`text ${s.name.name}`, `text ${s.date.name}`);
          break;
        case "scale":
          block.items.forEach((item) => choice(item.field));
          break;
        case "table":
          block.rows.flat().forEach((cell) => expected.push(`text ${cell.name}`));
          break;
        case "checklist":
          block.items.forEach((item) => expected.push(`checkbox ${item.field.name}`));
          break;
        case "assessment":
          for (const standard of block.standards)
            for (const indicator of standard.indicators)
              for (const answer of indicator.answers) {
                if (answer.horizons) answer.horizons.forEach((h) => text(h.field));
                else if (answer.column.kind === "scale") choice(answer.field!);
                else if (answer.column.kind === "date") date(answer.field!);
                else text(answer.field!);
              }
          break;
        case "repeat":
          block.items.forEach((item) => walk(item.blocks));
          break;
      }
    }
  };
  walk(form.blocks);
  return expected.sort();
}

function describeField(field: PDFField): string {
  const name = field.getName();
  if (field instanceof PDFRadioGroup) return `radio ${name} ${field.getOptions().join(" | ")}`;
  if (field instanceof PDFCheckBox) return `checkbox ${name}`;
  if (field instanceof PDFTextField) {
    const max = field.getMaxLength();
    return `${field.isMultiline() ? "multiline" : "text"} ${name}${max ? ` max ${max}` : ""}`;
  }
  return `other ${name}`;
}

interface Widget {
  name: string;
  kind: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

function widgetsOf(pdf: PDFDocument): Widget[] {
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]));
  return pdf
    .getForm()
    .getFields()
    .flatMap((field) =>
      field.acroField.getWidgets().map((widget) => {
        const rect = widget.getRectangle();
        return {
          name: field.getName(),
          kind: describeField(field).split(" ")[0]!,
          page: pageOf.get(widget.P()!.toString())!,
          ...rect,
        };
      }),
    );
}

/** A page rendered at 72 dpi in grey, one byte per point, with the PDF's own y axis. */
async function renderPage(file: string, page: number, annotations: boolean) {
  const output = path.join(work, `render-${path.basename(file)}-${page}-${annotations}`);
  await run("pdftoppm", [
    "-r",
    "72",
    "-gray",
    "-f",
    String(page + 1),
    "-l",
    String(page + 1),
    "-singlefile",
    ...(annotations ? [] : ["-hide-annotations"]),
    pdfPath(file),
    output,
  ]);
  const bytes = await readFile(`${output}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  const dark = (x: number, y: number) => {
    const column = Math.round(x);
    const row = Math.round(height - y);
    if (column < 0 || row < 0 || column >= width || row >= height) return false;
    return pixels[row * width + column]! < 160;
  };
  return { width, height, pixels, dark };
}

describe("a blank template's PDF is a form", () => {
  it.each(templates)(
    "%s: a field for every box, named and of the kind the site's form uses",
    async (slug) => {
      const pdf = await load(`pdf/template-${slug}.pdf`);
      const found = pdf.getForm().getFields().map(describeField).sort();
      expect(found).toEqual(expectedFields(template(slug).form));
      expect(found.length).toBeGreaterThan(5);
    },
  );

  it("puts each field on its printed box: text on its lines, ticks and choices on their boxes", async () => {
    for (const slug of templates) {
      const file = `pdf/template-${slug}.pdf`;
      const widgets = widgetsOf(await load(file));
      const pages = new Map<number, Awaited<ReturnType<typeof renderPage>>>();
      for (const widget of widgets) {
        if (!pages.has(widget.page))
          pages.set(widget.page, await renderPage(file, widget.page, false));
        const { dark } = pages.get(widget.page)!;
        const where = `${slug} ${widget.name} on page ${widget.page + 1}`;
        // Rows and columns of the box that are mostly printed ink: a ruled line, a box's edge.
        const rows: number[] = [];
        for (let y = Math.floor(widget.y - 1.5); y <= widget.y + widget.height + 1.5; y++) {
          let ink = 0;
          for (let x = widget.x; x <= widget.x + widget.width; x++) if (dark(x, y)) ink++;
          if (ink >= widget.width * 0.6) rows.push(y);
        }
        if (widget.kind === "checkbox" || widget.kind === "radio") {
          expect(widget.width, where).toBeLessThan(20);
          expect(
            rows.length,
            `${where}: the tick box's top and bottom edges`,
          ).toBeGreaterThanOrEqual(2);
        } else {
          expect(rows.length, `${where}: a line or box edge to write on`).toBeGreaterThanOrEqual(1);
          expect(widget.width, where).toBeGreaterThan(20);
        }
      }
    }
  }, 60_000);

  it("looks exactly as printed until it is filled in", async () => {
    for (const slug of templates) {
      const file = `pdf/template-${slug}.pdf`;
      const pdf = await load(file);
      for (let page = 0; page < pdf.getPageCount(); page++) {
        const withFields = await renderPage(file, page, true);
        const without = await renderPage(file, page, false);
        expect(Buffer.compare(withFields.pixels, without.pixels), `${slug} page ${page + 1}`).toBe(
          0,
        );
      }
    }
  }, 60_000);

  it("keeps every indicator of an assessment on one page, with its question", async () => {
    const file = "pdf/template-service-self-assessment.pdf";
    const widgets = widgetsOf(await load(file));
    const document = await openPdf(await readFile(pdfPath(file)));
    const texts = (await readPageTexts(document)).map((text) => text.replace(/\s+/g, ""));
    await document.destroy();
    const assessment = template("service-self-assessment").assessments[0]!;
    for (const standard of assessment.standards) {
      for (const indicator of standard.indicators) {
        const prefix = `self-assessment.${indicator.number.replace(".", "-")}.`;
        const pages = new Set(widgets.filter((w) => w.name.startsWith(prefix)).map((w) => w.page));
        expect([...pages], indicator.number).toHaveLength(1);
        const page = [...pages][0]!;
        const words = indicator.statement.split(" ").slice(0, 6).join("");
        expect(texts[page], indicator.number).toContain(`${indicator.number}${words}`);
      }
    }
    // Standards 2 and 3 start their own pages, as the template asks.
    const outline = await readOutline(await readFile(pdfPath(file)));
    const startPage = (title: string) => outline.find((entry) => entry.title.includes(title))!.page;
    const lastOf = (n: string) =>
      Math.max(
        ...widgets.filter((w) => w.name.startsWith(`self-assessment.${n}-`)).map((w) => w.page + 1),
      );
    expect(startPage("Involving people who use the service")).toBe(lastOf("1") + 1);
    expect(startPage("Learning and improvement")).toBe(lastOf("2") + 1);
  });

  it("hands each field the link's place in the tagged PDF, as a Form element with a tooltip", async () => {
    const pdf = await load("pdf/template-case-study.pdf");
    const root = pdf.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    const nums = root
      .lookup(PDFName.of("ParentTree"), PDFDict)
      .lookup(PDFName.of("Nums"), PDFArray);
    const elements = new Map<number, PDFDict>();
    for (let i = 0; i < nums.size(); i += 2) {
      const element = nums.lookup(i + 1);
      if (element instanceof PDFDict) elements.set(nums.lookup(i, PDFNumber).asNumber(), element);
    }
    let tagged = 0;
    for (const field of pdf.getForm().getFields()) {
      expect(field.acroField.dict.get(PDFName.of("TU")), field.getName()).toBeDefined();
      for (const widget of field.acroField.getWidgets()) {
        const key = widget.dict.lookupMaybe(PDFName.of("StructParent"), PDFNumber);
        if (!key) continue;
        expect(elements.get(key.asNumber())?.get(PDFName.of("S"))).toBe(PDFName.of("Form"));
        tagged++;
      }
    }
    expect(tagged).toBeGreaterThan(0);
    // No mark is left as a link.
    for (const page of pdf.getPages()) {
      for (const annotation of page.node.Annots()?.asArray() ?? []) {
        const uri = pdf.context
          .lookup(annotation, PDFDict)
          .lookupMaybe(PDFName.of("A"), PDFDict)
          ?.lookupMaybe(PDFName.of("URI"), PDFString);
        expect(uri?.decodeText() ?? "").not.toContain("pdf-field.invalid");
      }
    }
  });

  it("can be filled in with a PDF library and flattened, and then shows the answers", async () => {
    const pdf = await load("pdf/template-service-self-assessment.pdf");
    const form = pdf.getForm();
    form.getTextField("name-of-the-service").setText("Riverside team");
    form.getTextField("self-assessment.1-1.evidence").setText("Minutes of the forum, March 2026.");
    form.getRadioGroup("self-assessment.1-1.met").select("Partially");
    form.getTextField("self-assessment.1-1.review.year").setText("2026");
    form.flatten();
    const filled = path.join(work, "filled.pdf");
    await writeFile(filled, await pdf.save());
    const { stdout } = await run("pdftotext", [filled, "-"]);
    expect(stdout).toContain("Riverside team");
    expect(stdout).toContain("Minutes of the forum, March 2026.");
    expect(stdout).toContain("2026");
  });
});
