import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { CharterbookError } from "../cli/errors.ts";

/** Pagefind reported problems: the index would be missing or incomplete. */
export class SearchIndexError extends CharterbookError {
  override name = "SearchIndexError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("search-index-failed", message, options);
  }
}

const check = (stage: string, errors: string[]) => {
  if (errors.length)
    throw new SearchIndexError(`Pagefind could not ${stage}:\n  ${errors.join("\n  ")}`);
};

/**
 * Indexes the built site with Pagefind in-process and writes the index and its default UI
 * to `<siteDir>/pagefind/` (or `bundleDir`). Only `main` is indexed (layouts mark it
 * `data-pagefind-body`).
 *
 * The files are written here rather than by Pagefind's writeFiles: when Pagefind cannot write
 * (a page already took the path pagefind, a full disk) its backend panics and writeFiles never
 * settles, so the build would hang instead of failing.
 */
export async function indexSearch(
  siteDir: string,
  bundleDir = path.join(siteDir, "pagefind"),
): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check("start", errors);
    if (!index) throw new SearchIndexError("Pagefind could not start: it returned no index.");
    const added = await index.addDirectory({ path: siteDir });
    check(`index ${siteDir}`, added.errors);
    const bundle = await index.getFiles();
    check("build the index", bundle.errors);
    try {
      for (const file of bundle.files) {
        const target = path.join(bundleDir, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
    } catch (error) {
      throw new SearchIndexError(
        `Pagefind could not write the index to ${bundleDir}: ${(error as Error).message}\n` +
          "Check that no page of the site is published at /pagefind (a permalink in the content's data files).",
        { cause: error },
      );
    }
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
