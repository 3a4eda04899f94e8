import { renderSite } from "../../scripts/build/pipeline.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";

/** Builds a content folder into outputDir with the print pages; returns the model whose PDF jobs print them. */
export async function buildSiteForPdfs(contentDir: string, outputDir: string): Promise<SiteModel> {
  const { model } = await renderSite({ contentDir, outputDir, printPages: true });
  return model;
}
