import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserNotFoundError, launchBrowser } from "../../scripts/pdf/find-browser.ts";
import type { PdfJob } from "../../scripts/model/site-model.ts";
import { renderPdfs } from "../../scripts/pdf/render-pdfs.ts";

const fixture = path.resolve("tests/fixtures/pdf-remote-request");
/** The fixture's one print page, as the site model would describe it. */
const jobs: PdfJob[] = [
  {
    kind: "template",
    file: "pdf/template-remote.pdf",
    urlPath: "/print/templates/remote/",
    title: "A page that reaches out (template)",
    subject: "A print page that asks for files on other hosts.",
    author: "Fixture organisation",
    language: "en-GB",
    keywords: ["template"],
    footer: "Fixture organisation",
    draft: false,
    paperSize: "A4",
    printedOn: "2026-05-01",
  },
];
let browser: Browser;
const temporaryDirs: string[] = [];

async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "charterbook-pdf-lock-"));
  temporaryDirs.push(dir);
  await cp(fixture, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("locked-down PDF rendering", () => {
  it("aborts and reports every request outside the served site, and still prints the page", async () => {
    const siteDir = await copyFixture();
    const lines: string[] = [];
    const [pdf] = await renderPdfs({ siteDir, jobs, browser, log: (line) => lines.push(line) });
    expect(pdf?.blockedRequests).toEqual(
      expect.arrayContaining([
        "http://169.254.169.254/latest/meta-data/print.css",
        "https://tracker.example.invalid/pixel.png",
      ]),
    );
    // Chrome refuses file:// from an http page itself; if it ever asks, the request is aborted too.
    for (const url of pdf?.blockedRequests ?? []) expect(url).not.toMatch(/^http:\/\/127\.0\.0\.1/);
    expect(lines).toContain(
      "PDF  pdf/template-remote.pdf: blocked a request to https://tracker.example.invalid/pixel.png (only the built site may be loaded while printing)",
    );
    expect(
      (await readFile(path.join(siteDir, "pdf/template-remote.pdf"))).subarray(0, 5).toString(),
    ).toBe("%PDF-");
  });

  it("stops with install instructions when no browser is found, leaving the site's PDFs as they were", async () => {
    const siteDir = await copyFixture();
    const previous = path.join(siteDir, "pdf/template-remote.pdf");
    await mkdir(path.dirname(previous), { recursive: true });
    await writeFile(previous, "the PDF from the last good build");
    const saved = process.env["PUPPETEER_EXECUTABLE_PATH"];
    process.env["PUPPETEER_EXECUTABLE_PATH"] = path.join(siteDir, "no-such-chrome");
    try {
      const failure = await renderPdfs({ siteDir, jobs }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BrowserNotFoundError);
      expect((failure as Error).message).toContain("PUPPETEER_EXECUTABLE_PATH is set to");
    } finally {
      if (saved === undefined) delete process.env["PUPPETEER_EXECUTABLE_PATH"];
      else process.env["PUPPETEER_EXECUTABLE_PATH"] = saved;
    }
    expect(await readFile(previous, "utf8")).toBe("the PDF from the last good build");
    expect(await readdir(path.join(siteDir, "pdf"))).toEqual(["template-remote.pdf"]);
  });
});
