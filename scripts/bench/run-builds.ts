/**
 * Generates a corpus for each size and runs the build variants on it,
 * alternating them round by round, each in a fresh child process.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { generateCorpus } from "./generate-corpus.ts";
import { measure } from "./measure.ts";
import type { CorpusInfo, RunRecord } from "./results.ts";
import { launch, missingModules, repositoryRoot, type VariantInfo } from "./variants.ts";

export interface BuildRunOptions {
  sizes: readonly number[];
  runs: number;
  variants: readonly VariantInfo[];
  /** Corpora, outputs and generated configuration go here. */
  workDir: string;
  log?: (line: string) => void;
}

export interface BuildRunResults {
  corpora: CorpusInfo[];
  records: RunRecord[];
  skipped: { part: string; reason: string }[];
}

/** Where a size's corpus is written; the search and live-preview benchmarks reuse it. */
export const corpusDir = (workDir: string, size: number) => path.join(workDir, `content-${size}`);
/** Where a variant's last run at a size left its site. */
export const outputDir = (workDir: string, size: number, variant: string) =>
  path.join(workDir, `site-${size}-${variant}`);

export async function runBuilds(options: BuildRunOptions): Promise<BuildRunResults> {
  const log = options.log ?? (() => {});
  const results: BuildRunResults = { corpora: [], records: [], skipped: [] };
  const runnable = options.variants.filter((variant) => {
    if (variant.indexes && !options.variants.some((other) => other.id === variant.indexes)) {
      results.skipped.push({
        part: variant.label,
        reason: `indexes the site of ${variant.indexes}: run that variant too.`,
      });
      return false;
    }
    const missing = missingModules(variant);
    if (missing.length)
      results.skipped.push({
        part: variant.label,
        reason: `${missing.join(", ")} does not exist yet.`,
      });
    return !missing.length;
  });

  for (const size of options.sizes) {
    const contentDir = corpusDir(options.workDir, size);
    const corpus = await generateCorpus({ contentDir, pages: size });
    results.corpora.push({
      size,
      communities: corpus.communities,
      chapters: corpus.chapters,
      templates: corpus.templates,
      bytes: corpus.bytes,
    });
    log(
      `${size} pages: ${corpus.communities} communities, ${corpus.chapters} chapters, ${corpus.templates} templates`,
    );
    for (let round = 1; round <= options.runs; round++) {
      for (const variant of runnable) {
        const record = await runVariant(variant, size, round, contentDir, options.workDir);
        results.records.push(record);
        log(
          `  ${size} pages, round ${round}, ${variant.id}: ${(record.ms / 1000).toFixed(2)} s, ` +
            `${Math.round(record.peakRssBytes / 1024 / 1024)} MB, ${record.pages} pages`,
        );
      }
    }
  }
  return results;
}

async function runVariant(
  variant: VariantInfo,
  size: number,
  round: number,
  contentDir: string,
  workDir: string,
): Promise<RunRecord> {
  const output = outputDir(workDir, size, variant.id);
  const scratch = path.join(workDir, `scratch-${variant.id}`);
  await rm(output, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  const measured = await measure(
    process.execPath,
    [
      // As npm run build runs: the build frees rendering's garbage before Pagefind starts.
      "--expose-gc",
      ...launch(
        "bench/run-variant",
        variant.id,
        contentDir,
        output,
        scratch,
        ...(variant.indexes ? [outputDir(workDir, size, variant.indexes)] : []),
      ),
    ],
    { cwd: repositoryRoot },
  );
  const report = measured.stdout.trim().split("\n").at(-1) ?? "";
  if (measured.exitCode !== 0 || !report.startsWith("{")) {
    throw new Error(
      `Variant ${variant.id} failed at ${size} pages (exit code ${measured.exitCode}).\n${measured.stderr.trim() || measured.stdout.trim()}`,
    );
  }
  const parsed = JSON.parse(report) as {
    pages: number;
    innerMs: number;
    details?: Record<string, number>;
  };
  return {
    size,
    variant: variant.id,
    round,
    ms: measured.ms,
    innerMs: parsed.innerMs,
    peakRssBytes: measured.peakRssBytes,
    pages: parsed.pages,
    ...(parsed.details ? { details: parsed.details } : {}),
  };
}
