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

/** Browser launch, page load, pagination and page.pdf(), timed separately for one document. */
export interface PdfDocumentTiming {
  name: string;
  pages: number;
  bytes: number;
  loadMs: number;
  paginateMs: number;
  pdfMs: number;
  /** Load, pagination and page.pdf() in the breakdown above. */
  totalMs: number;
  /** The time renderPdfs() reported for this document's guide PDF, end to end. */
  renderPdfsMs?: number;
}

export interface PdfResults {
  launchMs: number;
  /** How many times the browser was launched for the whole PDF benchmark. */
  launches: number;
  documents: PdfDocumentTiming[];
  /** Per-page time in the first and last quarter of the long guide, and how it was measured. */
  perPage?: { document: string; firstQuarterMs: number; lastQuarterMs: number; method: string };
  /** renderPdfs() on a built example site, end to end, when the PDF module is present. */
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
