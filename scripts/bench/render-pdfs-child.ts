/**
 * Child-process entry for the PDF benchmark: runs renderPdfs() on a built site
 * exactly as a build does (it launches its own browser), so the parent can count
 * the browser processes it starts. Prints the RenderedPdf list as one JSON line.
 *   node scripts/launch.mjs bench/render-pdfs-child <contentDir> <siteDir>
 */
import { validateStage } from "../build/validate-stage.ts";
import { renderPdfs } from "../pdf/render-pdfs.ts";

const [contentDir, siteDir] = process.argv.slice(2);
if (!contentDir || !siteDir) {
  console.error("Usage: render-pdfs-child.ts <contentDir> <siteDir>");
  process.exit(2);
}
const { model } = await validateStage(contentDir);
const rendered = await renderPdfs({ siteDir, jobs: model.pdfs });
console.log(JSON.stringify(rendered));
