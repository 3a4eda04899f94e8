import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkTargets,
  formatReport,
  growth,
  median,
  ratio,
  summarise,
} from "../../scripts/bench/report.ts";
import type { BenchResults, RunRecord } from "../../scripts/bench/results.ts";
import { runBuilds } from "../../scripts/bench/run-builds.ts";
import { variants, type VariantId } from "../../scripts/bench/variants.ts";

const record = (
  size: number,
  variant: VariantId,
  round: number,
  ms: number,
  rssMb = 100,
): RunRecord => ({
  size,
  variant,
  round,
  ms,
  innerMs: ms - 200,
  peakRssBytes: rssMb * 1024 * 1024,
  pages: size,
});

const results = (records: RunRecord[]): BenchResults => ({
  startedAt: "2026-11-23T10:00:00.000Z",
  finishedAt: "2026-11-23T10:05:00.000Z",
  machine: { cpus: 2, cpuModel: "Test CPU", memoryGb: 8, node: "v20.0.0" },
  command: "npm run bench",
  runs: 3,
  corpora: [],
  records,
  skipped: [],
});

describe("summarise", () => {
  it("reports the median and the min-max spread of each variant at each size", () => {
    const stats = summarise([
      record(1000, "floor", 1, 300),
      record(1000, "floor", 2, 100),
      record(1000, "floor", 3, 200, 150),
    ]);
    expect(stats).toEqual([
      {
        size: 1000,
        variant: "floor",
        runs: 3,
        medianMs: 200,
        minMs: 100,
        maxMs: 300,
        medianInnerMs: 0,
        peakRssBytes: 150 * 1024 * 1024,
        pages: 1000,
      },
    ]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("computes ratios against bare Eleventy and growth from 1,000 to 10,000 pages", () => {
    const stats = summarise([
      record(1000, "bare-eleventy", 1, 2000),
      record(1000, "ours-site", 1, 2400),
      record(10_000, "bare-eleventy", 1, 20_000),
      record(10_000, "ours-site", 1, 30_000),
    ]);
    expect(ratio(stats, 1000, "ours-site", "bare-eleventy")).toBe(1.2);
    expect(ratio(stats, 10_000, "ours-site", "bare-eleventy")).toBe(1.5);
    expect(ratio(stats, 1000, "ours-search", "bare-eleventy")).toBeUndefined();
    expect(growth(stats, "ours-site", 1000, 10_000)).toBe(12.5);
  });
});

describe("checkTargets", () => {
  it("marks each measured target pass or miss and the rest not measured", () => {
    const checks = checkTargets(
      results([
        record(1000, "bare-eleventy", 1, 2000),
        record(1000, "ours-site", 1, 2400),
        record(1000, "validation", 1, 800),
        record(10_000, "bare-eleventy", 1, 20_000),
        record(10_000, "ours-site", 1, 30_000, 1200),
        record(10_000, "ours-search", 1, 60_000, 2000),
        record(10_000, "pagefind-alone", 1, 25_000, 1800),
        record(10_000, "pagefind-bare", 1, 19_000, 1700),
        record(10_000, "validation", 1, 12_000),
      ]),
    );
    const result = (start: string) => checks.find((c) => c.target.startsWith(start));
    expect(result("Site only ≤ 1.25× bare Eleventy at 1,000 pages")).toMatchObject({
      measured: "1.20×",
      pass: true,
    });
    expect(result("Site only ≤ 1.25× bare Eleventy at 10,000 pages")).toMatchObject({
      measured: "1.50×",
      pass: false,
    });
    expect(result("With search ≤ 1.6× bare Eleventy at 1,000 pages")?.pass).toBeUndefined();
    // Beside a search build's ratio, the share of it that is Pagefind's own, and the least bare
    // Eleventy followed by Pagefind on its own site takes (20 s + 19 s against 20 s).
    expect(result("With search ≤ 1.6× bare Eleventy at 10,000 pages")).toMatchObject({
      measured: "3.00× (Pagefind alone 1.25×; bare Eleventy then Pagefind 1.95×)",
      pass: false,
    });
    expect(result("3. Ours, site only: growth")).toMatchObject({ measured: "12.50×", pass: false });
    expect(result("2. Bare Eleventy 3: growth")).toMatchObject({ measured: "10.00×", pass: true });
    expect(result("Validation alone < 1 ms per page at 1,000 pages")).toMatchObject({
      measured: "0.80 ms (0.60 ms in process)",
      pass: true,
    });
    expect(result("Validation alone < 1 ms per page at 10,000 pages")?.pass).toBe(false);
    expect(result("Peak memory at 10,000 pages with search")).toMatchObject({
      measured:
        "2000 MB (site only 1200 MB; Pagefind alone 1800 MB; Pagefind on bare Eleventy's site 1700 MB)",
      pass: false,
    });
    expect(result("PDF: one browser launch")?.pass).toBeUndefined();
    expect(result("Live preview")?.pass).toBeUndefined();
  });
});

describe("the harness", () => {
  const workDirs: string[] = [];
  afterAll(() => Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it(
    "runs each chosen variant on a real corpus and reports what it ran",
    { timeout: 120_000 },
    async () => {
      const workDir = await mkdtemp(path.join(tmpdir(), "bench-harness-"));
      workDirs.push(workDir);
      const chosen = variants.filter((v) =>
        ["floor", "bare-eleventy", "validation"].includes(v.id),
      );
      const lines: string[] = [];
      const builds = await runBuilds({
        sizes: [30],
        runs: 1,
        variants: chosen,
        workDir,
        log: (line) => lines.push(line),
      });

      expect(builds.corpora).toMatchObject([
        { size: 30, communities: 5, chapters: 8, templates: 3 },
      ]);
      expect(builds.records.map((r) => [r.variant, r.round, r.pages])).toEqual([
        ["floor", 1, 30],
        ["bare-eleventy", 1, 30],
        ["validation", 1, 31], // validation also checks site.yaml
      ]);
      for (const r of builds.records) {
        expect(r.ms).toBeGreaterThan(r.innerMs);
        expect(r.peakRssBytes).toBeGreaterThan(20 * 1024 * 1024);
      }
      expect(lines[0]).toBe("30 pages: 5 communities, 8 chapters, 3 templates");

      const report = formatReport({ ...results(builds.records), corpora: builds.corpora, runs: 1 });
      const rows = report.split("\n").filter((line) => /^\| 30 \| \d\. /.test(line));
      expect(rows.map((row) => row.split(" | ")[1])).toEqual([
        "1. Floor (read Markdown, write HTML)",
        "2. Bare Eleventy 3",
        "5. Validation alone",
      ]);
      expect(rows[1]).toContain("| 1.00× |");
      expect(report).toContain("| 30 | 5 | 8 | 3 |");
      expect(report).toMatch(
        /\| Validation alone < 1 ms per page at 30 pages \(wall time, start-up included\) \| [\d.]+ ms/,
      );
    },
  );

  it("says which variants it could not run and why", { timeout: 60_000 }, async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), "bench-harness-"));
    workDirs.push(workDir);
    const notWritten = {
      id: "ours-site" as const,
      label: "3. Ours, site only",
      needs: ["scripts/site/not-written-yet.ts"],
    };
    const builds = await runBuilds({ sizes: [20], runs: 1, variants: [notWritten], workDir });
    expect(builds.records).toEqual([]);
    expect(builds.skipped).toEqual([
      { part: "3. Ours, site only", reason: "scripts/site/not-written-yet.ts does not exist yet." },
    ]);
  });
});
