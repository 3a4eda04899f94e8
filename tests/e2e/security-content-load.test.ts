/**
 * What is published is exactly what was validated: every kind of file a hostile pull request could
 * add to content/ to reach a template engine, the data cascade, a permalink or a file outside the
 * repository is refused by validation with its path and a fix, and a build of such a tree writes
 * nothing and runs nothing. Each family is tried at every depth of the content tree.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build/pipeline.ts";
import { InvalidContentError } from "../../scripts/build/validate-stage.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { fixtureTree, type FixtureTree } from "../unit/validate-fixture-tree.ts";

let tree: FixtureTree;
let marker: string;

beforeAll(async () => {
  tree = await fixtureTree("base");
  marker = path.join(tree.root, "code-ran.marker");
});
afterAll(() => tree.remove());

/** A Nunjucks or Liquid payload that writes the marker if any template engine ever renders it. */
const templatePayload = (file: string) =>
  `{{ "".constructor.constructor("return process")().getBuiltinModule("fs").writeFileSync(${JSON.stringify(file)}, "ran") }}\n`;
const scriptPayload = (file: string) =>
  `require("fs").writeFileSync(${JSON.stringify(file)}, "ran"); module.exports = {};\n`;

/** Places in the content tree a contributor can add a file: the root and each depth below it. */
const depths = ["", "guide/", "communities/pilot/", "communities/pilot/images/deep/"];

interface HostileCase {
  name: string;
  /** The path of the hostile entry, relative to content/. */
  entry: string;
  /** The path validation names (a hidden folder is named, not what is inside it). */
  reported?: string;
  code: string;
  create(contentDir: string): Promise<void>;
}

const fileCase = (entry: string, code: string, text: (marker: string) => string): HostileCase => ({
  name: entry,
  entry,
  code,
  async create(contentDir) {
    await mkdir(path.dirname(path.join(contentDir, entry)), { recursive: true });
    await writeFile(path.join(contentDir, entry), text(marker));
  },
});

const templateFormats = ["njk", "liquid", "html", "hbs", "mustache", "ejs", "haml", "pug", "webc"];
const codeFormats = ["11ty.js", "11ty.cjs", "11ty.mjs", "11ty.ts", "js", "cjs", "mjs", "json"];
const dataFiles = ["x.11tydata.json", "x.11tydata.js", "x.11tydata.mjs"];

const families: Record<string, HostileCase[]> = {
  "Eleventy template formats": depths.flatMap((depth) =>
    templateFormats.map((format) =>
      fileCase(`${depth}page.${format}`, "template-or-code-file", templatePayload),
    ),
  ),
  "JavaScript and JSON": depths.flatMap((depth) =>
    codeFormats.map((format) =>
      fileCase(`${depth}page.${format}`, "template-or-code-file", scriptPayload),
    ),
  ),
  "directory data files overriding a charter": depths.flatMap((depth) =>
    dataFiles.map((name) =>
      fileCase(`${depth}${name}`, "template-or-code-file", () =>
        JSON.stringify({
          permalink: "/communities/pilot/charter/",
          eleventyComputed: { approval_statement: "Approved by nobody." },
        }),
      ),
    ),
  ),
  "the same files as dotfiles": depths.flatMap((depth) =>
    [...templateFormats, ...codeFormats].map((format) =>
      fileCase(`${depth}.page.${format}`, "hidden-file", templatePayload),
    ),
  ),
  "ignore and settings files": depths.flatMap((depth) =>
    [".eleventyignore", ".gitignore", ".eleventy.js", ".htaccess"].map((name) =>
      fileCase(`${depth}${name}`, "hidden-file", () => "guide/first-steps.md\n"),
    ),
  ),
  "hidden folders": depths.map((depth) => ({
    ...fileCase(`${depth}.drafts/chapter.md`, "hidden-file", templatePayload),
    reported: `${depth}.drafts/`,
  })),
  "unknown files": [
    ...depths.flatMap((depth) =>
      ["notes.txt", "draft.docx", "data.yaml", "README"].map((name) =>
        fileCase(`${depth}${name}`, "unknown-file", () => "Some text.\n"),
      ),
    ),
    // Markdown outside the places content lives: a chapter must be guide/<slug>.md, and so on.
    ...["extra.md", "communities/pilot/extra.md", "guide/drafts/extra.md"].map((entry) =>
      fileCase(entry, "unknown-file", () => "---\ntitle: Extra\n---\n"),
    ),
  ],
  "symbolic links": [
    ["guide/passwd.md", "/etc/passwd"],
    ["guide/copy.md", "first-steps.md"],
    ["communities/copy", "pilot"],
    ["guide/etc", "/etc"],
    ["guide/images/elsewhere.png", "/usr/share/pixmaps/debian-logo.png"],
    ["guide/dangling.md", "no-such-file.md"],
    ["roadmap-link.md", "roadmap.md"],
  ].map(([entry, target]) => ({
    name: `${entry} -> ${target}`,
    entry: entry!,
    code: "symbolic-link",
    async create(contentDir: string) {
      await symlink(target!, path.join(contentDir, entry!));
    },
  })),
};

