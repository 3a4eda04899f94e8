import { cp, mkdtemp, readFile, rm, stat, appendFile, mkdir, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSite } from "../../scripts/build/pipeline.ts";

let work: string;
let site: string;

// A content folder outside the repository, as a second organisation or the benchmark would use.
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-images-"));
  const content = path.join(work, "content");
  await cp(path.resolve("content"), content, { recursive: true });
  await mkdir(path.join(content, "guide", "images"));
  await copyFile(
    path.resolve("site/assets/images/favicon.svg"),
    path.join(content, "guide", "images", "mark.svg"),
  );
  await appendFile(
    path.join(content, "guide", "getting-started.md"),
    "\n![The community's mark](images/mark.svg)\n",
  );
  site = path.join(work, "_site");
  await renderSite({ contentDir: content, outputDir: site, printPages: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("content images from a content folder outside the repository", () => {
  it("are published beside their page's content folder and the page points at them", async () => {
    const html = await readFile(path.join(site, "guide/getting-started/index.html"), "utf8");
    const src = /<img src="([^"]+)" alt="The community's mark">/.exec(html)?.[1];
    expect(src).toBe("/guide/images/mark.svg");
    expect((await stat(path.join(site, src!))).isFile()).toBe(true);
  });

  it("resolve on the print page the guide PDF is made from", async () => {
    const html = await readFile(path.join(site, "print/communities/north-east/index.html"), "utf8");
    expect(html).toContain('<img src="/guide/images/mark.svg" alt="The community\'s mark">');
  });
});
