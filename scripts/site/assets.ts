import { readdirSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { imageExtensions } from "../content/content-types.ts";
import { siteAssetsDir } from "./project-paths.ts";

/** Image files under the content folder, relative to it, with forward slashes. */
function contentImages(contentDir: string): string[] {
  const extensions = new Set(imageExtensions.map((extension) => `.${extension}`));
  return readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => extensions.has(path.extname(file).toLowerCase()))
    .map((file) => file.split(path.sep).join("/"));
}

/** Copies the site's CSS, JavaScript and images, and any images that content refers to. */
export function addAssets(config: UserConfig): void {
  // Passthrough copy takes paths relative to the working directory.
  const assets = path.relative(process.cwd(), siteAssetsDir).split(path.sep).join("/");
  config.addPassthroughCopy({ [assets]: "assets" });
  // Content images keep their place in the content tree (content/guide/images/x.png is served at
  // /guide/images/x.png), wherever the content folder is: one explicit copy per image, because a
  // glob's output path is worked out from the working directory.
  for (const image of contentImages(config.directories.input)) {
    config.addPassthroughCopy({ [path.join(config.directories.input, image)]: image });
  }
  config.addWatchTarget(assets);
}
