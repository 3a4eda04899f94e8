import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexSearch, SearchIndexError } from "../../scripts/site/search-index.ts";

// A site of four pages as base.njk marks them: two members can search, a charter version and a
// print page they cannot. Pagefind runs for real on it.
const pages: Record<string, { searchable: boolean; word: string }> = {
  "index.html": { searchable: true, word: "zebra" },
  "communities/north/charter/index.html": { searchable: true, word: "yak" },
  "communities/north/charter/1.0/index.html": { searchable: false, word: "quokka" },
  "print/guide/index.html": { searchable: false, word: "wombat" },
};

const html = ({ searchable, word }: { searchable: boolean; word: string }) =>
  `<!doctype html><html lang="en-GB"><head><title>${word}</title></head><body>` +
  `<main${searchable ? " data-pagefind-body" : ""}><h1>${word}</h1><p>About the ${word}.</p></main></body></html>`;

let root: string;

async function makeSite(name: string): Promise<string> {
  const site = path.join(root, name);
  for (const [page, spec] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(site, page)), { recursive: true });
    await writeFile(path.join(site, page), html(spec));
  }
  return site;
}

/** The URLs and titles of the pages in a Pagefind bundle, read from its fragments. */
async function indexedPages(bundleDir: string): Promise<string[]> {
  const fragments = path.join(bundleDir, "fragment");
  const found: string[] = [];
  for (const file of await readdir(fragments)) {
    // A fragment is gzipped JSON behind Pagefind's own signature.
    const text = gunzipSync(await readFile(path.join(fragments, file))).toString("utf8");
    const fragment = JSON.parse(text.slice(text.indexOf("{"))) as {
      url: string;
      meta: { title: string };
    };
    found.push(`${fragment.url} ${fragment.meta.title}`);
  }
  return found.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "charterbook-search-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the search index", () => {
  it("holds the pages marked searchable and nothing else, and leaves no trace of its input", async () => {
    const site = await makeSite("found");
    const result = await indexSearch(site);
    expect(result.pages).toBe(2);
    expect(await indexedPages(path.join(site, "pagefind"))).toEqual([
      "/ zebra",
      "/communities/north/charter/ yak",
    ]);
    expect(existsSync(path.join(site, ".search-input"))).toBe(false);
    // The pages themselves are untouched.
    expect(await readFile(path.join(site, "index.html"), "utf8")).toBe(html(pages["index.html"]!));
  }, 60_000);

  it("indexes the pages a build names exactly as the pages it finds itself", async () => {
    const site = await makeSite("named");
    const named = Object.keys(pages)
      .filter((page) => pages[page]!.searchable)
      .map((page) => path.join(site, page));
    await indexSearch(site, { pages: named });
    expect(await indexedPages(path.join(site, "pagefind"))).toEqual(
      await indexedPages(path.join(root, "found", "pagefind")),
    );
  }, 60_000);

  it("removes its input folder when the index cannot be written", async () => {
    const site = await makeSite("failed");
    await writeFile(path.join(site, "pagefind"), "a file where the index must go");
    await expect(indexSearch(site)).rejects.toThrow(SearchIndexError);
    expect(existsSync(path.join(site, ".search-input"))).toBe(false);
  }, 60_000);
});
