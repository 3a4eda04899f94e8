/**
 * Pagefind alone on bare Eleventy's site (variant 2): the corpus's Markdown bodies and nothing of
 * Charterbook's pages, indexed the way a build indexes ours. Bare Eleventy with search would take
 * variant 2's time and this one's, so the two together are the least any Eleventy site with
 * Pagefind search costs: a floor under the target for ours with search.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { indexSearch } from "../../site/search-index.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ siteDir, outputDir }: VariantOptions): Promise<VariantResult> {
  if (!siteDir)
    throw new Error("pagefind-bare indexes the site of bare-eleventy: run that variant too.");
  // Bare Eleventy's pages mark no part as searchable: each is indexed whole.
  const pages = readdirSync(siteDir, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".html"),
  );
  const indexed = await indexSearch(siteDir, {
    bundleDir: path.join(outputDir, "pagefind"),
    pages,
  });
  return { pages: indexed.pages };
}
