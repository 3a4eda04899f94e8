import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { imageExtensions } from "../content/content-types.ts";
import { siteAssetsDir } from "./project-paths.ts";

/** Copies the site's CSS, JavaScript and images, and any images that content refers to. */
export function addAssets(config: UserConfig): void {
  // Passthrough copy takes paths relative to the working directory.
  const assets = path.relative(process.cwd(), siteAssetsDir).split(path.sep).join("/");
  config.addPassthroughCopy({ [assets]: "assets" });
  config.addPassthroughCopy(`${config.directories.input}**/*.{${imageExtensions.join(",")}}`);
  config.addWatchTarget(assets);
}
