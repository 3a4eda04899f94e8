import { execFile } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import jsQRModule from "jsqr";
import type { Browser, Page } from "puppeteer-core";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../scripts/build/pipeline.ts";
import { checkGovernance } from "../../scripts/governance/check-governance.ts";
import { createRepo, runScript, type TestRepo } from "../governance/test-repo.ts";
import { launchChromium } from "./helpers/browser.ts";
import { openPdf, readPageTexts } from "./helpers/read-pdf.ts";
import { htmlFiles } from "./helpers/site-tree.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";

/*
 * A community's charter goes through three approved versions and a fourth proposed, each step
 * with the editor's helpers in a real git repository and each judged by the governance check;
 * then a shallow clone of it (no history) is built once, with its PDFs, for every test here.
 */
const run = promisify(execFile);
const today = "2026-06-01";
const harbour = "content/communities/harbour";
const address = "https://example.org/charterbook/communities/harbour/charter";
/** The organisation of the fixture's site.yaml, in the footer of the pages guides share. */
const organisation = "Harbour Office";

let repo: TestRepo;
let work: string;
let site: string;
let result: BuildResult;
let browser: Browser;
let server: StaticServer;
const stepProblems: string[] = [];

const axeSource = await readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** One step of the charter's life: a helper run as npm would, then the check against the last commit. */
async function step(command: "revise" | "approve", args: string[], label: string): Promise<void> {
  const done = await runScript(command, ["--community", "harbour", ...args], { cwd: repo.dir });
  if (done.code !== 0) throw new Error(`${label}: npm run ${command} failed:\n${done.stderr}`);
  const report = await checkGovernance({
    base: "HEAD",
    contentDir: path.join(repo.dir, "content"),
    today,
  });
  for (const p of report.problems)
    stepProblems.push(`${label}: ${p.severity} ${p.code} ${p.message}`);
}

const edit = (file: string, ...pairs: [string, string][]) =>
  repo.edit(`${harbour}/${file}`, (text) =>
    pairs.reduce((t, [from, to]) => {
      if (!t.includes(from)) throw new Error(`The test's edit found no "${from}" in ${file}.`);
      return t.replace(from, to);
    }, text),
  );

beforeAll(async () => {
  repo = await createRepo(path.resolve("tests/fixtures/versions-base/content"));
  await step("approve", ["--by", "Steering group", "--date", "2026-01-10"], "0.1 approved");
  await repo.commit("Version 0.1 approved");

  await edit(
    "charter.md",
    [
      "The group meets every month online.",
      "The group meets every two months, online or in person.",
    ],
    ["Meet regularly to solve problems together.", "Meet often to solve local problems together."],
  );
  await edit("ground-rules.md", [
    "Keep what others say confidential.",
    "Keep what others share confidential.",
  ]);
  await step(
    "revise",
    ["--reason", "Meetings every two months.", "--by", "Coordinator", "--date", "2026-02-01"],
    "0.2 proposed",
  );
  await repo.commit("Version 0.2");
  await step("approve", ["--by", "Steering group", "--date", "2026-02-15"], "0.2 approved");
  await repo.commit("Version 0.2 approved");

  // 0.3: reporting moves before meetings, a risk is added, a rule removed and one added.
  const charter = await repo.read(`${harbour}/charter.md`);
  const meetings = "## Meetings\n\nThe group meets every two months, online or in person.\n\n";
  const reporting =
    "## Reporting\n\nThe coordinator reports attendance to the steering group twice a year.\n";
  await repo.write(
    `${harbour}/charter.md`,
    charter.replace(meetings + reporting, `${reporting}\n${meetings.trimEnd()}\n`),
  );
  await edit(
    "charter.md",
    ["review_by: 2026-12-31", "review_by: 2026-05-31"],
    [
      "roles:\n",
      "  - risk: The room is not free on the day.\n    mitigation: The coordinator books a second room.\nroles:\n",
    ],
  );
  await edit("ground-rules.md", [
    "  - Switch your phone to silent.\n",
    "  - Ask before you share a colleague's story.\n",
  ]);
  await step(
    "revise",
    ["--reason", "Reporting first; one new rule.", "--by", "Coordinator", "--date", "2026-03-01"],
    "0.3 proposed",
  );
  await repo.commit("Version 0.3");
  await step("approve", ["--by", "Steering group", "--date", "2026-03-10"], "0.3 approved");
  await repo.commit("Version 0.3 approved");

  // 0.4, proposed: a section on membership and a new review date.
  await edit(
    "charter.md",
    ["review_by: 2026-05-31", "review_by: 2027-03-31"],
    ["## Purpose\n", "## Membership\n\nAnyone who works at the harbour may join.\n\n## Purpose\n"],
  );
  await step(
    "revise",
    ["--reason", "A section on membership.", "--by", "Coordinator", "--date", "2026-04-01"],
    "0.4 proposed",
  );
  await repo.commit("Version 0.4 proposed");

  // The site is built from a clone without history: the archive is in the content itself.
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-versions-"));
  await run("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, path.join(work, "clone")]);
  site = path.join(work, "_site");
  const previous = process.env.CHARTERBOOK_TODAY;
  process.env.CHARTERBOOK_TODAY = today;
  try {
    result = await build({
      contentDir: path.join(work, "clone/content"),
      outputDir: site,
      pdf: true,
    });
  } finally {
    if (previous === undefined) delete process.env.CHARTERBOOK_TODAY;
    else process.env.CHARTERBOOK_TODAY = previous;
  }
  server = await serveSite(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await repo?.remove();
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(site, file), "utf8");

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
  return page;
}

/** The text of each element, without the words only screen readers hear. */
const textsOf = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".visually-hidden").forEach((hidden) => hidden.remove());
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );

