import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
 * What base.njk puts on a page's `main` when members can search it. Pages without it (versions of
 * a charter, print pages, the 404) are not indexed: with any page marked, Pagefind indexes only
 * marked pages.
 */
const searchableMark = "data-pagefind-body";

/** True for the HTML of a page Pagefind indexes. */
export function isSearchable(html: string): boolean {
  return html.includes(searchableMark);
}

/** The folder of links to the searchable pages that Pagefind reads, inside the site while it works. */
const inputFolderName = ".search-input";

/**
 * Indexes the built site with Pagefind in-process and writes the index and its default UI
 * to `<siteDir>/pagefind/` (or `bundleDir`). Only `main` is indexed (layouts mark it
 * `data-pagefind-body`).
 *
 * Pagefind reads a folder that holds only the searchable pages, as links to the site's files, at
 * the same paths: it would otherwise parse every version page of every charter to find nothing
 * to index (a third of its time at 10,000 communities' pages), and the index is the same.
 *
 * The files are written here rather than by Pagefind's writeFiles: when Pagefind cannot write
 * (a page already took the path pagefind, a full disk) its backend panics and writeFiles never
 * settles, so the build would hang instead of failing.
 *
 * @param options.pages the searchable pages, as paths in siteDir or absolute, when the caller
 *   already knows them (the build, from the HTML Eleventy wrote). @default every page of siteDir
 *   whose HTML is marked
 */
export async function indexSearch(
  siteDir: string,
  options: { bundleDir?: string; pages?: readonly string[] } = {},
): Promise<{ pages: number }> {
  const bundleDir = options.bundleDir ?? path.join(siteDir, "pagefind");
  const input = path.join(siteDir, inputFolderName);
  try {
    linkPages(siteDir, options.pages ?? findSearchablePages(siteDir), input);
    const { index, errors } = await pagefind.createIndex({});
    check("start", errors);
    if (!index) throw new SearchIndexError("Pagefind could not start: it returned no index.");
    const added = await index.addDirectory({ path: input });
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
    rmSync(input, { recursive: true, force: true });
  }
}

/** Every HTML page of a built site that is marked searchable, as paths in the site. */
function findSearchablePages(siteDir: string, folder = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(siteDir, folder), { withFileTypes: true })) {
    const page = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (page !== "pagefind" && page !== inputFolderName)
        found.push(...findSearchablePages(siteDir, page));
    } else if (entry.name.endsWith(".html")) {
      if (isSearchable(readFileSync(path.join(siteDir, page), "utf8"))) found.push(page);
    }
  }
  return found;
}

/**
 * Links each page into the input folder at its path in the site; copies where links are refused.
 * Synchronous: ten thousand small system calls, each cheaper than a trip to the thread pool.
 */
function linkPages(siteDir: string, pages: readonly string[], input: string): void {
  rmSync(input, { recursive: true, force: true });
  const made = new Set<string>();
  for (const page of pages) {
    const source = path.resolve(siteDir, page);
    const target = path.join(input, path.relative(siteDir, source));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      // A hard link costs no space and no copying; a file system without them (some network and
      // FAT drives) gets a copy.
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}
