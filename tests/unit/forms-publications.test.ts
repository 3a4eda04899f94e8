import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../scripts/content/load-content.ts";
import { formatProblems } from "../../scripts/content/problems.ts";
import { validateFiles } from "../../scripts/content/validate-content.ts";
import { guideContents, publicationContents } from "../../scripts/model/print-guide.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { baseTree } from "./validate-fixture-tree.ts";

/**
 * Publications: a toolkit (or the guide itself) is a collection of its own, with its order,
 * groups and PDF; a community's printed guide binds what the site or the community chooses, so a
 * toolkit's templates no longer grow every guide.
 */

const encoder = new TextEncoder();
function readTree(dir: string, prefix = ""): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const relativePath = prefix ? `${prefix}/${name}` : name;
    const absolute = path.join(dir, name);
    return statSync(absolute).isDirectory()
      ? readTree(absolute, relativePath)
      : [{ relativePath, bytes: new Uint8Array(readFileSync(absolute)) }];
  });
}
const base = readTree(baseTree);
const text = (relativePath: string) =>
  new TextDecoder().decode(base.find((f) => f.relativePath === relativePath)!.bytes);
const file = (relativePath: string, content: string): SourceFile => ({
  relativePath,
  bytes: encoder.encode(content),
});

const toolkit = file(
  "publications/review-kit.md",
  `---
title: Review kit
summary: What a group needs to review itself.
groups:
  - title: Before you start
    items:
      - chapter: first-steps
  - title: The review
    items:
      - template: review
      - appendix: roadmap
---

How to use the kit.
`,
);
const guide = file(
  "publications/guide.md",
  `---
title: The guide
summary: The national guide.
kind: guide
groups:
  - title: Chapters
    items:
      - chapter: first-steps
  - title: Forms
    items:
      - template: notes
      - template: review
---

The guide.
`,
);
const review = file(
  "templates/review.md",
  `---
title: Annual review
summary: A yearly review.
blocks:
  - type: checklist
    label: Review
    items:
      - Share the results.
---

Once a year.
`,
);

function model(files: SourceFile[]): SiteModel {
  const result = validateFiles(files);
  expect(formatProblems(result.problems)).toBe("");
  return result.model!;
}
const titles = (m: SiteModel) =>
  m.guideParts(m.communities[0]!).map((part) => `${part.kicker}: ${part.document.title}`);

describe("what a community's printed guide binds", () => {
  it("without a choice: every chapter, the appendices, and the templates in no publication", () => {
    const m = model([...base, review, toolkit]);
    expect(titles(m)).toEqual([
      "Chapter 1: First steps",
      "Appendix: Roadmap",
      "Template: Meeting notes",
    ]);
  });

  it("the publications the site chooses, in their order and groups, each part once", () => {
    const site = file(
      "site.yaml",
      `${text("site.yaml")}guide_publications:\n  - guide\n  - review-kit\n`,
    );
    const m = model([
      ...base.filter((f) => f.relativePath !== "site.yaml"),
      site,
      review,
      toolkit,
      guide,
    ]);
    expect(titles(m)).toEqual([
      "Chapters: First steps",
      "Forms: Meeting notes",
      "Forms: Annual review",
      "The review: Roadmap",
    ]);
    expect(m.guideKey(m.communities[0]!)).toBe("guide review-kit");
    expect(
      guideContents(m, m.communities[0]!.charter!.versions.at(-1)!)
        .filter((entry) => entry.level === 1)
        .map((entry) => entry.id),
    ).toEqual([
      "charter",
      "ground-rules",
      "chapter-first-steps",
      "template-notes",
      "template-review",
      "roadmap",
    ]);
  });

  it("the community's own choice over the site's", () => {
    const site = file("site.yaml", `${text("site.yaml")}guide_publications:\n  - guide\n`);
    const index = file(
      "communities/pilot/index.md",
      text("communities/pilot/index.md").replace(
        "contacts:",
        "guide_publications:\n  - review-kit\ncontacts:",
      ),
    );
    const m = model([
      ...base.filter(
        (f) => f.relativePath !== "site.yaml" && f.relativePath !== "communities/pilot/index.md",
      ),
      site,
      index,
      review,
      toolkit,
      guide,
    ]);
    expect(titles(m)).toEqual([
      "Before you start: First steps",
      "The review: Annual review",
      "The review: Roadmap",
    ]);
  });
});

describe("a publication", () => {
  it("has its own page, parts in groups, PDF and contents, and no community's draft mark", () => {
    const m = model([...base, review, toolkit]);
    const kit = m.publications[0]!;
    expect(kit.url).toBe("/publications/review-kit/");
    expect(kit.typeLabel).toBe("Toolkit");
    expect(kit.groups.map((group) => [group.title, group.parts.map((p) => p.title)])).toEqual([
      ["Before you start", ["First steps"]],
      ["The review", ["Annual review", "Roadmap"]],
    ]);
    expect(m.templates.find((t) => t.slug === "review")!.publications).toEqual([kit]);
    expect(m.pdfFor(kit)).toMatchObject({
      kind: "publication",
      file: "pdf/publication-review-kit.pdf",
      urlPath: "/print/publications/review-kit/",
      title: "Review kit",
      draft: false,
    });
    expect(
      publicationContents(kit).map((entry) => [entry.group ?? "", entry.level, entry.id]),
    ).toEqual([
      ["Before you start", 1, "chapter-first-steps"],
      ...publicationContents(kit)
        .filter((entry) => entry.id.startsWith("chapter-first-steps-"))
        .map((entry) => ["", 2, entry.id]),
      ["The review", 1, "template-review"],
      ["", 1, "roadmap"],
    ]);
  });

  it("prints templates with form fields, and examples and publications without", () => {
    const m = model([...base, review, toolkit]);
    expect(m.pdfs.map((job) => [job.file, job.formFields ?? false])).toEqual([
      ["pdf/pilot-guide.pdf", false],
      ["pdf/pilot-charter.pdf", false],
      ["pdf/pilot-ground-rules.pdf", false],
      ["pdf/template-review.pdf", true],
      ["pdf/template-notes.pdf", true],
      ["pdf/publication-review-kit.pdf", false],
    ]);
  });
});
