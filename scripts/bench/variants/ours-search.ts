/** Ours, with search: validate, Eleventy with our layouts and plugins, then the Pagefind index. */
import { releaseRenderingMemory } from "../../build/memory-check.ts";
import { indexSearch } from "../../site/search-index.ts";
import { run as buildSite } from "./ours-site.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run(options: VariantOptions): Promise<VariantResult> {
  const { pages } = await buildSite(options);
  releaseRenderingMemory();
  const indexed = await indexSearch(options.outputDir);
  return { pages, details: { indexedPages: indexed.pages } };
}
