/** Ours, with search: validate, Eleventy with our layouts and plugins, then the Pagefind index, as a build makes it. */
import { releaseRenderingMemory } from "../../build/memory-check.ts";
import { renderSite } from "../../build/pipeline.ts";
import { indexSearch } from "../../site/search-index.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ contentDir, outputDir }: VariantOptions): Promise<VariantResult> {
  const { pages, searchablePages } = await renderSite({ contentDir, outputDir });
  releaseRenderingMemory();
  const indexed = await indexSearch(outputDir, { pages: searchablePages });
  return { pages, details: { indexedPages: indexed.pages } };
}
