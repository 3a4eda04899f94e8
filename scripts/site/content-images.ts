import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../model/site-model.ts";

/**
 * Writes the content's images into the built site at their content path (content/guide/images/x.png
 * is served at /guide/images/x.png), from the bytes validation checked: what is published is what
 * was checked, even if the file on disk changed since.
 */
export async function writeContentImages(model: SiteModel, outputDir: string): Promise<number> {
  for (const image of model.images) {
    const target = path.join(outputDir, ...image.relativePath.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, image.bytes);
  }
  return model.images.length;
}
