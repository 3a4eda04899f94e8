import type { Problem } from "../content/problems.ts";
import { blockedRequestsError, renderPdfs, type RenderedPdf } from "../pdf/render-pdfs.ts";
import { runEleventy } from "../site/run-eleventy.ts";
import { indexSearch } from "../site/search-index.ts";
import { createStaging, discardStaging, publishStaging } from "./staging.ts";
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
}

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
 * The whole build, top to bottom: validate the content, render it with Eleventy into a staging
 * folder, index it with Pagefind, print the PDFs, then swap the staging folder into place.
 * Any failure removes the staging folder and leaves the previous output exactly as it was.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const stages: StageTiming[] = [];
  const started = performance.now();
  const timed = async <T>(
    stage: StageTiming["stage"],
    run: () => Promise<T>,
    detail: (result: T) => string,
  ) => {
    const stageStart = performance.now();
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

  const validated = await timed(
    "validate",
    () => validateStage(options.contentDir),
    (r) => `${r.files} files, no problems`,
  );

  const staging = await createStaging(options.outputDir);
  try {
    const site = await timed(
      "eleventy",
      () =>
        runEleventy({
          contentDir: options.contentDir,
          outputDir: staging,
          basePath: options.basePath,
          printPages: options.pdf,
        }),
      (r) => `${r.pages} pages`,
    );
    const search =
      options.search === false
        ? { pages: 0 }
        : await timed(
            "pagefind",
            () => indexSearch(staging),
            (r) => `${r.pages} pages indexed`,
          );
    const pdfs = options.pdf
      ? await timed(
          "pdf",
          () =>
            renderPdfs({
              siteDir: staging,
              paperSize: options.paperSize,
              basePath: options.basePath,
              log,
            }),
          (r) => `${r.length} PDFs, ${r.reduce((sum, pdf) => sum + pdf.pages, 0)} pages`,
        )
      : [];
    const blocked = blockedRequestsError(pdfs);
    if (blocked) throw blocked;
    await timed(
      "publish",
      () => publishStaging(staging, options.outputDir),
      () => options.outputDir,
    );
    return {
      pages: site.pages,
      searchPages: search.pages,
      pdfs,
      warnings: validated.warnings,
      stages,
      totalMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    await discardStaging(staging);
    throw error;
  }
}