describe("a charter through three approved versions and a proposal", () => {
  it("passed the governance check at every step, built from a clone without history", async () => {
    // The only findings: version 0.3's review date passes the day before "today".
    expect(stepProblems).toEqual([
      "0.3 proposed: warning review-overdue The charter is overdue for review: review_by was 2026-05-31 (today is 2026-06-01).",
      "0.3 approved: warning review-overdue The charter is overdue for review: review_by was 2026-05-31 (today is 2026-06-01).",
    ]);
    const { stdout } = await run("git", ["rev-list", "--count", "HEAD"], {
      cwd: path.join(work, "clone"),
    });
    expect(stdout.trim()).toBe("1");
  });

  it("publishes each approved version and the proposal at its own address", async () => {
    const pages = await htmlFiles(site);
    for (const version of ["0.1", "0.2", "0.3", "0.4"]) {
      expect(pages).toContain(`communities/harbour/charter/${version}/index.html`);
      expect(pages).toContain(`communities/harbour/ground-rules/${version}/index.html`);
    }
    expect(pages.filter((p) => p.endsWith("/changes/index.html"))).toEqual([
      "communities/harbour/charter/0.2/changes/index.html",
      "communities/harbour/charter/0.3/changes/index.html",
      "communities/harbour/charter/0.4/changes/index.html",
    ]);
  });

  it("shows the version in force on the charter's page, and points to the proposal", async () => {
    const page = await open("/communities/harbour/charter/");
    const main = await textsOf(page, "main");
    expect(main[0]).toContain(
      "This page shows version 0.3, the version in force. Version 0.4, proposed by Coordinator on 1 April 2026, awaits approval by Steering group.",
    );
    expect(main[0]).not.toContain("Anyone who works at the harbour may join.");
    // Its review date, 31 May 2026, passed the day before "today".
    expect(await textsOf(page, ".charter-status dd")).toEqual([
      "0.3",
      "Review overdue Approved, but not reviewed since 31 May 2026",
      "Version 0.3, approved on 10 March 2026 by Steering group",
      "31 May 2026 (overdue)",
    ]);
    // The history lists every version, the proposal too, each linked to its text.
    expect(
      await page.$$eval(".version-history tbody th", (cells) =>
        cells.map((cell) => [
          cell.textContent?.trim(),
          cell.querySelector("a")?.getAttribute("href") ?? null,
        ]),
      ),
    ).toEqual([
      ["0.1: read version 0.1", "/communities/harbour/charter/0.1/"],
      ["0.2: read version 0.2", "/communities/harbour/charter/0.2/"],
      ["0.3", null],
      ["0.4: read version 0.4", "/communities/harbour/charter/0.4/"],
    ]);
    const rules = await open("/communities/harbour/ground-rules/");
    expect(await textsOf(rules, ".ground-rules li")).toEqual([
      "Arrive on time.",
      "Keep what others share confidential.",
      "Speak from your own experience.",
      "Ask before you share a colleague’s story.",
    ]);
    await page.close();
    await rules.close();
  });

  it("marks each earlier version superseded, by which version and when, with a link to the one in force", async () => {
    const page = await open("/communities/harbour/charter/0.1/");
    expect(await textsOf(page, ".banner--superseded p")).toEqual([
      "Superseded by 0.2 on 15 February 2026",
      "This is version 0.1, approved on 10 January 2026 by Steering group, kept for the record. It is no longer in force.",
      "Read version 0.3, the version in force",
    ]);
    expect(await page.$eval(".banner--superseded a", (a) => a.getAttribute("href"))).toBe(
      "/communities/harbour/charter/0.3/",
    );
    expect(await textsOf(page, "main .prose p")).toContain("The group meets every month online.");
    await page.close();
  });

  it("shows the proposal on its own page: who proposed it, who is to approve it, and what it changes", async () => {
    const page = await open("/communities/harbour/charter/0.4/");
    expect(await textsOf(page, "h1")).toEqual(["Harbour charter, proposed version 0.4"]);
    expect(await textsOf(page, ".banner--proposal p")).toEqual([
      "Proposal: version 0.4 is not yet approved",
      "Proposed by Coordinator on 1 April 2026, for approval by Steering group. A section on membership.",
      "Version 0.3, approved on 10 March 2026, stays in force until this proposal is approved: read version 0.3.",
      "See what this proposal changes, word by word",
    ]);
    expect(await textsOf(page, ".changes-summary li")).toEqual([
      "Review date changed from 31 May 2026 to 31 March 2027",
      "Section 1 (Membership) added",
    ]);
    await page.close();
  });

  it.each([
    [
      "0.2",
      ["Section 2 (Meetings) reworded", "Section 4 (Goals): goal 2 reworded"],
      ["Rule 2 reworded"],
      ["two months, online or in person", "often", "local", "share"],
      ["month online", "regularly", "say"],
    ],
    [
      "0.3",
      [
        "Review date changed from 31 December 2026 to 31 May 2026",
        "Section 2 (Meetings) moved after section 3 (Reporting)",
        "Section 5 (Risks and mitigations): risk 2 added",
      ],
      ["Rule 4 reworded"],
      [
        "May",
        "The room is not free on the day.",
        "The coordinator books a second room.",
        "Ask before you share a colleague’s story",
      ],
      ["December", "Switch your phone to silent"],
    ],
    [
      "0.4",
      ["Review date changed from 31 May 2026 to 31 March 2027", "Section 1 (Membership) added"],
      [],
      ["March 2027", "Anyone who works at the harbour may join."],
      ["May 2026"],
    ],
  ])(
    "lists what version %s changed in words, and marks each word inserted and deleted",
    async (version, charterChanges, ruleChanges, inserted, deleted) => {
      const page = await open(`/communities/harbour/charter/${version}/changes/`);
      const summary = await page.$$eval(".changes-summary ul", (lists) =>
        lists.map((list) => [...list.querySelectorAll("li")].map((li) => li.textContent)),
      );
      expect(summary).toEqual([charterChanges, ruleChanges].filter((list) => list.length));
      expect(await textsOf(page, ".changed-part ins")).toEqual(inserted);
      expect(await textsOf(page, ".changed-part del")).toEqual(deleted);
      // Screen readers hear each mark in words.
      expect(
        await page.$$eval("main ins, main del", (marks) =>
          marks.every(
            (mark) =>
              mark
                .querySelector(".visually-hidden")
                ?.textContent?.match(/^\[(inserted|deleted): $/) || mark.closest(".changes-legend"),
          ),
        ),
      ).toBe(true);
      await page.close();
    },
  );

  it("publishes an Atom feed of the approvals and the proposal, linked from every page", async () => {
    const xml = await read("feed.xml");
    const elements: string[] = [];
    const texts = new Map<string, string[]>();
    const links: string[] = [];
    let current = "";
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (tag) => {
      elements.push(`${tag.uri} ${tag.local}`);
      current = tag.local;
      if (tag.local === "link" && tag.attributes.rel?.value === "alternate")
        links.push(String(tag.attributes.href?.value));
    });
    parser.on("text", (text) => {
      if (text.trim()) texts.set(current, [...(texts.get(current) ?? []), text]);
    });
    parser.write(xml).close();
    const atom = "http://www.w3.org/2005/Atom";
    expect(elements[0]).toBe(`${atom} feed`);
    expect(elements.every((e) => e.startsWith(`${atom} `))).toBe(true);
    expect(elements.filter((e) => e === `${atom} entry`)).toHaveLength(4);
    expect(texts.get("title")).toEqual([
      "Charter changes: Harbour test site",
      "Harbour CoP: charter version 0.4 proposed",
      "Harbour CoP: charter version 0.3 approved",
      "Harbour CoP: charter version 0.2 approved",
      "Harbour CoP: charter version 0.1 approved",
    ]);
    expect(texts.get("updated")).toEqual([
      "2026-04-01T00:00:00+01:00",
      "2026-04-01T00:00:00+01:00",
      "2026-03-10T00:00:00+00:00",
      "2026-02-15T00:00:00+00:00",
      "2026-01-10T00:00:00+00:00",
    ]);
    // RFC 4287: every id an absolute IRI, every link absolute here since the site has a url.
    for (const id of texts.get("id") ?? [])
      expect(id).toMatch(/^https:\/\/example\.org\/charterbook\//);
    expect(texts.get("id")).toHaveLength(5);
    expect(links).toEqual([
      "https://example.org/charterbook/",
      `${address}/0.4/`,
      `${address}/0.3/`,
      `${address}/0.2/`,
      `${address}/0.1/`,
    ]);
    // Every reader's page: not the print pages, nor the content editor's (scripts/cms/admin-site.ts).
    const readersPages = (await htmlFiles(site)).filter(
      (f) => !f.startsWith("print/") && f !== "admin/index.html",
    );
    for (const file of readersPages)
      expect(await read(file), file).toContain(
        '<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="Charter changes: Harbour test site">',
      );
  });

  // At a phone's width only: the example site's test runs axe on the same kinds of page at both.
  it.each([[390, 844]])(
    "passes axe on every page of the archive at %ix%i",
    async (width, height) => {
      const violations: string[] = [];
      const pages = (await htmlFiles(site)).filter((file) =>
        file.startsWith("communities/harbour/"),
      );
      expect(pages.length).toBeGreaterThanOrEqual(14);
      for (const file of pages) {
        const page = await browser.newPage();
        await page.setViewport({ width, height });
        await page.goto(`${server.origin}/${file.replace(/index\.html$/, "")}`, {
          waitUntil: "load",
        });
        await page.evaluate(axeSource);
        const found = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(
                  o: object,
                ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          const outcome = await axe.run({
            runOnly: {
              type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
          });
          return outcome.violations.map(
            (v) =>
              `${v.id} (${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")})`,
          );
        });
        violations.push(...found.map((v) => `${file}: ${v}`));
        await page.close();
      }
      expect(violations).toEqual([]);
    },
    120_000,
  );
});

/** pdftotext's text of every page of a PDF of the built site (index 0 is page 1). */
async function pageTexts(file: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", path.join(site, file), "-"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .split("\f")
    .slice(0, -1)
    .map((page) => page.replace(/[ \t]+/g, " "));
}

// jsQR is a CommonJS bundle whose types declare an ES default export: under Node's interop the
// function is the module itself.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as typeof jsQRModule.default;

/** The QR code on a PDF's cover, decoded from the page as pdftoppm draws it. */
async function coverQrCode(file: string): Promise<string | undefined> {
  const { stdout } = await run(
    "pdftoppm",
    ["-r", "100", "-f", "1", "-l", "1", path.join(site, file)],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  // A binary PPM: "P6", width, height, the maximum value, then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 64).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = stdout.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set([rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, 255], i * 4);
  }
  return jsQR(rgba, width, height)?.data;
}

describe("the PDFs of every version", () => {
  it("prints the guide in force, the proposal's guide and each earlier version", () => {
    expect(result.pdfs.map((pdf) => pdf.file).sort()).toEqual([
      "pdf/harbour-charter-0.1.pdf",
      "pdf/harbour-charter-0.2.pdf",
      "pdf/harbour-charter.pdf",
      "pdf/harbour-ground-rules.pdf",
      "pdf/harbour-guide-0.4-draft.pdf",
      "pdf/harbour-guide.pdf",
      "pdf/template-notes.pdf",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [
      "pdf/harbour-guide.pdf",
      "0.3",
      [
        "Version 0.3",
        "Status Approved on 10 March 2026 by Steering group",
        "Review by 31 May 2026 (overdue)",
        "Printed 1 June 2026",
      ],
      "Version 0.3, approved on 10 March 2026 by Steering group",
      "Review by 31 May 2026 (overdue) · Printed 1 June 2026",
    ],
    [
      "pdf/harbour-guide-0.4-draft.pdf",
      "0.4",
      [
        "Version 0.4",
        "Status Draft, proposed by Coordinator on 1 April 2026 for approval by Steering group",
        "Review by 31 March 2027",
        "Printed 1 June 2026",
      ],
      "Version 0.4, draft, proposed by Coordinator on 1 April 2026 for approval by Steering group",
      "Review by 31 March 2027 · Printed 1 June 2026",
    ],
    [
      "pdf/harbour-charter-0.1.pdf",
      "0.1",
      [
        "Version 0.1",
        "Status Approved on 10 January 2026 by Steering group",
        "Superseded Superseded by 0.2 on 15 February 2026",
        "Review by 31 December 2026",
        "Printed 1 June 2026",
      ],
      "Version 0.1, approved on 10 January 2026 by Steering group; superseded by 0.2 on 15 February 2026",
      "Review by 31 December 2026 · Printed 1 June 2026",
    ],
  ])(
    "%s: provenance on the cover and in the footer of every page of the version, and a QR code of the page",
    async (file, version, cover, footer, footerSecond) => {
      const texts = await pageTexts(file);
      // The cover in reading order (a draft's watermark scatters letters through the layout).
      const pdf = await openPdf(await readFile(path.join(site, file)));
      const [coverText] = await readPageTexts(pdf);
      await pdf.destroy();
      for (const line of cover) expect(coverText, `${file} cover`).toContain(line);
      let sharedPages = 0;
      texts.slice(1).forEach((text, index) => {
        const lines = text
          .trimEnd()
          .split("\n")
          .map((line) => line.trim());
        // The chapters and templates every community's guide shares say whose guide it is.
        if (lines.at(-1) === `${organisation} Page ${index + 2} of ${texts.length}`) {
          sharedPages += 1;
          return;
        }
        expect(lines.at(-2), `${file} page ${index + 2}`).toMatch(
          new RegExp(
            `^${footer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Page ${index + 2} of ${texts.length}$`,
          ),
        );
        expect(lines.at(-1), `${file} page ${index + 2}`).toBe(footerSecond);
      });
      if (file.includes("-guide")) expect(sharedPages, file).toBeGreaterThan(0);
      else expect(sharedPages, file).toBe(0);
      expect(texts.length - 1 - sharedPages, file).toBeGreaterThan(1);
      expect(await coverQrCode(file)).toBe(`${address}/${version}/`);
    },
  );

  it("marks every page of an earlier version SUPERSEDED, and no page of the guide in force", async () => {
    for (const file of ["pdf/harbour-charter-0.1.pdf", "pdf/harbour-charter-0.2.pdf"]) {
      const texts = await pageTexts(file);
      expect(texts.length).toBeGreaterThan(2);
      texts.forEach((text, index) =>
        expect(text, `${file} page ${index + 1}`).toContain("SUPERSEDED"),
      );
    }
    for (const text of await pageTexts("pdf/harbour-guide.pdf"))
      expect(text).not.toContain("SUPERSEDED");
  });

  it("prints the proposal's changes after its version history", async () => {
    const texts = await pageTexts("pdf/harbour-guide-0.4-draft.pdf");
    const all = texts.join("\n");
    const history = all.indexOf("Version history\n");
    const changes = all.indexOf("Changes in this version\n", history);
    expect(history).toBeGreaterThan(0);
    expect(changes).toBeGreaterThan(history);
    expect(all.slice(changes)).toContain("Section 1 (Membership) added");
    expect(all.indexOf("1. Membership", changes)).toBeGreaterThan(changes);
  });
});
