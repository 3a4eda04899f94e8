/**
 * Child-process entry for the PDF benchmark: runs renderPdfs() on a built site
 * exactly as a build does (it launches its own browser), so the parent can count
 * the browser processes it starts. Prints the RenderedPdf list as one JSON line.
 *   node --import tsx scripts/bench/render-pdfs-child.ts <siteDir>
 */
import { renderPdfs } from "../pdf/render-pdfs.ts";

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error("Usage: render-pdfs-child.ts <siteDir>");
  process.exit(2);
}
const rendered = await renderPdfs({ siteDir });
console.log(JSON.stringify(rendered));
