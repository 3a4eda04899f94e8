/** Ours, site only: validate, then Eleventy with Charterbook's layouts and plugins (print pages only come with PDFs, as in npm run build -- --no-pdf). */
import { renderSite } from "../../build/pipeline.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ contentDir, outputDir }: VariantOptions): Promise<VariantResult> {
  const { pages } = await renderSite({ contentDir, outputDir });
  return { pages };
}
