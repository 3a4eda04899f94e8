import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PDFCheckBox, PDFDocument, PDFName } from "pdf-lib";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadContent } from "../../scripts/content/load-content.ts";
import type { Chapter, Template } from "../../scripts/content/schema-types.ts";
import { guideContents } from "../../scripts/model/print-guide.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { launchBrowser } from "../../scripts/pdf/find-browser.ts";
import { openPdf, readOutline, readPageTexts, type OutlineEntry } from "./helpers/read-pdf.ts";
import type { RenderedPdf } from "../../scripts/pdf/render-pdfs.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { exampleBuild, exampleToday } from "./helpers/example-build.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";
import { describePdf } from "../../scripts/site/pdf-links.ts";
import { badPageEnd, contentScale, readPageLayout, type StructNode } from "./pdf-read-layout.ts";

const run = promisify(execFile);
const contentDir = path.resolve("content");
const squeeze = (text: string) => text.replace(/\s+/g, "");

let siteDir: string;
let model: SiteModel;
let browser: Browser;
let server: StaticServer;
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

/** pdfjs's text of every page, runs joined by spaces (index 0 is page 1). */
async function pdfjsTexts(file: string): Promise<string[]> {
  const pdf = await openPdf(await readFile(path.join(siteDir, file)));
  try {
    return await readPageTexts(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** What the tests read from the print page a PDF was printed from: its headings and table rows. */
interface PrintPageFacts {
  /** Each heading's text, white space collapsed, in document order. */
  headings: string[];
  /** Each table row's non-empty cells, white space removed. */
  rows: string[][];
}

const printPageFacts = new Map<string, Promise<PrintPageFacts>>();

/** Opens the print page of a PDF once, in print media, and reads what the tests compare. */
function factsOf(file: string): Promise<PrintPageFacts> {
  let facts = printPageFacts.get(file);
  if (!facts) {
    facts = (async () => {
      const job = model.pdfs.find((candidate) => candidate.file === file)!;
      const page = await browser.newPage();
      try {
        await page.emulateMediaType("print");
        await page.goto(`${server.origin}${job.urlPath}`, { waitUntil: "load" });
        await page.emulateMediaType("print");
        return await page.evaluate(() => {
          const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((element) =>
            (element.textContent ?? "").replace(/\s+/g, " ").trim(),
          );
          // Chromium prints no text that is clipped away, such as the "[inserted: …]" that
          // marked changes say to screen readers.
          for (const hidden of document.querySelectorAll(".visually-hidden")) hidden.remove();
          return {
            headings,
            rows: [...document.querySelectorAll("tr")].map((row) =>
              [...(row as HTMLTableRowElement).cells]
                // The text as printed: innerText leaves out what print hides (the phone cards' labels).
                .map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ""))
                .filter((text) => text.length > 0),
            ),
          };
        });
      } finally {
        await page.close();
      }
    })();
    printPageFacts.set(file, facts);
  }
  return facts;
}

/** The first page of each top-level bookmark, by title. */
async function partPages(file: string): Promise<Map<string, number>> {
  const parts = (await outlineOf(file)).filter((entry) => entry.depth === 1);
  return new Map(parts.map((entry) => [entry.title, entry.page]));
}

/** Contents entries as printed: "Heading text ....... 12" lines on the pages titled Contents. */
function contentsEntries(texts: string[]): { text: string; page: number }[] {
  const entries: { text: string; page: number }[] = [];
  for (const text of texts.filter((page) =>
    /^\s*(.*\n)?\s*Contents\s*$/m.test(page.split("\n").slice(0, 4).join("\n")),
  )) {
    for (const line of text.split("\n")) {
      const match = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (match && !/^Version \d|^Page |^Review by /.test(match[1]!))
        entries.push({ text: match[1]!, page: Number(match[2]) });
    }
  }
  return entries;
}

beforeAll(async () => {
  // The PDFs as the build prints them, from the run's one build of the example.
  const built = await exampleBuild();
  siteDir = built.siteDir;
  rendered = built.result.pdfs;
  logLines.push(...built.log);
  vi.stubEnv("CHARTERBOOK_TODAY", exampleToday);
  model = (await validateContent(contentDir)).model!;
  browser = await launchBrowser();
  server = await serveSite(siteDir);
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  await browser?.close();
});

describe("the PDF stage of the example site", () => {
  it("writes per community a guide, a charter and a ground rules PDF, a draft's guide, each earlier version, and a PDF per template, example and publication, with a progress line each", async () => {
    const content = await loadContent(contentDir);
    const slugsOf = (type: string) =>
      content.files.filter((file) => file.type.name === type).map((file) => file.slug);
    const communities = content.files
      .filter((file) => file.type.name === "charter")
      .map((file) => file.community);
    expect(rendered.map((pdf) => pdf.file).sort()).toEqual(
      [
        ...communities.flatMap((slug) => [
          `pdf/${slug}-guide.pdf`,
          `pdf/${slug}-charter.pdf`,
          `pdf/${slug}-ground-rules.pdf`,
        ]),
        "pdf/north-east-guide-0.2-draft.pdf",
        "pdf/advanced-mental-health-charter-0.3.pdf",
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

  it("prints the roadmap grid, and only the grid, on landscape pages with the header row on each", async () => {
    const file = "pdf/advanced-mental-health-guide.pdf";
    const texts = await pageTexts(file);
    const sizes = await pageSizes(file);
    const outline = await outlineOf(file);
    const roadmapIndex = outline.findIndex(
      (entry) => entry.depth === 1 && entry.title === "Roadmap for communities of practice",
    );
    const first = outline[roadmapIndex]!.page;
    // The time horizons after the grid are a few lines: they go back to portrait.
    const horizons = outline.slice(roadmapIndex).find((entry) => entry.title === "Time horizons")!;
    const last = horizons.page - 1;
    expect(last).toBeGreaterThan(first);
    sizes.forEach((size, index) => {
      const page = index + 1;
      expect(size.width > size.height, `page ${page}`).toBe(page >= first && page <= last);
    });
    // Every landscape page holds rows of the grid (cell codes such as 3.21) under the header row.
    for (const text of texts.slice(first - 1, last)) {
      expect(text.match(/\b\d\.\d\d\b/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
      expect(text).toMatch(/Area\s+Dimension\s+Month/);
    }
    // A4 portrait elsewhere: 595 x 842 points.
    expect(Math.round(sizes[0]!.width)).toBe(595);
    expect(Math.round(sizes[0]!.height)).toBe(842);
  });

  it("reads 'Page N of M' on every page but the cover, the charter's version on the community's own pages", async () => {
    const file = "pdf/advanced-mental-health-guide.pdf";
    const texts = await pageTexts(file);
    const firstChapter = (await partPages(file)).get(model.chapters[0]!.title)!;
    expect(texts[0]).not.toMatch(/Page 1 of/);
    texts.slice(1).forEach((text, index) => {
      const page = index + 2;
      expect(text).toContain(`Page ${page} of ${texts.length}`);
      expect(text).toContain("Advanced Mental Health Community of Practice: guide and charter");
      // Its review_by (30 April 2022) has passed: the footer says so under the approval.
      if (page < firstChapter) {
        expect(text).toContain("Version 0.4, approved on 4 January 2022 by Steering group");
        expect(text).toMatch(/Review by 30 April 2022 \(overdue\) · Printed \d{1,2} \w+ \d{4}/);
      } else expect(text).toMatch(/National Office of Engagement and Recovery\s+Page/);
    });
  });

  it("stamps DRAFT on a draft's own pages only: its cover, contents, charter and ground rules, not the chapters or blank forms", async () => {
    // pdfjs keeps the rotated mark as one run of text, where pdftotext splits its letters.
    const draftGuide = "pdf/north-east-guide-0.2-draft.pdf";
    const draft = await pdfjsTexts(draftGuide);
    const parts = await partPages(draftGuide);
    const firstChapter = parts.get(model.chapters[0]!.title)!;
    // The first of the templates the guide prints (a toolkit's templates are not in it).
    const firstTemplate = Math.min(
      ...model.templates.flatMap((template) => parts.get(template.title) ?? []),
    );
    expect(firstTemplate).toBeLessThan(draft.length);
    expect(firstChapter).toBeGreaterThan(4);
    draft.forEach((text, index) => {
      const page = index + 1;
      if (page < firstChapter) expect(text, `page ${page}`).toContain("DRAFT");
      else expect(text, `page ${page}`).not.toContain("DRAFT");
    });
    expect(draft.slice(firstTemplate - 1).join(" ")).not.toMatch(/draft/i);
    // The guide, charter and ground rules of the version in force, beside it, are not drafts.
    for (const slug of ["north-east", "advanced-mental-health"]) {
      for (const kind of ["guide", "charter", "ground-rules"]) {
        const file = `pdf/${slug}-${kind}.pdf`;
        for (const text of await pdfjsTexts(file)) expect(text, file).not.toContain("DRAFT");
      }
    }
  });

  it("says on the cover where the version printed stands: its approval or proposal, a review overdue, the version in force", async () => {
    for (const file of [
      "pdf/advanced-mental-health-guide.pdf",
      "pdf/advanced-mental-health-charter.pdf",
    ]) {
      const cover = (await pdfjsTexts(file))[0]!;
      expect(cover).toContain("Status Approved on 4 January 2022 by Steering group");
      expect(cover).toContain("Review by 30 April 2022 (overdue)");
    }
    for (const file of ["pdf/north-east-guide.pdf", "pdf/north-east-charter.pdf"]) {
      const cover = (await pdfjsTexts(file))[0]!;
      expect(cover).toContain("Version 0.1");
      expect(cover).toContain("Status Approved on 21 April 2026 by Community members");
    }
    const cover = (await pdfjsTexts("pdf/north-east-guide-0.2-draft.pdf"))[0]!;
    expect(cover).toContain(
      "Status Draft, proposed by Co-chairs on 6 October 2026 for approval by National Office of Engagement and Recovery",
    );
    expect(cover).toContain("In force Version 0.1, approved on 21 April 2026 by Community members");
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
    // Drawn by CSS as 4 mm squares (11.3 points), and named in the tagged PDF.
    const reviewPdf = await openPdf(
      await readFile(path.join(siteDir, "pdf/template-review-your-community.pdf")),
    );
    let squares = 0;
    const tickBoxes: string[] = [];
    const walkFigures = (node: StructNode | null | undefined) => {
      if (!node) return;
      if (node.role === "Figure" && node.alt?.endsWith("ick box")) tickBoxes.push(node.alt);
      for (const child of node.children ?? []) walkFigures(child);
    };
    for (let number = 1; number <= reviewPdf.numPages; number++) {
      const page = await reviewPdf.getPage(number);
      walkFigures((await page.getStructTree()) as StructNode);
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        const args = operators.argsArray[index] as
          [number, unknown, Record<number, number>] | undefined;
        if (fn !== OPS.constructPath || !args) return;
        const [minX, minY, maxX, maxY] = [args[2][0]!, args[2][1]!, args[2][2]!, args[2][3]!];
        // Page content is drawn at 0.75 points per CSS pixel, so 4 mm is about 15 units.
        const width = (maxX - minX) * 0.75;
        const height = (maxY - minY) * 0.75;
        if (Math.abs(width - 11.3) < 1 && Math.abs(height - 11.3) < 1) squares += 1;
      });
    }
    await reviewPdf.destroy();
    expect(squares).toBe(expectedBoxes);
    // A scale's boxes are named figures inside its radio group's field; a checklist's box is the
    // check box field itself, named by its item (tests/e2e/pdf-forms.test.ts reads the fields).
    const checklistItems = blocks.reduce(
      (sum, block) => sum + (block.type === "checklist" ? block.items.length : 0),
      0,
    );
    expect(checklistItems).toBeGreaterThan(0);
    expect(tickBoxes.length).toBe(expectedBoxes - checklistItems);
    expect(tickBoxes).toContain("Not at all: tick box");
    const form = (
      await PDFDocument.load(
        await readFile(path.join(siteDir, "pdf/template-review-your-community.pdf")),
      )
    ).getForm();
    expect(form.getFields().filter((field) => field instanceof PDFCheckBox)).toHaveLength(
      checklistItems,
    );

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

  it("gives every bookmark its heading's exact text, spaces included where a heading wraps", async () => {
    for (const pdf of rendered) {
      const { headings } = await factsOf(pdf.file);
      const titles = (await outlineOf(pdf.file)).map((entry) => entry.title);
      expect(titles.length, pdf.file).toBeGreaterThan(0);
      // Chrome leaves out headings it did not paint; the bookmarks are the rest, in order.
      let cursor = 0;
      for (const title of titles) {
        const found = headings.indexOf(title, cursor);
        expect(found, `${pdf.file}: bookmark "${title}"`).toBeGreaterThanOrEqual(0);
        cursor = found + 1;
      }
    }
    // Long topic titles wrap in the guide, where Chrome wrote "recovery andengagement".
    const titles = (await outlineOf("pdf/north-east-guide.pdf")).map((entry) => entry.title);
    for (const topic of (model.topics!.data as { topics: { title: string }[] }).topics) {
      expect(titles).toContain(topic.title);
    }
    for (const community of model.guides) {
      const guideTitles = (await outlineOf(`pdf/${community.slug}-guide.pdf`)).map(
        (entry) => entry.title,
      );
      for (const entry of guideContents(model, model.pdfFor(community)!.edition!))
        expect(guideTitles).toContain(entry.text);
    }
  });

  it("ends no page on a heading, a caption, a table header or a table header with one row", async () => {
    const problems: string[] = [];
    for (const pdf of rendered) {
      const document = await openPdf(await readFile(path.join(siteDir, pdf.file)));
      const pages: Awaited<ReturnType<typeof readPageLayout>>[] = [];
      for (let number = 1; number <= document.numPages; number++) {
        pages.push(await readPageLayout(document, number));
      }
      await document.destroy();
      pages.forEach((texts, index) => {
        const problem = badPageEnd(texts, pages[index + 1]);
        if (problem) problems.push(`${pdf.file} page ${index + 1} ${problem}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("splits no table row across pages: every cell of a row is on the same page", async () => {
    for (const pdf of rendered) {
      const { rows } = await factsOf(pdf.file);
      const pages = (await pdfjsTexts(pdf.file)).map(squeeze);
      let cursor = 0;
      for (const cells of rows.filter((row) => row.length > 0)) {
        const page = pages.findIndex(
          (text, index) => index >= cursor && cells.every((cell) => text.includes(cell)),
        );
        expect(
          page,
          `${pdf.file}: the row "${cells.join(" | ").slice(0, 80)}"`,
        ).toBeGreaterThanOrEqual(0);
        cursor = page;
      }
      if (pdf.file.endsWith("-guide.pdf")) expect(rows.length, pdf.file).toBeGreaterThan(50);
    }
  });

  it("prints every page at 100%: nothing is wider than the page, so the build warns of nothing", async () => {
    expect(logLines.filter((line) => line.includes("WARNING"))).toEqual([]);
    for (const pdf of rendered) {
      expect(pdf.warnings, pdf.file).toEqual([]);
      const document = await openPdf(await readFile(path.join(siteDir, pdf.file)));
      for (let number = 1; number <= document.numPages; number++) {
        expect(await contentScale(document, number), `${pdf.file} page ${number}`).toBeCloseTo(
          1,
          3,
        );
      }
      await document.destroy();
    }
  });

  it("embeds only the bundled typeface in every PDF", async () => {
    for (const pdf of rendered) {
      const { stdout } = await run("pdffonts", [path.join(siteDir, pdf.file)]);
      const fonts = stdout
        .split("\n")
        .slice(2)
        .filter((line) => line.trim())
        .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
      expect(fonts.length, pdf.file).toBeGreaterThan(0);
      for (const font of fonts) expect(font, pdf.file).toMatch(/^AtkinsonHyperlegibleNext-/);
    }
  });

  it("prints a community's charter alone: its cover, version history and sections, none of the guide", async () => {
    for (const community of model.guides) {
      const file = `pdf/${community.slug}-charter.pdf`;
      const texts = await pageTexts(file);
      const guide = rendered.find((pdf) => pdf.file === `pdf/${community.slug}-guide.pdf`)!;
      expect(texts.length).toBeLessThan(guide.pages / 3);
      expect(texts[0]).toMatch(/Version\s+\d/);
      const outline = await outlineOf(file);
      expect(outline.filter((entry) => entry.depth === 1).map((entry) => entry.title)).toEqual([
        community.charter!.title,
      ]);
      expect(outline.map((entry) => entry.title)).toEqual(
        expect.arrayContaining([
          "Version history",
          ...community.charter!.sections.map((section) => `${section.number}. ${section.title}`),
        ]),
      );
      const all = texts.join("\n");
      for (const chapter of model.chapters) expect(all).not.toContain(chapter.title);
    }
  });

  it("prints each community's ground rules on exactly one page, in large type, for the chair to read out", async () => {
    for (const community of model.guides) {
      const file = `pdf/${community.slug}-ground-rules.pdf`;
      const document = await openPdf(await readFile(path.join(siteDir, file)));
      expect(document.numPages, file).toBe(1);
      const texts = await readPageLayout(document, 1);
      await document.destroy();
      const rules = community.groundRules!.data.rules;
      const plain = (words: string) => squeeze(words).replace(/[‘’]/g, "'");
      const text = plain(texts.map((run) => run.text).join(""));
      const last = plain(rules.at(-1)!.replace(/[*_`]/g, ""));
      expect(text, file).toContain(last.slice(0, 30));
      // The rules are set larger than the guide's 10 point text.
      const ruleSizes = texts.filter((run) => run.ancestors.some((node) => node.role === "LI"));
      expect(Math.min(...ruleSizes.map((run) => run.size)), file).toBeGreaterThanOrEqual(11.5);
    }
  });

  it("links the charter and ground rules pages to their own PDFs, with the size filled in", async () => {
    for (const community of model.guides) {
      for (const [document, file, label] of [
        [community.charter!, `pdf/${community.slug}-charter.pdf`, "Download this charter as a PDF"],
        [
          community.groundRules!,
          `pdf/${community.slug}-ground-rules.pdf`,
          "Download the ground rules on one page, to read out at a session",
        ],
      ] as const) {
        const html = await readFile(path.join(siteDir, document.url, "index.html"), "utf8");
        const pdf = rendered.find((candidate) => candidate.file === file)!;
        expect(html).toContain(
          `<a href="/${file}" data-pdf-link>${label} <span data-pdf-size="${file}">${describePdf(pdf.bytes, pdf.pages)}</span></a>`,
        );
      }
    }
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
    // Each ticked box holds an X, a word of its own in the page's text.
    expect(text.match(/(?<=^|\s)X(?=\s|$)/g)?.length).toBe(ticked + chosen);
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
