/**
 * Turns benchmark results into the Markdown written to docs/benchmarks.md and
 * printed to the terminal: build times per size (median and min-max), ratios
 * against bare Eleventy, growth from 1,000 to 10,000 pages, peak memory, and
 * each target of issue 7 marked pass or miss.
 */
import type { BenchResults, RunRecord } from "./results.ts";
import { variants, type VariantId } from "./variants.ts";

/** Median, spread and peak memory of one variant at one size. */
export interface VariantStats {
  size: number;
  variant: VariantId;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianInnerMs: number;
  peakRssBytes: number;
  pages: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** undefined when the benchmark did not measure it in this run. */
  pass: boolean | undefined;
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(records: readonly RunRecord[]): VariantStats[] {
  const groups = new Map<string, RunRecord[]>();
  for (const record of records) {
    const key = `${record.size}:${record.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const order = (id: VariantId) => variants.findIndex((v) => v.id === id);
  return [...groups.values()]
    .map((runs) => {
      const times = runs.map((r) => r.ms);
      return {
        size: runs[0]!.size,
        variant: runs[0]!.variant,
        runs: runs.length,
        medianMs: median(times),
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        medianInnerMs: median(runs.map((r) => r.innerMs)),
        peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
        pages: runs[0]!.pages,
      };
    })
    .sort((a, b) => a.size - b.size || order(a.variant) - order(b.variant));
}

const find = (stats: readonly VariantStats[], size: number, variant: VariantId) =>
  stats.find((s) => s.size === size && s.variant === variant);

/** The ratio of two variants' median times at one size, or undefined when either is missing. */
export function ratio(
  stats: readonly VariantStats[],
  size: number,
  top: VariantId,
  bottom: VariantId,
): number | undefined {
  const a = find(stats, size, top);
  const b = find(stats, size, bottom);
  return a && b ? a.medianMs / b.medianMs : undefined;
}

/** How many times longer a variant takes at `to` pages than at `from`. */
export function growth(
  stats: readonly VariantStats[],
  variant: VariantId,
  from: number,
  to: number,
): number | undefined {
  const a = find(stats, from, variant);
  const b = find(stats, to, variant);
  return a && b ? b.medianMs / a.medianMs : undefined;
}

const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (x: number | undefined) => (x === undefined ? "n/a" : `${x.toFixed(2)}×`);
const mark = (pass: boolean | undefined) =>
  pass === undefined ? "not measured" : pass ? "pass" : "**miss**";
const thousands = (n: number) => n.toLocaleString("en-GB");

/** Checks every target of issue 7 that this run measured. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const stats = summarise(results.records);
  const checks: TargetCheck[] = [];
  const sizes = [1000, 10_000];
  for (const [variant, limit] of [
    ["ours-site", 1.25],
    ["ours-search", 1.6],
  ] as const) {
    for (const size of sizes) {
      const r = ratio(stats, size, variant, "bare-eleventy");
      // Pagefind's own share of the search build, measured on the same site; and the least bare
      // Eleventy with Pagefind takes.
      const pagefind = ratio(stats, size, "pagefind-alone", "bare-eleventy");
      const bareWithSearch = ratio(stats, size, "pagefind-bare", "bare-eleventy");
      const beside = [
        pagefind === undefined ? "" : `Pagefind alone ${times(pagefind)}`,
        bareWithSearch === undefined
          ? ""
          : `bare Eleventy then Pagefind ${times(1 + bareWithSearch)}`,
      ].filter(Boolean);
      checks.push({
        target: `${variant === "ours-site" ? "Site only" : "With search"} ≤ ${limit}× bare Eleventy at ${thousands(size)} pages`,
        measured:
          variant === "ours-search" && beside.length
            ? `${times(r)} (${beside.join("; ")})`
            : times(r),
        pass: r === undefined ? undefined : r <= limit,
      });
    }
  }
  for (const variant of variants) {
    const g = growth(stats, variant.id, 1000, 10_000);
    checks.push({
      target: `${variant.label}: growth 1,000 → 10,000 pages ≤ 11×`,
      measured: times(g),
      pass: g === undefined ? undefined : g <= 11,
    });
  }
  for (const size of [...new Set(stats.map((s) => s.size))]) {
    const v = find(stats, size, "validation");
    if (!v) continue;
    const perPage = v.medianMs / v.pages;
    checks.push({
      target: `Validation alone < 1 ms per page at ${thousands(size)} pages (wall time, start-up included)`,
      measured: `${perPage.toFixed(2)} ms (${(v.medianInnerMs / v.pages).toFixed(2)} ms in process)`,
      pass: perPage < 1,
    });
  }
  const peakAt10k = (variant: VariantId) => find(stats, 10_000, variant)?.peakRssBytes;
  const peak = peakAt10k("ours-search");
  const beside = [
    ["site only", peakAt10k("ours-site")],
    ["Pagefind alone", peakAt10k("pagefind-alone")],
    ["Pagefind on bare Eleventy's site", peakAt10k("pagefind-bare")],
  ].flatMap(([name, bytes]) => (bytes === undefined ? [] : [`${name} ${megabytes(+bytes)}`]));
  checks.push({
    target: "Peak memory at 10,000 pages with search < 1.5 GB",
    measured:
      peak === undefined
        ? "n/a"
        : `${megabytes(peak)}${beside.length ? ` (${beside.join("; ")})` : ""}`,
    pass: peak === undefined ? undefined : peak < 1.5 * 1024 ** 3,
  });
  const pdf = results.pdf;
  checks.push({
    target: "PDF: one browser launch per build",
    measured: pdf ? `${pdf.launches} launch${pdf.launches === 1 ? "" : "es"}` : "n/a",
    pass: pdf ? pdf.launches === 1 : undefined,
  });
  const long = pdf?.documents.find((d) => d.name.includes("200"));
  const longMs = long?.renderPdfsMs;
  checks.push({
    target: "PDF: a 200-page guide < 10 s",
    measured: long && longMs !== undefined ? `${seconds(longMs)} (${long.pages} pages)` : "n/a",
    pass: longMs === undefined ? undefined : longMs < 10_000,
  });
  const perPage = pdf?.perPage;
  checks.push({
    target: "PDF: last quarter's per-page time ≤ 1.5× the first quarter's",
    measured: perPage ? times(perPage.lastQuarterMs / perPage.firstQuarterMs) : "n/a",
    pass: perPage ? perPage.lastQuarterMs <= 1.5 * perPage.firstQuarterMs : undefined,
  });
  const search = results.search;
  const first = search?.queries[0];
  const later = search?.queries.slice(1) ?? [];
  checks.push({
    target: `Search: first query < 150 KB transferred at ${thousands(search?.size ?? 10_000)} pages`,
    measured: first ? kilobytes(first.bytes) : "n/a",
    pass: first ? first.bytes < 150 * 1024 : undefined,
  });
  const laterMax = later.length ? Math.max(...later.map((q) => q.bytes)) : undefined;
  checks.push({
    target: "Search: later queries < 10 KB each",
    measured: laterMax === undefined ? "n/a" : `${kilobytes(laterMax)} (largest)`,
    pass: laterMax === undefined ? undefined : laterMax < 10 * 1024,
  });
  const live = results.livePreview;
  const liveMedian = live ? median(live.editsMs) : undefined;
  checks.push({
    target: `Live preview < 1 s from save to updated page at ${thousands(live?.size ?? 1000)} pages`,
    measured:
      liveMedian === undefined
        ? "n/a"
        : `${seconds(liveMedian)} (median of ${live!.editsMs.length})`,
    pass: liveMedian === undefined ? undefined : liveMedian < 1000,
  });
  if (search && search.size !== 10_000)
    checks.find((c) => c.target.startsWith("Search: first"))!.pass = undefined;
  return checks;
}

/** The whole results file, in Markdown. */
export function formatReport(results: BenchResults): string {
  const stats = summarise(results.records);
  const sizes = [...new Set(stats.map((s) => s.size))].sort((a, b) => a - b);
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Written by `npm run bench`; do not edit by hand. How to run it and what each variant does:",
    "`scripts/bench.ts`. Timing targets come from issue 7 and are never checked by tests.",
    "",
    `- Run: \`${results.command}\`, ${results.startedAt} to ${results.finishedAt}`,
    `- Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GB memory, Node ${results.machine.node}`,
    `- ${results.runs} run${results.runs === 1 ? "" : "s"} of each variant per size, alternating variants (A B C D E, A B C D E, ...); each run is a fresh Node process.`,
    "- Time is wall time of the child process, Node start-up included; spread is min-max. Memory is the",
    "  peak resident size of the whole process tree over all runs, sampled from /proc every 20 ms.",
    "",
    "## Corpora",
    "",
    "| pages | communities | guide chapters | templates | Markdown |",
    "| ---: | ---: | ---: | ---: | ---: |",
    ...results.corpora.map(
      (c) =>
        `| ${thousands(c.size)} | ${thousands(c.communities)} | ${c.chapters} | ${c.templates} | ${megabytes(c.bytes)} |`,
    ),
    "",
    "Pages are content Markdown files. Each community has index, charter (2 to 8 versions in its history)",
    "and ground rules; the single pages are topics, roadmap, phases and principles.",
    "",
    "## Build times",
    "",
    "| pages | variant | median | spread | × bare Eleventy | ms per page | peak memory | pages built |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of stats) {
    const label = variants.find((v) => v.id === s.variant)!.label;
    const r = ratio(stats, s.size, s.variant, "bare-eleventy");
    lines.push(
      `| ${thousands(s.size)} | ${label} | ${seconds(s.medianMs)} | ${seconds(s.minMs)} – ${seconds(s.maxMs)} | ${times(r)} | ${(s.medianMs / s.pages).toFixed(2)} | ${megabytes(s.peakRssBytes)} | ${thousands(s.pages)} |`,
    );
  }
  lines.push(
    "",
    "## Ratios",
    "",
    "| pages | 3/2 site ÷ bare | 4/2 search ÷ bare | 6/2 Pagefind alone ÷ bare | (2+7)/2 bare then Pagefind ÷ bare | 2/1 bare ÷ floor |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const size of sizes) {
    const bareSearch = ratio(stats, size, "pagefind-bare", "bare-eleventy");
    lines.push(
      `| ${thousands(size)} | ${times(ratio(stats, size, "ours-site", "bare-eleventy"))} | ${times(ratio(stats, size, "ours-search", "bare-eleventy"))} | ${times(ratio(stats, size, "pagefind-alone", "bare-eleventy"))} | ${times(bareSearch === undefined ? undefined : 1 + bareSearch)} | ${times(ratio(stats, size, "bare-eleventy", "floor"))} |`,
    );
  }
  lines.push(
    "",
    "## Growth",
    "",
    "| variant | 100 → 1,000 | 1,000 → 10,000 |",
    "| --- | ---: | ---: |",
  );
  for (const variant of variants) {
    if (!stats.some((s) => s.variant === variant.id)) continue;
    lines.push(
      `| ${variant.label} | ${times(growth(stats, variant.id, 100, 1000))} | ${times(growth(stats, variant.id, 1000, 10_000))} |`,
    );
  }
  lines.push(...formatPdf(results), ...formatSearch(results), ...formatLivePreview(results));
  lines.push("", "## Targets", "", "| target | measured | result |", "| --- | --- | --- |");
  for (const check of checkTargets(results))
    lines.push(`| ${check.target} | ${check.measured} | ${mark(check.pass)} |`);
  if (results.skipped.length) {
    lines.push("", "## Not run", "");
    for (const skip of results.skipped) lines.push(`- ${skip.part}: ${skip.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatPdf({ pdf }: BenchResults): string[] {
  if (!pdf) return [];
  const lines = [
    "",
    "## PDF",
    "",
    `\`renderPdfs()\`, run on each site in a process of its own as a build runs it, started at most ${pdf.launches} browser${pdf.launches === 1 ? "" : "s"} per site`,
    "(browser processes counted in its process tree). The time is what it reported for the guide PDF, which",
    "includes the contents-page passes and was printed alongside the site's other PDFs.",
    "",
    "| document | pages | size | renderPdfs() |",
    "| --- | ---: | ---: | ---: |",
    ...pdf.documents.map(
      (d) => `| ${d.name} | ${d.pages} | ${kilobytes(d.bytes)} | ${seconds(d.renderPdfsMs)} |`,
    ),
  ];
  if (pdf.perPage) {
    lines.push(
      "",
      `Per-page time in ${pdf.perPage.document}: first quarter ${pdf.perPage.firstQuarterMs.toFixed(1)} ms, last quarter ${pdf.perPage.lastQuarterMs.toFixed(1)} ms (${times(pdf.perPage.lastQuarterMs / pdf.perPage.firstQuarterMs)}).`,
      `Method: ${pdf.perPage.method}`,
    );
  }
  if (pdf.renderPdfs) {
    lines.push(
      "",
      `\`renderPdfs()\` on the built example site: ${pdf.renderPdfs.files} PDFs, ${pdf.renderPdfs.pages} pages in ${seconds(pdf.renderPdfs.ms)}.`,
    );
  }
  return lines;
}

function formatSearch({ search }: BenchResults): string[] {
  if (!search) return [];
  return [
    "",
    `## Search payload (${thousands(search.size)} pages)`,
    "",
    "The built site served on 127.0.0.1 (Cache-Control max-age=600, no compression, as a plain static host);",
    "headless Chromium enters each query, whole, into the search page in turn. Bytes are encoded",
    "(transferred) sizes from Chrome DevTools Protocol Network events of the page and of Pagefind's",
    "web worker, from entering the query until the network has been idle for 600 ms.",
    "",
    "| # | query | requests | transferred | results | transferred by kind of file |",
    "| ---: | --- | ---: | ---: | ---: | --- |",
    ...search.queries.map(
      (q, i) =>
        `| ${i + 1} | ${q.query} | ${q.requests} | ${kilobytes(q.bytes)} | ${thousands(q.results)} | ${Object.entries(
          q.byKind,
        )
          .sort((a, b) => b[1] - a[1])
          .map(([kind, bytes]) => `${kind} ${kilobytes(bytes)}`)
          .join(", ")} |`,
    ),
  ];
}

function formatLivePreview({ livePreview }: BenchResults): string[] {
  if (!livePreview) return [];
  return [
    "",
    `## Live preview (${thousands(livePreview.size)} pages)`,
    "",
    `Edits: ${livePreview.editsMs.map((ms) => seconds(ms)).join(", ")}; median ${seconds(median(livePreview.editsMs))}.`,
    `Method: ${livePreview.method}`,
  ];
}
