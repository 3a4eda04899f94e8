import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../scripts/build/pipeline.ts";
import { InvalidContentError } from "../../scripts/build/validate-stage.ts";
import { BrowserNotFoundError } from "../../scripts/pdf/find-browser.ts";
import { PdfRenderError } from "../../scripts/pdf/render-pdfs.ts";
import { TemplateRenderError } from "../../scripts/site/run-eleventy.ts";
import { SearchIndexError } from "../../scripts/site/search-index.ts";
import { snapshotTree } from "./helpers/site-tree.ts";

/**
 * Every stage of the build can fail; each failure must leave the previously published site byte
 * for byte as it was and remove its staging folder. The failures are real: content, directory
 * data (which validation leaves to Eleventy) and browsers that make the stage itself fail.
 */
const fixture = path.resolve("tests/fixtures/site-minimal");

let work: string;
let outputDir: string;
let before: Record<string, string>;

/** A copy of the minimal fixture with `files` (relative path to text) written over it. */
async function contentWith(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  await cp(fixture, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

const stagingLeftBehind = async () =>
  (await readdir(work)).filter((name) => name.startsWith(".site-build-"));

async function expectUntouched() {
  expect(await snapshotTree(outputDir)).toEqual(before);
  expect(await stagingLeftBehind()).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-atomic-"));
  outputDir = path.join(work, "site");
  // With PDFs, so the previous site holds every kind of file a build writes.
  await build({ contentDir: fixture, outputDir, pdf: true });
  before = await snapshotTree(outputDir);
}, 120_000);

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a failed build leaves the previous site as it was", () => {
  it("starts from a complete site with search and PDFs", () => {
    expect(before["index.html"]).toBeDefined();
    expect(before["pagefind/pagefind-ui.js"]).toBeDefined();
    expect(before["pdf/north-east-guide.pdf"]).toBeDefined();
  });

  it("when the content is invalid", async () => {
    const contentDir = await contentWith("invalid", {
      "guide/broken.md": "---\ntitle: Broken\norder: one\n---\nText.\n",
    });
    await expect(build({ contentDir, outputDir, pdf: true })).rejects.toBeInstanceOf(
      InvalidContentError,
    );
    await expectUntouched();
  });

  it("when a template fails to render", async () => {
    // Valid content whose data file sends a chapter to the same URL as the home page.
    const contentDir = await contentWith("template-error", {
      "guide/reflective-practice.11tydata.json": '{ "permalink": "/index.html" }\n',
    });
    const failure = build({ contentDir, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(TemplateRenderError);
    await expect(failure).rejects.toThrow(/index\.html/);
    await expectUntouched();
  });

  it("when Pagefind cannot write its index", async () => {
    // A page written to the file pagefind, where Pagefind needs a folder for its bundle.
    const contentDir = await contentWith("pagefind-error", {
      "guide/reflective-practice.11tydata.json":
        '{ "permalink": "/pagefind", "eleventyAllowMissingExtension": true }\n',
    });
    const failure = build({ contentDir, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow(
      /^Pagefind could not write the index to .*pagefind: .*\n.*published at \/pagefind/,
    );
    await expectUntouched();
  });

  it("when no browser is found", async () => {
    vi.stubEnv("PUPPETEER_EXECUTABLE_PATH", path.join(work, "no-such-chrome"));
    const failure = build({ contentDir: fixture, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(failure).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH is set to .*no-such-chrome/);
    await expectUntouched();
  });

  it("when the browser exits as soon as it starts", async () => {
    const brokenBrowser = path.join(work, "broken-chrome");
    await writeFile(brokenBrowser, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    vi.stubEnv("PUPPETEER_EXECUTABLE_PATH", brokenBrowser);
    const failure = build({ contentDir: fixture, outputDir, pdf: true });
    await expect(failure).rejects.toThrow(`The browser at ${brokenBrowser} did not start`);
    await expectUntouched();
  });

  it("when a print page names no PDF", async () => {
    // A chapter published among the print pages, with the site's layout: no data-pdf-file.
    const contentDir = await contentWith("print-page-without-pdf", {
      "guide/reflective-practice.11tydata.json":
        '{ "permalink": "/print/templates/zz-chapter/index.html" }\n',
    });
    const failure = build({ contentDir, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failure).rejects.toThrow(/print\/templates\/zz-chapter\/index\.html has no/);
    await expectUntouched();
  }, 60_000);

  it("when a printed PDF cannot be written", async () => {
    // The template's site page takes the PDF's path as a folder, so writing the PDF fails
    // after Chrome has printed it.
    const contentDir = await contentWith("pdf-write-error", {
      "templates/support-document.11tydata.json":
        '{ "permalink": "/pdf/template-support-document.pdf/index.html" }\n',
    });
    const failure = build({ contentDir, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failure).rejects.toThrow(
      /^pdf\/template-support-document\.pdf could not be printed from \/print\/templates\/support-document\/: /,
    );
    await expectUntouched();
  }, 60_000);

  it("when a print page asked for an address outside the site, naming it", async () => {
    // A stand-in for a layout bug: directory data beside the print pages (which validation leaves
    // to Eleventy) replaces the policy the print layout writes unescaped into its head, adding a
    // remote stylesheet. The renderer blocks the request; the build must refuse to publish.
    const contentDir = await contentWith("blocked-request", {});
    await mkdir(path.join(contentDir, "print"));
    await writeFile(
      path.join(contentDir, "print", "print.11tydata.json"),
      JSON.stringify({
        contentSecurityPolicy:
          'default-src *"><link rel="stylesheet" href="https://fonts.example.com/remote.css"><meta name="x" content="',
      }),
    );
    const failure = build({ contentDir, outputDir, pdf: true });
    await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failure).rejects.toThrow(
      "  pdf/north-east-guide.pdf asked for https://fonts.example.com/remote.css",
    );
    await expectUntouched();
  }, 60_000);
});
