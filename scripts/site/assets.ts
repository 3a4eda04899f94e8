import { createRequire } from "node:module";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { siteAssetsDir } from "./project-paths.ts";

const require = createRequire(import.meta.url);

/** The typeface's files the site serves (site.css names them): regular, bold and their italics. */
const fontFiles = ["400-normal", "700-normal", "400-italic", "700-italic"].flatMap((face) =>
  ["latin", "latin-ext"].map((subset) => `atkinson-hyperlegible-next-${subset}-${face}.woff2`),
);

/** Copies the site's own CSS, JavaScript, fonts and images. Content images are written by the pipeline. */
export function addAssets(config: UserConfig): void {
  // Passthrough copy takes paths relative to the working directory.
  const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");
  const assets = relative(siteAssetsDir);
  config.addPassthroughCopy({ [assets]: "assets" });
  const fonts = path.join(
    path.dirname(require.resolve("@fontsource/atkinson-hyperlegible-next/package.json")),
    "files",
  );
  for (const file of fontFiles) {
    config.addPassthroughCopy({ [relative(path.join(fonts, file))]: `assets/fonts/${file}` });
  }
  config.addWatchTarget(assets);
}
