import { readFile } from "node:fs/promises";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/pdf/find-browser.ts";
import { describeOverflow, findOverflow } from "../../scripts/pdf/find-overflow.ts";
import { pageBoxes, pageRules } from "../../scripts/pdf/page-rules.ts";
import { openPdf } from "./helpers/read-pdf.ts";
import { contentScale } from "./pdf-read-layout.ts";

let browser: Browser;
/** The print pages' own styles: the site's, then print.css. */
let styles: string;

beforeAll(async () => {
  browser = await launchBrowser();
  styles = (
    await Promise.all(
      ["site/assets/css/site.css", "site/assets/pdf/print.css"].map((file) =>
        readFile(file, "utf8"),
      ),
    )
  ).join("\n");
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const longWord = "https://example.org/" + "a-path-without-any-space/".repeat(6);

/**
 * A small print page as a guide is: a cover (Chrome decides whether to shrink on the first page,
 * which has no running header), a chapter with a string that cannot break, a clipped drawing and
 * a grid as wide as a landscape page.
 */
function printPage(wide: boolean): string {
  return `<!doctype html><html lang="en-GB"><head><style>
    ${styles}
    ${pageRules({ header: "Fixture", footer: "Fixture" })}
    body { margin: 0; font: 10pt sans-serif; }
    .grid { page: roadmap; width: 900px; }
    .clip { overflow: hidden; width: 200px; }
  </style></head><body class="print">
    <section class="cover">A cover</section>
    <article data-source="content/guide/wide.md">
      <h1>A chapter</h1>
      <p>See <code${wide ? ' style="white-space: nowrap"' : ""}>${longWord}</code> for more.</p>
      <div class="clip"><svg width="1200" height="20"><rect width="1200" height="20"/></svg></div>
    </article>
    <article data-source="content/roadmap.md"><div class="grid">A grid as wide as a landscape page allows.</div></article>
  </body></html>`;
}

async function open(wide: boolean): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(printPage(wide), { waitUntil: "load" });
  return page;
}

async function printedScale(page: Page): Promise<number> {
  const pdf = await openPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  try {
    return await contentScale(pdf, 2);
  } finally {
    await pdf.destroy();
  }
}

describe("the check for content wider than the page", () => {
  it("names the file and the element Chrome would shrink every page for, and Chrome does shrink it", async () => {
    const page = await open(true);
    try {
      const overflows = await findOverflow(page, pageBoxes("A4"));
      expect(overflows).toEqual([
        {
          source: "content/guide/wide.md",
          element: `<code> "${longWord.slice(0, 60)}…"`,
          reachPx: expect.any(Number),
          availablePx: 658,
          pageName: "default",
        },
      ]);
      expect(overflows[0]!.reachPx).toBeGreaterThan(900);
      // What the warning guards against: Chrome prints the whole document smaller.
      expect(await printedScale(page)).toBeLessThan(0.9);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("finds nothing when long strings break, a drawing is clipped and a wide grid is on a landscape page", async () => {
    const page = await open(false);
    try {
      expect(await findOverflow(page, pageBoxes("A4"))).toEqual([]);
      expect(await printedScale(page)).toBeCloseTo(1, 3);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("puts the findings in a warning a contributor can act on", () => {
    expect(
      describeOverflow("pdf/north-east-guide.pdf", [
        {
          source: "content/guide/wide.md",
          element: '<code> "https://example.org/a-path"',
          reachPx: 1011,
          availablePx: 658,
          pageName: "default",
        },
      ]),
    ).toBe(
      "pdf/north-east-guide.pdf: an element is wider than the page, so Chrome shrinks every page of this PDF to about 65%:\n" +
        '  content/guide/wide.md: <code> "https://example.org/a-path" reaches 1011 px across a text area 658 px wide.\n' +
        "  Break the long text (a link with words instead of a bare address, a code span with spaces) or make the element narrower.",
    );
  });
});
