import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../scripts/build/pipeline.ts";
import { InvalidContentError } from "../../scripts/build/validate-stage.ts";
import { BrowserNotFoundError } from "../../scripts/pdf/find-browser.ts";
import { PdfRenderError } from "../../scripts/pdf/render-pdfs.ts";
import { TemplateRenderError } from "../../scripts/site/run-eleventy.ts";
import { SearchIndexError } from "../../scripts/site/search-index.ts";
import { leftBehind, snapshotTree } from "./helpers/site-tree.ts";

/**
 * Every stage of the build can fail; each failure must leave the previously published site byte
 * for byte as it was and remove its staging folder. The failures are real: invalid content, a
 * browser that is missing or will not start, and files put in the way of a stage just before it
 * runs (the build's beforeStage hook), so the stage itself fails as it would on a real machine.
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

const stagingLeftBehind = () => leftBehind(outputDir);

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

  it("when Eleventy cannot write the site", async () => {
    // A folder where the home page goes, so Eleventy's write of index.html fails.
    const failure = build({
      contentDir: fixture,
      outputDir,
      pdf: true,
      beforeStage: (stage, staging) =>
        stage === "eleventy" ? mkdir(path.join(staging, "index.html")) : undefined,
    });
    await expect(failure).rejects.toBeInstanceOf(TemplateRenderError);
    await expect(failure).rejects.toThrow(/index\.html/);
    await expectUntouched();
  });

  it("when Pagefind cannot write its index", async () => {
    // A file where Pagefind needs a folder for its bundle.
    const failure = build({
      contentDir: fixture,
      outputDir,
      pdf: true,
      beforeStage: (stage, staging) =>
        stage === "pagefind" ? writeFile(path.join(staging, "pagefind"), "a file") : undefined,
    });
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow(/^Pagefind could not write the index to .*pagefind: /);
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

  it("when a printed PDF cannot be written", async () => {
    // A folder where the template's PDF goes, so writing the PDF fails after Chrome printed it.
    const failure = build({
      contentDir: fixture,
      outputDir,
      pdf: true,
      beforeStage: (stage, staging) =>
        stage === "pdf"
          ? mkdir(path.join(staging, "pdf/template-support-document.pdf"), { recursive: true })
          : undefined,
    });
    await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failure).rejects.toThrow(
      /^pdf\/template-support-document\.pdf could not be printed from \/print\/templates\/support-document\/: /,
    );
    await expectUntouched();
  }, 60_000);

  it("when a print page asked for an address outside the site, naming it", async () => {
    // A stand-in for a layout bug: a print page that loads a stylesheet from another host. The
    // renderer blocks the request; the build must refuse to publish.
    const failure = build({
      contentDir: fixture,
      outputDir,
      pdf: true,
      beforeStage: async (stage, staging) => {
        if (stage !== "pdf") return;
        const page = path.join(staging, "print/communities/north-east/index.html");
        const html = await readFile(page, "utf8");
        await writeFile(
          page,
          html.replace(
            "</head>",
            '<link rel="stylesheet" href="https://fonts.example.com/remote.css"></head>',
          ),
        );
      },
    });
    await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failure).rejects.toThrow(
      "  pdf/north-east-guide.pdf asked for https://fonts.example.com/remote.css",
    );
    await expectUntouched();
  }, 60_000);
});
