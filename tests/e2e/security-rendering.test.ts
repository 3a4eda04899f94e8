import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { afterEach, describe, expect, it } from "vitest";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { runEleventy } from "../../scripts/site/run-eleventy.ts";
import { fixturesDir, fixtureTree, type FixtureTree } from "../unit/validate-fixture-tree.ts";

/**
 * The built site, not just the Markdown renderer, must keep content inert: template syntax an
 * editor writes is shown as text, and `---js` front matter never runs, even if validation is
 * skipped and Eleventy is called directly.
 */

const templateSyntaxChapter = `---
title: Template syntax
order: 2
summary: A chapter whose text looks like template code.
---

Seven times seven is written {{ 7*7 }} in Nunjucks.

An include looks like {% include "base.njk" %} and a variable like {{ site.title }}.

{% set secret = "leaked" %}{{ secret }}
`;

let tree: FixtureTree | undefined;
afterEach(async () => {
  delete process.env.CHARTERBOOK_JS_MARKER;
  await tree?.remove();
  tree = undefined;
});

/** The base tree without its image: the build copies content images separately, not under test here. */
async function buildableTree() {
  const built = await fixtureTree("base");
  await rm(path.join(built.contentDir, "guide/images"), { recursive: true });
  const chapter = path.join(built.contentDir, "guide/first-steps.md");
  await writeFile(chapter, (await readFile(chapter, "utf8")).replace(/\n!\[.*\]\(.*\)\n/, "\n"));
  return built;
}

describe("the built site keeps content inert", () => {
  it("shows template syntax in Markdown literally", { timeout: 120_000 }, async () => {
    tree = await buildableTree();
    await writeFile(path.join(tree.contentDir, "guide/template-syntax.md"), templateSyntaxChapter);
    expect((await validateContent(tree.contentDir)).problems).toEqual([]);

    const outputDir = path.join(tree.root, "site");
    await runEleventy({ contentDir: tree.contentDir, outputDir });
    const html = await readFile(path.join(outputDir, "guide/template-syntax/index.html"), "utf8");
    const main = html.slice(html.indexOf("Seven times seven"));
    expect(main).toContain("Seven times seven is written {{ 7*7 }} in Nunjucks.");
    expect(main).toMatch(
      /An include looks like \{% include .base\.njk. %\} and a variable like \{\{ site\.title \}\}\./,
    );
    expect(main).toMatch(/\{% set secret = .leaked. %\}\{\{ secret \}\}/);
    expect(main).not.toMatch(/written 49 /);
    expect(main).not.toContain("a variable like Fixture guide");
  });

  it(
    "refuses ---js front matter in the build before the code runs",
    { timeout: 120_000 },
    async () => {
      tree = await buildableTree();
      const marker = path.join(tree.root, "js-ran.marker");
      process.env.CHARTERBOOK_JS_MARKER = marker;
      await copyFile(
        path.join(fixturesDir, "validate-executable-front-matter/communities/pilot/charter.md"),
        path.join(tree.contentDir, "communities/pilot/charter.md"),
      );

      await expect(
        runEleventy({ contentDir: tree.contentDir, outputDir: path.join(tree.root, "site") }),
      ).rejects.toThrow(/JavaScript or JSON is refused/);
      expect(existsSync(marker)).toBe(false);
    },
  );

  it(
    "would run that same front matter in a stock Eleventy 3, so the refusal above is what protects",
    {
      timeout: 120_000,
    },
    async () => {
      tree = await fixtureTree("base");
      const marker = path.join(tree.root, "js-ran.marker");
      process.env.CHARTERBOOK_JS_MARKER = marker;
      const input = path.join(tree.root, "stock-input");
      await mkdir(input);
      await copyFile(
        path.join(fixturesDir, "validate-executable-front-matter/communities/pilot/charter.md"),
        path.join(input, "page.md"),
      );
      const configPath = path.join(tree.root, "stock.config.mjs");
      await writeFile(configPath, "export default function () {}\n");
      const stock = new Eleventy(input, path.join(tree.root, "stock-output"), {
        configPath,
        quietMode: true,
      });
      stock.disableLogger();
      await stock.write();
      expect(existsSync(marker)).toBe(true);
    },
  );
});
