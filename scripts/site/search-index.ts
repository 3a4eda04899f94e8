import * as pagefind from "pagefind";

/** Pagefind reported problems: the index would be missing or incomplete. */
export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

const check = (stage: string, errors: string[]) => {
  if (errors.length)
    throw new SearchIndexError(`Pagefind could not ${stage}:\n  ${errors.join("\n  ")}`);
};

/**
 * Indexes the built site with Pagefind in-process and writes the index and its default UI
 * to `<siteDir>/pagefind/`. Only `main` is indexed (layouts mark it `data-pagefind-body`).
 */
export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check("start", errors);
    if (!index) throw new SearchIndexError("Pagefind could not start: it returned no index.");
    const added = await index.addDirectory({ path: siteDir });
    check(`index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    check("write the index", written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
