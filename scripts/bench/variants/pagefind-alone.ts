/**
 * Pagefind alone: the build's search indexing, on the site variant 3 built, writing the index to its
 * own folder. It finds the searchable pages by reading the site's HTML, which a build knows from
 * what Eleventy wrote.
 */
import path from "node:path";
import { indexSearch } from "../../site/search-index.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ siteDir, outputDir }: VariantOptions): Promise<VariantResult> {
  if (!siteDir)
    throw new Error("pagefind-alone indexes the site of ours-site: run that variant too.");
  const indexed = await indexSearch(siteDir, { bundleDir: path.join(outputDir, "pagefind") });
  return { pages: indexed.pages };
}
