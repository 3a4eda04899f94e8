import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typeOfCollection } from "../../scripts/cms/prepare-save.ts";
import {
  previewContext,
  previewDocument,
  previewPage,
  type PreviewResult,
} from "../../scripts/cms/preview-document.ts";

/**
 * The content editor's preview in-process: which files it reads beside the entry, which page it
 * shows the entry on, and the problems it lists instead, from the example content.
 */
const charter = "content/communities/north-east/charter.md";
const groundRules = "content/communities/advanced-mental-health/ground-rules.md";
const example = "content/examples/riverside-self-assessment.md";
const publication = "content/publications/self-assessment-toolkit.md";

/** The files the browser would read for an entry of `collection` at `file`, from the example content. */
async function contextOf(collection: string, file: string): Promise<Map<string, string>> {
  const { files, folders } = previewContext(typeOfCollection(collection), file);
  const found = new Map<string, string>();
  for (const name of files) found.set(name, await readFile(name, "utf8"));
  for (const { folder, depth } of folders) {
    const entries = await readdir(folder, { recursive: depth > 1 }).catch(() => []);
    for (const entry of entries.filter((name) => name.endsWith(".md")))
      found.set(path.posix.join(folder, entry), await readFile(path.join(folder, entry), "utf8"));
  }
  return found;
}

async function preview(collection: string, file: string, edit = (text: string) => text) {
  const text = edit(await readFile(file, "utf8"));
  return previewDocument(file, text, await contextOf(collection, file));
}

const pageOf = (result: PreviewResult) => {
  if ("problems" in result) throw new Error(JSON.stringify(result.problems));
  return { ...previewPage(result.document), title: result.document.title };
};

describe("the content editor's preview", () => {
  it("reads a community's archive beside its charter, and an example's template", () => {
    expect(previewContext(typeOfCollection("charter"), charter)).toEqual({
      files: [
        "content/site.yaml",
        "content/communities/north-east/index.md",
        "content/communities/north-east/charter.md",
        "content/communities/north-east/ground-rules.md",
      ],
      folders: [{ folder: "content/communities/north-east/versions", depth: 2 }],
    });
    expect(previewContext(typeOfCollection("example"), example)).toEqual({
      files: ["content/site.yaml"],
      folders: [{ folder: "content/templates", depth: 1 }],
    });
  });

  it("shows a charter awaiting approval on its proposal's page, against the version in force", async () => {
    const result = await preview("charter", charter);
    const page = pageOf(result);
    expect(page.layout).toBe("charter-version.njk");
    expect(page.data.pageHeading).toBe("Terms of Reference, proposed version 0.2");
    const version = page.data.version as { previous?: { version: string } };
    expect(version.previous?.version).toBe("0.1");
  });

  it("shows approved ground rules on their own page", async () => {
    expect(pageOf(await preview("ground-rules", groundRules)).layout).toBe("ground-rules.njk");
  });

  it("shows a completed example and a publication on their own pages", async () => {
    expect(pageOf(await preview("example", example))).toMatchObject({
      layout: "example.njk",
      title: "Riverside community mental health team, June 2026",
    });
    expect(pageOf(await preview("publication", publication))).toMatchObject({
      layout: "publication.njk",
      title: "Service self-assessment toolkit",
    });
  });

  it("lists an example's answer its template has no block for, as npm run validate does", async () => {
    const result = await preview("example", example, (text) =>
      text.replace("  name-of-the-service:", "  name-of-the-servce:"),
    );
    expect(
      "problems" in result
        ? result.problems.map((p) => `${p.field}: ${p.message} ${p.hint}`)
        : result,
    ).toEqual(["answers.name-of-the-servce: Unknown field. Did you mean name-of-the-service?"]);
  });

  it("lists a publication's part that names no file", async () => {
    const result = await preview("publication", publication, (text) =>
      text.replace("- template: case-study", "- template: case-studies"),
    );
    expect(
      "problems" in result
        ? result.problems.map((p) => `${p.field}: ${p.message} ${p.hint}`)
        : result,
    ).toEqual([
      'groups[2].items[0].template: There is no template "case-studies". Did you mean case-study?',
    ]);
  });
});
