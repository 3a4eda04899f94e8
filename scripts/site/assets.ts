import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { siteAssetsDir } from "./project-paths.ts";

/** Copies the site's own CSS, JavaScript, fonts and images. Content images are written by the pipeline. */
export function addAssets(config: UserConfig): void {
  // Passthrough copy takes paths relative to the working directory.
  const assets = path.relative(process.cwd(), siteAssetsDir).split(path.sep).join("/");
  config.addPassthroughCopy({ [assets]: "assets" });
  config.addWatchTarget(assets);
}
