import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatProblems } from "../../scripts/content/problems.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { launchChromium } from "./helpers/browser.ts";
import { exampleBuild, exampleToday } from "./helpers/example-build.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";

/**
 * Every template page is also a form: answers typed on the page stay in the browser, come back
 * after a reload, print filled in, clear on request, and download as a completed example that
 * validates and as a Word document that opens. Built once, driven in real Chromium.
 */

const run = promisify(execFile);
const contentDir = path.resolve("content");
let work: string;
let site: string;
let downloads: string;
let model: SiteModel;
let server: StaticServer;
let browser: Browser;
const refused: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-forms-"));
  downloads = path.join(work, "downloads");
  await mkdir(downloads);
  // The site from the run's one build of the example; nothing here writes to it.
  site = (await exampleBuild()).siteDir;
  vi.stubEnv("CHARTERBOOK_TODAY", exampleToday);
  model = (await validateContent(contentDir)).model!;
  server = await serveSite(site);
  browser = await launchChromium();
  const session = await browser.target().createCDPSession();
  await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Opens a page; `fresh` first empties the browser's storage, as for a reader new to the site. */
async function open(url: string, width = 1280, fresh = true): Promise<Page> {
  const page = await browser.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      refused.push(`${url}: ${message.text()}`);
  });
  page.on("pageerror", (error) => refused.push(`${url}: ${(error as Error).message}`));
  await page.setViewport({ width, height: 900 });
  if (fresh) {
    const session = await page.createCDPSession();
    await session.send("Storage.clearDataForOrigin", {
      origin: server.origin,
      storageTypes: "local_storage",
    });
    await session.detach();
  }
  await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle0" });
  return page;
}

/** The value of every named control of the form, as the page shows it. */
const formValues = (page: Page) =>
  page.$$eval("form.fill [name]", (controls) =>
    Object.fromEntries(
      (controls as HTMLInputElement[])
        .filter((c) => (c.type !== "radio" && c.type !== "checkbox") || c.checked)
        .map((c) => [c.name, c.type === "checkbox" ? true : c.value])
        .filter(([, value]) => value !== ""),
    ),
  );

