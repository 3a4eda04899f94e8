/**
 * `npm run bench`: measures the build against bare Eleventy and a plain-Node
 * floor on synthetic content of 100, 1,000 and 10,000 pages, then the PDF
 * renderer, the search payload and live preview, and writes docs/benchmarks.md.
 *
 *   npm run bench -- --sizes 100,1000 --runs 3 --only floor,bare-eleventy
 *   npm run bench -- --quick          (100 and 1,000 pages, one run each)
 *
 * Not part of npm test: timings depend on the machine, so no test checks them.
 */
import { existsSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatReport } from "./bench/report.ts";
import type { BenchResults } from "./bench/results.ts";
import { corpusDir, outputDir, runBuilds } from "./bench/run-builds.ts";
import { variants } from "./bench/variants.ts";
import { benchLivePreview } from "./bench/live-preview.ts";
import { benchPdf } from "./bench/pdf-bench.ts";
import { benchSearchPayload } from "./bench/search-payload.ts";

const extraParts = ["pdf", "search-payload", "live-preview"] as const;
const partNames = [...variants.map((v) => v.id), ...extraParts];

const usage = `Usage: npm run bench -- [--sizes 100,1000,10000] [--runs 3] [--quick] [--only PART,...] [--out FILE] [--work DIR]
  --quick   100 and 1,000 pages, one run of each variant
  --only    any of: ${partNames.join(", ")}
  --out     the results file (default docs/benchmarks.md); --out - prints only`;

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      sizes: { type: "string" },
      runs: { type: "string" },
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string", default: "docs/benchmarks.md" },
      work: { type: "string", default: path.join(tmpdir(), "charterbook-bench") },
    },
    usage,
  );
  const sizes = parseList(
    values.sizes ?? (values.quick ? "100,1000" : "100,1000,10000"),
    "--sizes",
  );
  const runs = parseList(values.runs ?? (values.quick ? "1" : "3"), "--runs")[0]!;
  const only = values.only?.split(",").map((part) => part.trim()) ?? partNames;
  const unknown = only.filter((part) => !partNames.includes(part as (typeof partNames)[number]));
  if (unknown.length) throw new UsageError(`--only does not know ${unknown.join(", ")}.\n${usage}`);
  const workDir = path.resolve(values.work);
  await mkdir(workDir, { recursive: true });
  const log = (line: string) => console.error(line);

  const startedAt = new Date().toISOString();
  const builds = await runBuilds({
    sizes,
    runs,
    variants: variants.filter((v) => only.includes(v.id)),
    workDir,
    log,
  });
  const results: BenchResults = {
    startedAt,
    finishedAt: startedAt,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    runs,
    ...builds,
  };

  if (only.includes("pdf")) {
    results.pdf = await benchPdf({ workDir, log });
  }
  if (only.includes("search-payload")) {
    const size = Math.max(...sizes);
    const site = outputDir(workDir, size, "ours-search");
    if (!existsSync(path.join(site, "pagefind"))) {
      results.skipped.push({
        part: "Search payload",
        reason: `needs the site built with search at ${size} pages (run the ours-search variant too).`,
      });
    } else results.search = await benchSearchPayload({ siteDir: site, size, log });
  }
  if (only.includes("live-preview")) {
    const size = 1000;
    results.livePreview = await benchLivePreview({
      contentDir: corpusDir(workDir, size),
      size,
      workDir,
      log,
    });
  }

  results.finishedAt = new Date().toISOString();
  const report = formatReport(results);
  console.log(report);
  if (values.out !== "-") {
    await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
    // Formatted as the repository's Prettier settings would, so npm test's prettier --check passes.
    const options = (await resolveConfig(path.resolve(values.out))) ?? {};
    await writeFile(values.out, await format(report, { ...options, parser: "markdown" }));
    await writeFile(path.join(workDir, "results.json"), JSON.stringify(results, null, 2));
    log(`Wrote ${values.out} (raw results: ${path.join(workDir, "results.json")}).`);
  }
  return 0;
});

function parseList(text: string, flag: string): number[] {
  const numbers = text.split(",").map((part) => Number(part.trim()));
  if (!numbers.length || numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new UsageError(
      `${flag} takes whole numbers separated by commas, such as 100,1000; not "${text}".\n${usage}`,
    );
  }
  if (flag === "--sizes" && numbers.some((n) => n < 20)) {
    throw new UsageError(
      `--sizes must each be at least 20 pages (a corpus needs its shared pages and one community).\n${usage}`,
    );
  }
  return numbers;
}
