import { getHeapStatistics } from "node:v8";
import { CharterbookError } from "../cli/errors.ts";

/** What a build holds in memory, measured in bytes of content text. */
export interface ContentSize {
  /** Bytes of every content file (Markdown and site.yaml; images are not held as text). */
  total: number;
  /** Bytes of the parts every community's printed guide repeats: chapters, templates, appendices. */
  shared: number;
  /** Communities with a charter: one printed guide each. */
  guides: number;
}

// Measured on the benchmark corpus with --no-pdf: 44 MB of content (5,000 chapters) peaked at
// 0.9 GB of heap and 78 MB (10,000 pages) at 1.6 GB, about 18 bytes of heap per byte of text
// (parsed Markdown, the model, Eleventy's pages) over a base of 150 MB for the code itself.
const heapPerContentByte = 18;
const baseHeap = 150 * 1024 * 1024;
// A printed guide holds every shared part again, as HTML about three times the size of its text.
const heapPerPrintedByte = 3;

/** Roughly how much heap a build of this content needs. */
export function estimateHeap(size: ContentSize, printPages: boolean): number {
  const site = baseHeap + size.total * heapPerContentByte;
  return printPages ? site + size.guides * size.shared * heapPerPrintedByte : site;
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Refuses, before anything is written, a build that would run out of memory part way: Node stops
 * a process that passes its heap limit with a crash and no explanation. The message says how
 * much is needed and how to give Node more.
 * @param heapLimit @default Node's heap limit in this process
 */
export function checkMemory(
  size: ContentSize,
  printPages: boolean,
  heapLimit = getHeapStatistics().heap_size_limit,
): void {
  const needed = estimateHeap(size, printPages);
  if (needed <= heapLimit * 0.9) return;
  const megabytes = Math.ceil((needed * 1.2) / 1024 / 1024 / 512) * 512;
  const what = printPages
    ? `${(size.total / 1024 / 1024).toFixed(1)} MB of content, with ${size.guides} printed guides that each repeat ${(size.shared / 1024 / 1024).toFixed(1)} MB of chapters and templates,`
    : `${(size.total / 1024 / 1024).toFixed(1)} MB of content`;
  throw new CharterbookError(
    "too-large",
    `This site is too large to build in the memory Node allows here: ${what} needs about ${gigabytes(needed)}, and the limit is ${gigabytes(heapLimit)}.`,
    {
      hint:
        `Give Node more memory, for example NODE_OPTIONS=--max-old-space-size=${megabytes} npm run build` +
        (printPages ? ", or build without the PDFs (--no-pdf)." : "."),
    },
  );
}

/**
 * Frees what rendering left behind before a stage that starts another process (Pagefind's
 * indexer, Chromium). Node holds on to the garbage of 16,000 rendered pages (1.6 GB at 10,000
 * content pages) while it only waits for that process, so the two peaks add up. Collected
 * first, Node holds about 1.0 GB there instead of 1.6 GB. Only when Node was started with
 * --expose-gc, as npm run build is; elsewhere (the tests) it does nothing.
 */
export function releaseRenderingMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
