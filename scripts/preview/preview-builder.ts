import { CharterbookError } from "../cli/errors.ts";
import { InvalidContentError, validateStage } from "../build/validate-stage.ts";
import { formatProblems, summariseProblems } from "../content/problems.ts";
import { ContentCache } from "../content/validate-content.ts";
import type { ContentDocument, SiteModel } from "../model/site-model.ts";
import { writeContentImages } from "../site/content-images.ts";
import { describeEleventyError, runEleventy } from "../site/run-eleventy.ts";
import { indexSearch } from "../site/search-index.ts";

/**
 * What other pages show of the site's documents: their addresses, titles and summaries, a
 * charter's version and status, how many ground rules there are, the settings and the images.
 * While this stays the same, an edit changes only the edited document's own page.
 */
export function siteOutline(model: SiteModel): string {
  return JSON.stringify([
    model.site,
    model.images.map((image) => image.relativePath),
    model.documents.map((document) => {
      const data = document.data as Record<string, unknown>;
      const rules = data.rules;
      return [
        document.url,
        document.title,
        document.summary,
        data.order,
        data.status,
        data.version,
        data.review_by,
        Array.isArray(rules) ? rules.length : undefined,
      ];
    }),
  ]);
}

/** The documents whose file changed since the last model, by URL. */
function changedDocuments(before: SiteModel, now: SiteModel): Set<string> {
  const previous = new Map<string, ContentDocument>(before.documents.map((d) => [d.url, d]));
  const changed = new Set<string>();
  for (const document of now.documents) {
    const old = previous.get(document.url);
    // An unchanged file keeps its parsed data and Markdown from the cache.
    if (!old || old.data !== document.data || old.markdown !== document.markdown) {
      changed.add(document.url);
    }
  }
  return changed;
}

export interface PreviewBuilder {
  /**
   * Rebuilds the preview after a save. Content files that did not change are not parsed or
   * checked again; when the edit changed nothing other pages show, only the edited documents'
   * pages are rendered. A failure is reported and the last good preview stays.
   * @param siteChanged a layout, style or page of the site itself changed: render everything
   */
  rebuild(siteChanged: boolean): Promise<boolean>;
}

/**
 * The live preview's build: the stages of `npm run build` (validate, render, images, search)
 * into the preview folder, done as little as each save allows.
 * @param onRendered called when the pages are written, before the search index is remade
 */
export function createPreviewBuilder(options: {
  contentDir: string;
  outputDir: string;
  log: (line: string) => void;
  onRendered: () => void;
}): PreviewBuilder {
  const { contentDir, outputDir, log } = options;
  const cache = new ContentCache();
  let last: { model: SiteModel; outline: string } | undefined;
  let indexing: Promise<unknown> = Promise.resolve();

  return {
    async rebuild(siteChanged) {
      const started = performance.now();
      try {
        const { model, files, warnings } = await validateStage(contentDir, cache);
        if (warnings.length) console.log(formatProblems(warnings));
        const outline = siteOutline(model);
        const only =
          last && !siteChanged && last.outline === outline
            ? changedDocuments(last.model, model)
            : undefined;
        const { pages } = await runEleventy({
          model,
          outputDir,
          ...(only ? { onlyDocuments: only } : {}),
        });
        await writeContentImages(model, outputDir);
        last = { model, outline };
        log(
          `${files} files checked, ${pages} ${only ? "changed " : ""}page${pages === 1 ? "" : "s"} built in ${Math.round(performance.now() - started)} ms`,
        );
        options.onRendered();
        // Search is indexed after the pages are updated, so an edit shows at once, and one index
        // at a time, so a burst of saves never waits for it.
        indexing = indexing
          .then(async () => {
            const indexed = await indexSearch(outputDir);
            log(`search index: ${indexed.pages} pages`);
          })
          .catch((error: unknown) =>
            console.error(`\nThe search index could not be made: ${describeEleventyError(error)}`),
          );
        return true;
      } catch (error) {
        if (error instanceof InvalidContentError) {
          console.error(
            `\n${formatProblems(error.problems)}\n${summariseProblems(error.problems, error.filesChecked)}`,
          );
        } else if (error instanceof CharterbookError) {
          console.error(`\n${error.describe()}`);
        } else {
          console.error(`\nThe preview could not be rebuilt: ${describeEleventyError(error)}`);
        }
        console.error(
          "Not rebuilt: fix the problems above. The preview still shows the last good build.",
        );
        return false;
      }
    },
  };
}
