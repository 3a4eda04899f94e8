import type { Problem } from "../content/problems.ts";
import type { RenderedPdf } from "../pdf/render-pdfs.ts";
import { writeContentImages } from "../site/content-images.ts";
import { fillPdfLinks } from "../site/pdf-links.ts";
import { runEleventy } from "../site/run-eleventy.ts";
import { indexSearch } from "../site/search-index.ts";
import { onInterrupt } from "../cli/usage-error.ts";
import {
  createStaging,
  discardStaging,
  lockOutput,
  outputFolder,
  publishStaging,
  recoverOutput,
} from "./output-folder.ts";
import type { SiteModel } from "../model/site-model.ts";
import { checkMemory, releaseRenderingMemory } from "./memory-check.ts";
import { siteUrlWarning } from "./site-url-warning.ts";
import { validateStage } from "./validate-stage.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Print the guide and template PDFs. */
  pdf: boolean;
  /** Index the site with Pagefind. @default true */
  search?: boolean;
  /** Paper for the PDFs. @default paper_size in site.yaml */
  paperSize?: "A4" | "Letter";
  /** The path the site is served under, such as /charterbook/ for a GitHub Pages project site. @default "/" */
  basePath?: string;
  /** Receives a line per stage and per PDF. @default no output */
  log?: (line: string) => void;
  /**
   * Called with the staging folder before each stage that writes to it ("eleventy", "pagefind",
   * "pdf", "publish") and between the steps of publishing ("publish:recorded", "publish:linked",
   * "publish:swapped"). The tests inject real faults here (a file where a folder must go, a
   * process killed between two system calls); a build never sets it.
   */
  beforeStage?: (stage: FaultPoint, staging: string) => unknown;
}

/** The points of a build where the tests can inject a fault (BuildOptions.beforeStage). */
export type FaultPoint =
  | Exclude<StageTiming["stage"], "validate">
  | "publish:recorded"
  | "publish:moved-aside"
  | "publish:linked"
  | "publish:swapped";

export interface StageTiming {
  stage: "validate" | "eleventy" | "pagefind" | "pdf" | "publish";
  ms: number;
  detail: string;
}

export interface BuildResult {
  pages: number;
  searchPages: number;
  pdfs: RenderedPdf[];
  warnings: Problem[];
  stages: StageTiming[];
  totalMs: number;
}

/**
 * The whole build, top to bottom: load and validate the content (the one read of content/), take
 * the output folder's lock, render the site model with Eleventy into a new build folder, index it
 * with Pagefind, print the PDFs from the model's jobs, then point the output at the new build in
 * one rename (scripts/build/output-folder.ts). Any failure, or Ctrl+C, removes the new folder and
 * leaves the previous output exactly as it was.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const stages: StageTiming[] = [];
  let staging = "";
  const started = performance.now();
  const timed = async <T>(
    stage: StageTiming["stage"],
    run: () => Promise<T>,
    detail: (result: T) => string,
  ) => {
    const stageStart = performance.now();
    if (stage !== "validate") await options.beforeStage?.(stage, staging);
    const result = await run();
    const timing = {
      stage,
      ms: Math.round(performance.now() - stageStart),
      detail: detail(result),
    };
    stages.push(timing);
    log(`${stage.padEnd(9)} ${String(timing.ms).padStart(6)} ms  ${timing.detail}`);
    return result;
  };

  // The lock is taken first, so a build that was killed is recovered from before anything else,
  // even when this build's content turns out to be invalid.
  const folder = outputFolder(options.outputDir);
  const release = await lockOutput(folder, log);
  // Ctrl+C or a termination signal: the same clean-up as a failure.
  const forgetInterrupt = onInterrupt(async () => {
    if (staging) await discardStaging(staging).catch(() => undefined);
    await release();
  });
  try {
    await recoverOutput(folder, log);
    const validated = await timed(
      "validate",
      () => validateStage(options.contentDir),
      (r) => `${r.files} files, no problems`,
    );
    const { model } = validated;
    checkMemory(validated.size, options.pdf);
    staging = await createStaging(folder);
    const site = await timed(
      "eleventy",
      async () => {
        const rendered = await runEleventy({
          model,
          outputDir: staging,
          basePath: options.basePath,
          printPages: options.pdf,
        });
        return { ...rendered, images: await writeContentImages(model, staging) };
      },
      (r) => `${r.pages} pages${r.images ? `, ${r.images} images` : ""}`,
    );
    releaseRenderingMemory();
    const search =
      options.search === false
        ? { pages: 0 }
        : await timed(
            "pagefind",
            () => indexSearch(staging, { pages: site.searchablePages }),
            (r) => `${r.pages} pages indexed`,
          );
    // The PDF stage (and Puppeteer, a few hundred milliseconds to load) only when PDFs are asked for.
    const pdfs = options.pdf
      ? await timed(
          "pdf",
          async () => {
            const { blockedRequestsError, renderPdfs } = await import("../pdf/render-pdfs.ts");
            const printed = await renderPdfs({
              siteDir: staging,
              jobs: model.pdfs,
              paperSize: options.paperSize,
              basePath: options.basePath,
              log,
            });
            const blocked = blockedRequestsError(printed);
            if (blocked) throw blocked;
            return printed;
          },
          (r) => `${r.length} PDFs, ${r.reduce((sum, pdf) => sum + pdf.pages, 0)} pages`,
        )
      : [];
    await fillPdfLinks(site.pagesWithPdfLinks, pdfs);
    await timed(
      "publish",
      () =>
        publishStaging(folder, staging, (step) =>
          options.beforeStage?.(`publish:${step}`, staging),
        ),
      () => options.outputDir,
    );
    return {
      pages: site.pages,
      searchPages: search.pages,
      pdfs,
      warnings: [...validated.warnings, ...siteUrlWarning(model, options.contentDir, options.pdf)],
      stages,
      totalMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    // The stage's own failure is the one to report; a folder left behind is cleaned up next time.
    if (staging) await discardStaging(staging).catch(() => undefined);
    throw error;
  } finally {
    forgetInterrupt();
    await release();
  }
}

/**
 * Validates a content folder and renders its site, print pages included when asked, straight into
 * a folder: no search index, no PDFs, no atomic publish. For the benchmark and the tests that
 * look at the HTML or print it themselves; a real build goes through {@link build}.
 */
export async function renderSite(options: {
  contentDir: string;
  outputDir: string;
  printPages?: boolean;
  basePath?: string;
}): Promise<{ model: SiteModel; pages: number; searchablePages: string[] }> {
  const { model } = await validateStage(options.contentDir);
  const { pages, searchablePages } = await runEleventy({
    model,
    outputDir: options.outputDir,
    printPages: options.printPages ?? false,
    basePath: options.basePath ?? "/",
  });
  await writeContentImages(model, options.outputDir);
  return { model, pages, searchablePages };
}
