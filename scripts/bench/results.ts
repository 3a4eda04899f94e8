/** The shape of one benchmark run's results, shared by the harness, the report and the tests. */
import type { VariantId } from "./variants.ts";

/** One timed run of one variant. */
export interface RunRecord {
  size: number;
  variant: VariantId;
  /** 1 for the first round at this size. */
  round: number;
  /** Wall time of the child process, start-up included. */
  ms: number;
  /** The variant's own timing, from inside the process, without Node's start-up. */
  innerMs: number;
  peakRssBytes: number;
  /** Pages the variant built (files it checked, for validation). */
  pages: number;
  details?: Record<string, number>;
}

export interface CorpusInfo {
  size: number;
  communities: number;
  chapters: number;
  templates: number;
  bytes: number;
}

/** A guide printed by renderPdfs() as a build prints it. */
export interface PdfDocumentTiming {
  name: string;
  pages: number;
  bytes: number;
  /** The time renderPdfs() reported for the guide PDF, contents passes included. */
  renderPdfsMs: number;
}

export interface PdfResults {
  /** The most browsers renderPdfs() launched for one site. */
  launches: number;
  documents: PdfDocumentTiming[];
  /** Per-page time in the first and last quarter of the long guide, and how it was measured. */
  perPage?: { document: string; firstQuarterMs: number; lastQuarterMs: number; method: string };
  /** renderPdfs() on the built example site, end to end. */
  renderPdfs?: { ms: number; files: number; pages: number };
}

export interface SearchQueryPayload {
  query: string;
  requests: number;
  bytes: number;
  /** Encoded bytes by kind of file: js, json, wasm, pf_meta, pf_index, pf_filter, pf_fragment. */
  byKind: Record<string, number>;
  /** The number of results the search page reported. */
  results: number;
}

export interface SearchResults {
  size: number;
  queries: SearchQueryPayload[];
}

export interface LivePreviewResults {
  size: number;
  /** Time from writing a file to the served page showing the new text, one per edit. */
  editsMs: number[];
  method: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  command: string;
  runs: number;
  corpora: CorpusInfo[];
  records: RunRecord[];
  /** Parts that did not run, and why (a module not written yet, a flag). */
  skipped: { part: string; reason: string }[];
  pdf?: PdfResults;
  search?: SearchResults;
  livePreview?: LivePreviewResults;
}
