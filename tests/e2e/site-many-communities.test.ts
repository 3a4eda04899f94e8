/**
 * A national office with more communities than a list helps with: the home page, the guide and
 * search point to the list of communities rather than naming each one on every page. The site is
 * the benchmark's synthetic content (scripts/bench/generate-corpus.ts), rendered as a build does.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/bench/generate-corpus.ts";
import { renderSite } from "../../scripts/build/pipeline.ts";
import { SiteModel } from "../../scripts/model/site-model.ts";

let work: string;
let site: string;
let communities: string[];

const read = (file: string) => readFile(path.join(site, file), "utf8");
const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
/** Links to community pages, such as /communities/ardbridge-12/. */
const communityLinks = (html: string) =>
  [...main(html).matchAll(/href="\/communities\/([^/"]+)\/"/g)].map((match) => match[1]);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-many-"));
  site = path.join(work, "_site");
  // 330 pages make 105 communities: just past the limit.
  const corpus = await generateCorpus({ contentDir: path.join(work, "content"), pages: 330 });
  communities = corpus.communitySlugs;
  expect(communities.length).toBeGreaterThan(SiteModel.communitiesListedEverywhere);
  await renderSite({ contentDir: corpus.contentDir, outputDir: site });
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a site of more than a hundred communities", () => {
  it("lists every community on the list of communities", async () => {
    expect(new Set(communityLinks(await read("communities/index.html")))).toEqual(
      new Set(communities),
    );
  });

  it("points to that list from the home page, with how many there are, instead of a card each", async () => {
    const home = await read("index.html");
    expect(communityLinks(home)).toEqual([]);
    expect(main(home)).toContain(
      `<a href="/communities/">All ${communities.length} communities</a>, by name`,
    );
    expect(main(home)).not.toContain('class="card__meta"');
  });

  it("sends readers of the guide to a community's own page for its PDF", async () => {
    const guide = main(await read("guide/index.html"));
    expect(guide).not.toContain(": guide as a PDF");
    expect(guide).toContain('find it in the <a href="/communities/">list of communities</a>');
  });

  it("offers no filter by community in search, and each result still names its community", async () => {
    expect(await read("search/index.html")).not.toContain('id="search-community"');
    const charter = await read(`communities/${communities[0]}/charter/index.html`);
    expect(charter).toContain('data-pagefind-filter="type[data-search-type]"');
    expect(charter).toContain("community[data-search-community]");
  });

  it("keeps every page light: none is over 100 KB but the list of communities", async () => {
    const sizes = await Promise.all(
      ["index.html", "guide/index.html", "search/index.html", "templates/index.html"].map(
        async (file) => [file, (await read(file)).length] as const,
      ),
    );
    expect(sizes.filter(([, size]) => size > 100_000)).toEqual([]);
  });
});