async function fillCaseStudy(page: Page): Promise<void> {
  await page.type("#field-title-of-the-case", "A first appointment that went wrong");
  await page.type("#field-what-happened", "The letter gave the wrong address.\nNobody called.");
  // A date input takes the digits in the browser's locale order; the value is what is stored.
  await page.$eval("#field-date-the-group-discussed-it", (input) => {
    (input as HTMLInputElement).value = "2026-05-12";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.type(
    "[name='points-of-view.2.what-mattered-most-to-them']",
    "Being told what was happening.",
  );
  await page.click("[name='confidence.1'][value='Fairly confident']");
  await page.keyboard.press("Tab");
}

const downloaded = async (extension: string, before: readonly string[]) => {
  for (let tries = 0; tries < 100; tries++) {
    const files = (await readdir(downloads)).filter(
      (name) => name.endsWith(extension) && !before.includes(name),
    );
    if (files.length) return path.join(downloads, files[0]!);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No ${extension} file was downloaded.`);
};

describe("a template page as a form", () => {
  it("says answers stay in this browser, keeps them over a reload, and clears them", async () => {
    const page = await open("/templates/case-study/");
    expect(await page.$eval(".form-fill__storage", (el) => el.textContent)).toContain(
      "Your answers stay in this browser.",
    );
    expect(await page.$eval(".form-actions", (el) => (el as HTMLElement).hidden)).toBe(false);
    await fillCaseStudy(page);
    const typed = await formValues(page);
    expect(typed).toEqual({
      "title-of-the-case": "A first appointment that went wrong",
      "date-the-group-discussed-it": "2026-05-12",
      "what-happened": "The letter gave the wrong address.\nNobody called.",
      "points-of-view.2.what-mattered-most-to-them": "Being told what was happening.",
      "confidence.1": "Fairly confident",
    });

    await page.reload({ waitUntil: "networkidle0" });
    expect(await formValues(page)).toEqual(typed);
    expect(await page.$eval("[role=status]", (el) => el.textContent)).toBe(
      "5 answers you saved earlier in this browser are filled in.",
    );

    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("[data-form-action=clear]");
    await page.waitForFunction(() =>
      document.querySelector("[role=status]")?.textContent?.includes("cleared"),
    );
    expect(await formValues(page)).toEqual({});
    expect(
      await page.evaluate(() =>
        window.localStorage.getItem(`charterbook:answers:${location.pathname}`),
      ),
    ).toBeNull();
    await page.reload({ waitUntil: "networkidle0" });
    expect(await formValues(page)).toEqual({});
    await page.close();
  }, 60_000);

  it("keeps the answers of different templates apart, and a dismissed clear clears nothing", async () => {
    const page = await open("/templates/readiness-checklist/");
    await page.click("[name='a-month-before.2']");
    await page.type("#field-name-of-the-group-or-service", "North East");
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.click("[data-form-action=clear]");
    const other = await open("/templates/case-study/", 1280, false);
    expect(await formValues(other)).toEqual({});
    await page.reload({ waitUntil: "networkidle0" });
    expect(await formValues(page)).toEqual({
      "name-of-the-group-or-service": "North East",
      "a-month-before.2": true,
    });
    await Promise.all([page.close(), other.close()]);
  }, 60_000);

  it("downloads the answers as a completed example that validates and shows them", async () => {
    const page = await open("/templates/case-study/");
    await fillCaseStudy(page);
    const before = await readdir(downloads);
    await page.click("[data-form-action=markdown]");
    const file = await downloaded(".md", before);
    expect(path.basename(file)).toMatch(/^case-study-\d{4}-\d{2}-\d{2}\.md$/);
    const text = await readFile(file, "utf8");
    expect(text).toContain("answers:\n  title-of-the-case: A first appointment that went wrong\n");

    // Added to a copy of the repository's content, it is a valid completed example.
    const copy = path.join(work, "content-with-example");
    await cp(contentDir, copy, { recursive: true });
    await writeFile(path.join(copy, "examples", path.basename(file)), text);
    const result = await validateContent(copy);
    expect(formatProblems(result.problems)).toBe("");
    const example = result.model!.examples.find((e) => e.template.slug === "case-study")!;
    expect(example.values).toEqual(await formValues(page));
    await page.close();
  }, 60_000);

  it("downloads the answers as a Word document that opens, with the questions and answers", async () => {
    const page = await open("/templates/case-study/");
    await fillCaseStudy(page);
    const before = await readdir(downloads);
    await page.click("[data-form-action=word]");
    const file = await downloaded(".docx", before);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(file) });
    const lines = value.split("\n").filter((line) => line.trim());
    expect(lines.slice(0, 3)).toEqual([
      "Case study for case-based learning",
      model.templates.find((t) => t.slug === "case-study")!.summary!,
      "About the case",
    ]);
    for (const expected of [
      "Title of the case",
      "A first appointment that went wrong",
      "Date the group discussed it",
      "12 May 2026",
      "The letter gave the wrong address.",
      "Nobody called.",
      "Their family or supporters",
      "Being told what was happening.",
      "Understanding what the person needs",
      "Fairly confident",
      "Not answered",
    ]) {
      expect(lines).toContain(expected);
    }
    // The document is a real Word file: mammoth reads every paragraph's style without a warning
    // (its default map lacks Word's Title style, so it is given).
    const html = await mammoth.convertToHtml(
      { buffer: await readFile(file) },
      { styleMap: ["p[style-name='Title'] => h1.title:fresh"] },
    );
    expect(html.messages).toEqual([]);
    expect(html.value).toContain('<h1 class="title">Case study for case-based learning</h1>');
    expect(html.value).toContain("<h1>About the case</h1>");
    await page.close();
  }, 60_000);

  it("prints filled in: every answer on paper, whole, without the buttons", async () => {
    const page = await open("/templates/case-study/");
    await fillCaseStudy(page);
    const pdfFile = path.join(work, "printed.pdf");
    await page.pdf({ path: pdfFile, printBackground: true });
    const { stdout } = await run("pdftotext", [pdfFile, "-"]);
    const text = stdout.replace(/\s+/g, " ");
    for (const answer of [
      "A first appointment that went wrong",
      "The letter gave the wrong address. Nobody called.",
      "Being told what was happening.",
    ]) {
      expect(text).toContain(answer);
    }
    expect(text).not.toContain("Download as Markdown");
    expect(text).not.toContain("Your answers stay in this browser");
    await page.close();
  }, 60_000);

  it("fills in the summary of the ratings as the reader answers", async () => {
    const page = await open("/templates/service-self-assessment/");
    const cell = "[data-summary-of='self-assessment.2-1.risk']";
    expect(await page.$eval(cell, (el) => el.textContent)).toBe("Not answered");
    await page.click("[name='self-assessment.2-1.risk'][value='High']");
    expect(await page.$eval(cell, (el) => el.textContent)).toBe("High");
    // Standards are listed first, with links to each.
    const contents = await page.$$eval(".assessment__contents a", (links) =>
      links.map((a) => a.textContent),
    );
    expect(contents).toEqual([
      "1. Leadership and culture",
      "2. Involving people who use the service",
      "3. Learning and improvement",
      "Summary of the ratings",
    ]);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("[data-form-action=clear]");
    await page.close();
  }, 60_000);

  it.each([320, 390])(
    "shows every indicator as a card at %i px, its question whole and in view while it is answered",
    async (width) => {
      const page = await open("/templates/service-self-assessment/", width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const indicators = await page.$$eval(".indicator", (cards) => cards.map((card) => card.id));
      expect(indicators.length).toBe(8);
      for (const id of indicators) {
        const seen = await page.evaluate((cardId) => {
          const card = document.getElementById(cardId)!;
          const question = card.querySelector<HTMLElement>(".indicator__question")!;
          const heading = question.querySelector<HTMLElement>(".indicator__statement")!;
          // Scroll to the card's last answer: the question must still be in view, above it.
          const last = card.querySelector<HTMLElement>(".indicator__answer:last-child")!;
          last.scrollIntoView({ block: "end" });
          const box = question.getBoundingClientRect();
          const cardBox = card.getBoundingClientRect();
          return {
            cut: heading.scrollWidth > heading.clientWidth || card.scrollWidth > card.clientWidth,
            left: box.left,
            right: box.right,
            top: box.top,
            bottom: box.bottom,
            cardTop: cardBox.top,
            height: window.innerHeight,
          };
        }, id);
        expect(seen.cut, id).toBe(false);
        expect(seen.left, id).toBeGreaterThanOrEqual(0);
        expect(seen.right, id).toBeLessThanOrEqual(width);
        expect(seen.top, id).toBeGreaterThanOrEqual(-1);
        expect(seen.bottom, id).toBeLessThan(seen.height / 2);
        // The card itself has scrolled out above: the question stayed because it sticks.
        expect(seen.cardTop, id).toBeLessThan(seen.top);
      }
      await page.close();
    },
    60_000,
  );

  it("runs under the site's Content-Security-Policy: no refused script, style or eval", () => {
    expect(refused).toEqual([]);
  });
});
