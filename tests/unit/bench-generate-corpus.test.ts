import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, planCorpus } from "../../scripts/bench/generate-corpus.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";

const dirs: string[] = [];
const scratch = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-corpus-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("planCorpus", () => {
  it("splits every benchmark size into exactly that many pages", () => {
    for (const pages of [20, 100, 1000, 10_000]) {
      const plan = planCorpus(pages);
      expect(plan.communities * 3 + plan.chapters + plan.templates + plan.singles).toBe(pages);
    }
  });

  it("grows communities with the corpus while the shared guide stays a guide's length", () => {
    expect(planCorpus(100)).toEqual({
      pages: 100,
      communities: 28,
      chapters: 9,
      templates: 3,
      singles: 4,
    });
    expect(planCorpus(1000)).toEqual({
      pages: 1000,
      communities: 322,
      chapters: 22,
      templates: 8,
      singles: 4,
    });
    expect(planCorpus(10_000)).toEqual({
      pages: 10_000,
      communities: 3322,
      chapters: 22,
      templates: 8,
      singles: 4,
    });
  });

  it("refuses a corpus too small to hold the shared pages", () => {
    expect(() => planCorpus(10)).toThrow("A corpus needs at least 20 pages, not 10.");
  });
});

describe("generateCorpus", () => {
  it("writes content that passes validation with no problems at all", async () => {
    const contentDir = await scratch();
    const summary = await generateCorpus({ contentDir, pages: 100 });
    const content = await validateContent(contentDir);
    expect(content.problems).toEqual([]);
    const count = (type: string) => content.files.filter((f) => f.type.name === type).length;
    expect(count("community")).toBe(summary.communities);
    expect(count("charter")).toBe(summary.communities);
    expect(count("ground-rules")).toBe(summary.communities);
    expect(count("chapter")).toBe(summary.chapters);
    expect(count("template")).toBe(summary.templates);
    expect(count("site")).toBe(1);
    expect(content.filesChecked).toBe(101); // 100 Markdown pages and site.yaml
  });

  it("gives charters realistic lengths and version histories, drafts and approved ones both", async () => {
    const contentDir = await scratch();
    await generateCorpus({ contentDir, pages: 100 });
    const content = await validateContent(contentDir);
    const charters = content.files.filter((f) => f.type.name === "charter");
    const sizes = await Promise.all(
      charters.map(async (f) => (await readFile(path.join(contentDir, f.relativePath))).byteLength),
    );
    expect(Math.min(...sizes)).toBeGreaterThan(6_000);
    expect(Math.max(...sizes)).toBeLessThan(30_000);
    const histories = charters.map((f) => (f.data.version_history as unknown[]).length);
    expect(Math.min(...histories)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...histories)).toBeGreaterThan(4);
    expect(new Set(charters.map((f) => f.data.status))).toEqual(new Set(["draft", "approved"]));
  });

  it("writes the same bytes for the same seed and different ones for another", async () => {
    const [a, b, c] = [await scratch(), await scratch(), await scratch()];
    await generateCorpus({ contentDir: a, pages: 40 });
    await generateCorpus({ contentDir: b, pages: 40 });
    await generateCorpus({ contentDir: c, pages: 40, seed: 2 });
    const read = async (dir: string) => {
      const files = (await readdir(dir, { recursive: true }))
        .filter((f) => /\.(md|yaml)$/.test(f))
        .sort();
      return Promise.all(
        files.map(async (f) => `${f}\n${await readFile(path.join(dir, f), "utf8")}`),
      );
    };
    expect(await read(b)).toEqual(await read(a));
    expect(await read(c)).not.toEqual(await read(a));
  });

  it("builds an exact plan, such as one community with a long guide for the PDF benchmark", async () => {
    const contentDir = await scratch();
    const summary = await generateCorpus({
      contentDir,
      pages: { communities: 1, chapters: 30, templates: 3 },
    });
    expect(summary.pages).toBe(3 + 30 + 3 + 4);
    const content = await validateContent(contentDir);
    expect(content.problems).toEqual([]);
    expect(content.files.filter((f) => f.type.name === "chapter")).toHaveLength(30);
  });
});