describe.each(Object.entries(families))("content with %s", (_family, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))(
    "%s is refused by validation with its path and a fix, and a build writes nothing",
    { timeout: 60_000 },
    async (_name, hostile) => {
      const work = await fixtureTree("base");
      try {
        await hostile.create(work.contentDir);
        const result = await validateContent(work.contentDir);
        const shown = work.shown(result.problems.map((p) => `${p.file} ${p.code}`).join("\n"));
        expect(shown).toContain(`content/${hostile.reported ?? hostile.entry} ${hostile.code}`);
        const problem = result.problems.find((p) => p.code === hostile.code)!;
        expect(problem.hint).toMatch(/Delete|Replace|Move|rename/);
        expect(result.model).toBeUndefined();

        const outputDir = path.join(work.root, "site");
        const failure = await build({ contentDir: work.contentDir, outputDir, pdf: false }).catch(
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(InvalidContentError);
        expect(existsSync(outputDir)).toBe(false);
        expect(existsSync(marker)).toBe(false);
      } finally {
        await work.remove();
      }
    },
  );
});

describe("content that looks like template code", () => {
  it("is shown as text on the page, never rendered", { timeout: 60_000 }, async () => {
    const work = await fixtureTree("base");
    try {
      await writeFile(
        path.join(work.contentDir, "guide/template-syntax.md"),
        "---\ntitle: Template syntax\norder: 2\nsummary: A chapter whose text looks like template code.\n---\n\n" +
          `Seven times seven is written {{ 7*7 }} in Nunjucks; {% include "base.njk" %} and {{ site.title }}.\n\n${templatePayload(marker)}`,
      );
      const outputDir = path.join(work.root, "site");
      await build({ contentDir: work.contentDir, outputDir, pdf: false });
      const html = await readFile(path.join(outputDir, "guide/template-syntax/index.html"), "utf8");
      expect(html).toContain("Seven times seven is written {{ 7*7 }} in Nunjucks");
      expect(html).toMatch(/\{% include .base\.njk. %\} and \{\{ site\.title \}\}/);
      expect(html).not.toMatch(/written 49 /);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await work.remove();
    }
  });

  it("---js front matter is refused before anything runs", { timeout: 60_000 }, async () => {
    const work = await fixtureTree("executable-front-matter");
    try {
      process.env.CHARTERBOOK_JS_MARKER = marker;
      const outputDir = path.join(work.root, "site");
      const failure = await build({ contentDir: work.contentDir, outputDir, pdf: false }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(InvalidContentError);
      expect((failure as InvalidContentError).problems.map((p) => p.code)).toContain(
        "executable-front-matter",
      );
      expect(existsSync(marker)).toBe(false);
    } finally {
      delete process.env.CHARTERBOOK_JS_MARKER;
      await work.remove();
    }
  });
});

/**
 * Controls: the payloads above are live. A stock Eleventy 3 given the same files renders the
 * dotfile template and runs the front matter, so the refusals are what protect the build.
 */
describe("the same payloads in a stock Eleventy 3", () => {
  const stockBuild = async (files: Record<string, string>) => {
    const root = path.join(tree.root, `stock-${Object.keys(files).length}-${Date.now()}`);
    const input = path.join(root, "input");
    await mkdir(input, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(input, name), text);
    const configPath = path.join(root, "stock.config.mjs");
    await writeFile(configPath, "export default function () {}\n");
    const stock = new Eleventy(input, path.join(root, "output"), { configPath, quietMode: true });
    stock.disableLogger();
    await stock.write();
  };

  it(
    "render a dotfile Nunjucks template, reaching the file system",
    { timeout: 60_000 },
    async () => {
      await rm(marker, { force: true });
      await stockBuild({ ".x.njk": templatePayload(marker) });
      expect(existsSync(marker)).toBe(true);
      await rm(marker, { force: true });
    },
  );

  it("run ---js front matter", { timeout: 60_000 }, async () => {
    await rm(marker, { force: true });
    process.env.CHARTERBOOK_JS_MARKER = marker;
    try {
      const fixture = path.resolve(
        "tests/fixtures/validate-executable-front-matter/communities/pilot/charter.md",
      );
      await stockBuild({ "page.md": await readFile(fixture, "utf8") });
      expect(existsSync(marker)).toBe(true);
    } finally {
      delete process.env.CHARTERBOOK_JS_MARKER;
      await rm(marker, { force: true });
    }
  });
});
