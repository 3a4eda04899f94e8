import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, PDFName } from "pdf-lib";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../scripts/content/load-content.ts";
import type { Chapter, Template } from "../../scripts/content/schema-types.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { launchBrowser } from "../../scripts/pdf/find-browser.ts";
import { openPdf, readOutline, readPageTexts, type OutlineEntry } from "./helpers/read-pdf.ts";
import { renderPdfs, type RenderedPdf } from "../../scripts/pdf/render-pdfs.ts";
import { buildSiteForPdfs } from "./pdf-build-site.ts";

const run = promisify(execFile);
const contentDir = path.resolve("content");
const squeeze = (text: string) => text.replace(/\s+/g, "");

let siteDir: string;
let model: SiteModel;
let browser: Browser;
let rendered: RenderedPdf[];
const logLines: string[] = [];

/** pdftotext's text of every page (index 0 is page 1), laid out as printed. */
async function pageTexts(file: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", path.join(siteDir, file), "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split("\f").slice(0, -1);
}

async function pageSizes(file: string): Promise<{ width: number; height: number }[]> {
  const pdf = await PDFDocument.load(await readFile(path.join(siteDir, file)));
  return pdf.getPages().map((page) => page.getSize());
}

async function outlineOf(file: string): Promise<OutlineEntry[]> {
  const pdf = await openPdf(await readFile(path.join(siteDir, file)));
  try {
    return await readOutline(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** Contents entries as printed: "Heading text ....... 12" lines on the pages titled Contents. */
function contentsEntries(texts: string[]): { text: string; page: number }[] {
  const entries: { text: string; page: number }[] = [];
  for (const text of texts.filter((page) =>
    /^\s*(.*\n)?\s*Contents\s*$/m.test(page.split("\n").slice(0, 4).join("\n")),
  )) {
    for (const line of text.split("\n")) {
      const match = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (match && !/^Version \d|^Page /.test(match[1]!))
        entries.push({ text: match[1]!, page: Number(match[2]) });
    }
  }
  return entries;
}

beforeAll(async () => {
  siteDir = await mkdtemp(path.join(os.tmpdir(), "charterbook-pdf-"));
  model = await buildSiteForPdfs(contentDir, siteDir);
  browser = await launchBrowser();
  rendered = await renderPdfs({
    siteDir,
    jobs: model.pdfs,
    browser,
    log: (line) => logLines.push(line),
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

describe("the PDF stage of the example site", () => {
  it("writes one guide per community and one PDF per template, example and publication, with a progress line each", async () => {
    const content = await loadContent(contentDir);
    const slugsOf = (type: string) =>
      content.files.filter((file) => file.type.name === type).map((file) => file.slug);
    const communities = content.files
      .filter((file) => file.type.name === "charter")
      .map((file) => file.community);
    expect(rendered.map((pdf) => pdf.file).sort()).toEqual(
      [
        ...communities.map((slug) => `pdf/${slug}-guide.pdf`),
        ...slugsOf("template").map((slug) => `pdf/template-${slug}.pdf`),
        ...slugsOf("example").map((slug) => `pdf/example-${slug}.pdf`),
        ...slugsOf("publication").map((slug) => `pdf/publication-${slug}.pdf`),
      ].sort(),
    );
    for (const pdf of rendered) {
      expect(logLines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^PDF  ${pdf.file}  ${pdf.pages} pages  \\d+ KB  \\d+ ms$`),
        ),
      );
      expect(pdf.blockedRequests).toEqual([]);
    }
  });

  it("numbers each contents entry with the page on which that heading appears", async () => {
    for (const file of ["pdf/advanced-mental-health-guide.pdf", "pdf/north-east-guide.pdf"]) {
      const texts = await pageTexts(file);
      const entries = contentsEntries(texts);
      const outline = await outlineOf(file);
      expect(entries.length).toBeGreaterThan(20);
      let previousPage = 0;
      for (const entry of entries) {
        expect(entry.page, `${file}: "${entry.text}"`).toBeGreaterThanOrEqual(previousPage);
        expect(
          squeeze(texts[entry.page - 1] ?? ""),
          `${file}: "${entry.text}" on page ${entry.page}`,
        ).toContain(squeeze(entry.text));
        const bookmark = outline.find(
          (item) => squeeze(item.title) === squeeze(entry.text) && item.page >= previousPage,
        );
        expect(bookmark?.page, `${file}: bookmark of "${entry.text}"`).toBe(entry.page);
        previousPage = entry.page;
      }
    }
  });

  it("has a bookmark for every chapter, template and part of the guide the site binds, and none of a toolkit's own", async () => {
    const content = await loadContent(contentDir);
    const chapters = content.files
      .filter((file) => file.type.name === "chapter")
      .map((file) => (file.data as unknown as Chapter).title);
    const community = model.guides.find((guide) => guide.slug === "north-east")!;
    const bound = model
      .guideParts(community)
      .filter((part) => part.document.type === "template")
      .map((part) => part.document.title);
    const toolkitOnly = model.templates
      .filter((template) => !bound.includes(template.title))
      .map((template) => template.title);
    expect(bound.length).toBeGreaterThan(2);
    expect(toolkitOnly).toContain("Service self-assessment");
    const outline = await outlineOf("pdf/north-east-guide.pdf");
    const topLevel = outline
      .filter((entry) => entry.depth === 1)
      .map((entry) => squeeze(entry.title));
    for (const title of [...chapters, ...bound, "Contents", "Ground rules for members"]) {
      expect(topLevel).toContain(squeeze(title));
    }
    for (const title of toolkitOnly) expect(topLevel).not.toContain(squeeze(title));
    expect(outline.filter((entry) => entry.depth === 2).length).toBeGreaterThan(30);
  });

  it("is a tagged PDF with its title, author, subject and language", async () => {
    for (const pdf of rendered) {
      const { stdout } = await run("pdfinfo", [path.join(siteDir, pdf.file)]);
      expect(stdout).toMatch(/^Tagged:\s+yes$/m);
      const document = await PDFDocument.load(await readFile(path.join(siteDir, pdf.file)), {
        updateMetadata: false,
      });
      expect(document.getTitle()).toBe(pdf.title);
      expect(document.getAuthor()).toBe("National Office of Engagement and Recovery");
      expect(document.getSubject()?.length).toBeGreaterThan(10);
      expect(document.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(en-GB)");
    }
    expect(rendered.find((pdf) => pdf.file === "pdf/north-east-guide.pdf")?.title).toBe(
      "North East Engagement and Recovery Community of Practice: guide and charter",
    );
  });

  it("prints the roadmap, and only the roadmap, on landscape pages with the header row on each", async () => {
    const file = "pdf/advanced-mental-health-guide.pdf";
    const texts = await pageTexts(file);
    const sizes = await pageSizes(file);
    const parts = (await outlineOf(file)).filter((entry) => entry.depth === 1);
    const roadmapIndex = parts.findIndex(
      (entry) => entry.title === "Roadmap for communities of practice",
    );
    const first = parts[roadmapIndex]!.page;
    const last = parts[roadmapIndex + 1]!.page - 1;
    expect(last).toBeGreaterThan(first);
    sizes.forEach((size, index) => {
      const page = index + 1;
      expect(size.width > size.height, `page ${page}`).toBe(page >= first && page <= last);
    });
    // Every landscape page with grid rows (cell codes such as 3.21) starts with the header row.
    const gridPages = texts.slice(first - 1, last).filter((text) => /\b\d\.\d\d\b/.test(text));
    expect(gridPages.length).toBeGreaterThanOrEqual(2);
    for (const text of gridPages) expect(text).toMatch(/Area\s+Dimension\s+Month/);
    // A4 portrait elsewhere: 595 x 842 points.
    expect(Math.round(sizes[0]!.width)).toBe(595);
    expect(Math.round(sizes[0]!.height)).toBe(842);
  });

  it("reads 'Page N of M' with the version in the footer of every page but the cover", async () => {
    const texts = await pageTexts("pdf/advanced-mental-health-guide.pdf");
    expect(texts[0]).not.toMatch(/Page 1 of/);
    texts.slice(1).forEach((text, index) => {
      expect(text).toContain(`Page ${index + 2} of ${texts.length}`);
      expect(text).toContain("Version 0.4, approved");
      expect(text).toContain("Advanced Mental Health Community of Practice: guide and charter");
    });
  });

  it("marks every page of a draft charter's guide DRAFT, and no page of an approved one", async () => {
    // pdfjs keeps the rotated mark as one run of text, where pdftotext splits its letters.
    const read = async (file: string) => {
      const pdf = await openPdf(await readFile(path.join(siteDir, file)));
      const texts = await readPageTexts(pdf);
      await pdf.destroy();
      return texts;
    };
    const draft = await read("pdf/north-east-guide.pdf");
    draft.forEach((text, index) => expect(text, `page ${index + 1}`).toContain("DRAFT"));
    expect(draft[0]).toContain("Draft, not yet approved");
    const approved = await read("pdf/advanced-mental-health-guide.pdf");
    approved.forEach((text) => expect(text).not.toContain("DRAFT"));
    expect(approved[0]).toContain("4 January 2022");
  });

  it("prints templates with tick boxes, ruled lines and signature blocks to fill in by hand", async () => {
    const content = await loadContent(contentDir);
    const review = content.files.find(
      (file) => file.type.name === "template" && file.slug === "review-your-community",
    )!;
    const blocks = (review.data as unknown as Template).blocks;
    const expectedBoxes = blocks.reduce(
      (sum, block) =>
        sum +
        (block.type === "scale"
          ? block.items.length * block.options!.length
          : block.type === "checklist"
            ? block.items.length
            : 0),
      0,
    );
    const reviewText = (await pageTexts("pdf/template-review-your-community.pdf")).join("\n");
    expect(reviewText.match(/☐/g)?.length).toBe(expectedBoxes);

    // Ruled lines are thin, wide rectangles: at least one per line a field asks for.
    const tor = content.files.find(
      (file) => file.type.name === "template" && file.slug === "terms-of-reference",
    )!;
    const torBlocks = (tor.data as unknown as Template).blocks;
    const expectedLines = torBlocks.reduce(
      (sum, block) => sum + (block.type === "field" ? block.lines : 0),
      0,
    );
    const pdf = await openPdf(
      await readFile(path.join(siteDir, "pdf/template-terms-of-reference.pdf")),
    );
    let ruled = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const operators = await (await pdf.getPage(number)).getOperatorList();
      // Each drawn path's bounding box [minX, minY, maxX, maxY]; paths only ending in a clip are skipped.
      const boxes = operators.fnArray.flatMap((fn, index) => {
        const args = operators.argsArray[index] as
          [number, unknown, Record<number, number>] | undefined;
        if (fn !== OPS.constructPath || !args || args[0] === OPS.endPath) return [];
        const box = args[2];
        return [{ width: box[2]! - box[0]!, height: box[3]! - box[1]! }];
      });
      const widest = Math.max(...boxes.map((box) => box.width));
      ruled += boxes.filter(
        (box) => box.width > widest * 0.5 && box.height < box.width * 0.01,
      ).length;
    }
    await pdf.destroy();
    expect(expectedLines).toBeGreaterThan(5);
    expect(ruled).toBeGreaterThanOrEqual(expectedLines);
    const torText = (await pageTexts("pdf/template-terms-of-reference.pdf")).join("\n");
    expect(torText).toMatch(/Name\s+.*\n?[\s\S]*Signature\s+[\s\S]*Date/);
  });

  it("prints the charter with the same numbered section headings as the site's charter page", async () => {
    for (const community of model.guides) {
      const charter = community.charter!;
      const html = await readFile(path.join(siteDir, charter.url, "index.html"), "utf8");
      const onScreen = [
        ...html.matchAll(
          /<h2 id="[^"]+"><span class="section-number">(\d+)\.<\/span> ([^<]+)<\/h2>/g,
        ),
      ].map((match) => `${match[1]}. ${match[2]!.replace(/&amp;/g, "&")}`);
      expect(onScreen.length).toBe(charter.sections.length);
      const text = squeeze((await pageTexts(`pdf/${community.slug}-guide.pdf`)).join("\n"));
      let from = 0;
      for (const heading of onScreen) {
        const at = text.indexOf(squeeze(heading), from);
        expect(at, `"${heading}" printed after the one before it`).toBeGreaterThan(from - 1);
        from = at;
      }
      const outline = (await outlineOf(`pdf/${community.slug}-guide.pdf`)).map((entry) =>
        squeeze(entry.title),
      );
      for (const heading of onScreen) expect(outline).toContain(squeeze(heading));
    }
  });

  it("draws Gibbs' reflective cycle and the phases as figures with their description", async () => {
    const pdf = await openPdf(
      await readFile(path.join(siteDir, "pdf/advanced-mental-health-guide.pdf")),
    );
    const figures: string[] = [];
    type StructNode = { role?: string; alt?: string; children?: StructNode[] };
    const walk = (node: StructNode | null | undefined) => {
      if (!node) return;
      if (node.role === "Figure" && node.alt) figures.push(node.alt);
      for (const child of node.children ?? []) walk(child);
    };
    for (let number = 1; number <= pdf.numPages; number++) {
      walk((await (await pdf.getPage(number)).getStructTree()) as StructNode);
    }
    await pdf.destroy();
    expect(figures).toContainEqual(
      expect.stringMatching(
        /^Gibbs' reflective cycle as a cycle 6 steps in order: 1\. Description/,
      ),
    );
    expect(figures).toContainEqual(
      expect.stringMatching(
        /^The 5 phases of a community of practice as a cycle 5 steps in order: 1\. Define/,
      ),
    );
  });
});

describe("the PDFs of completed examples and publications", () => {
  const read = async (file: string) => {
    const pdf = await openPdf(await readFile(path.join(siteDir, file)));
    const texts = await readPageTexts(pdf);
    await pdf.destroy();
    return texts;
  };

  it("prints a completed example as the template's form with its answers in the boxes", async () => {
    const example = model.examples[0]!;
    const text = (await read(`pdf/example-${example.slug}.pdf`)).join(" ");
    const ticked = Object.values(example.values).filter((value) => value === true).length;
    const chosen = example.form.fields.filter(
      (field) => field.kind === "choice" && typeof example.values[field.name] === "string",
    ).length;
    expect(text.match(/☒/g)?.length).toBe(ticked + chosen);
    for (const answer of [
      "Riverside community mental health team",
      "Share the 2019 statement at the service user forum",
      "Chair of the service user forum",
    ]) {
      expect(text).toContain(answer);
    }
    // The summary grid lists every rating.
    expect(text).toMatch(/2\.1\s+Partially\s+High/);
    const pdf = await PDFDocument.load(
      await readFile(path.join(siteDir, `pdf/example-${example.slug}.pdf`)),
    );
    expect(pdf.getForm().getFields()).toEqual([]);
  });

  it("prints a toolkit as its own: cover, contents and parts in groups, no community's charter or DRAFT", async () => {
    const file = "pdf/publication-self-assessment-toolkit.pdf";
    const outline = await outlineOf(file);
    expect(
      outline.filter((entry) => entry.depth === 1).map((entry) => squeeze(entry.title)),
    ).toEqual(
      [
        "Contents",
        "About this toolkit",
        "Readiness and first meeting checklist",
        "Service self-assessment",
        "Riverside community mental health team, June 2026",
        "Case study for case-based learning",
      ].map(squeeze),
    );
    const texts = await read(file);
    expect(texts[0]).toContain("Service self-assessment toolkit");
    expect(texts[0]).toContain("Toolkit");
    for (const text of texts) {
      expect(text).not.toContain("DRAFT");
      expect(text).not.toContain("Community Charter");
    }
    expect(texts[1]).toMatch(/GETTING READY.*Readiness and first meeting checklist\s+\d+/);
  });
});
