/**
 * `npm run pdf`: prints the guide and template PDFs of a site that is already built
 * (`npm run build` does this itself), into the site's pdf/ folder.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { BrowserNotFoundError } from "./pdf/find-browser.ts";
import { blockedRequestsError, PdfRenderError, renderPdfs } from "./pdf/render-pdfs.ts";

const usage = "Usage: npm run pdf -- [--site DIR] [--paper A4|Letter] [--base-path /PATH/]";

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      site: { type: "string", default: "_site" },
      paper: { type: "string" },
      // The base path the site was built with (npm run build -- --base-path).
      "base-path": { type: "string", default: process.env["CHARTERBOOK_BASE_PATH"] ?? "/" },
    },
    usage,
  );
  if (values.paper !== undefined && values.paper !== "A4" && values.paper !== "Letter") {
    throw new UsageError(`--paper must be A4 or Letter, not "${values.paper}".\n${usage}`);
  }
  const siteDir = path.resolve(values.site);
  if (!existsSync(path.join(siteDir, "print"))) {
    throw new UsageError(
      `There is no built site with print pages at ${values.site}. Build it with npm run build (print pages are only written when PDFs are, so not with --no-pdf), or pass --site DIR.\n${usage}`,
    );
  }
  const started = performance.now();
  try {
    const pdfs = await renderPdfs({
      siteDir,
      ...(values.paper ? { paperSize: values.paper } : {}),
      basePath: values["base-path"],
      log: (line) => console.log(line),
    });
    const pages = pdfs.reduce((sum, pdf) => sum + pdf.pages, 0);
    console.log(
      `${pdfs.length} PDFs, ${pages} pages, in ${Math.round(performance.now() - started)} ms`,
    );
    const blocked = blockedRequestsError(pdfs);
    if (blocked) console.error(blocked.message);
    return blocked ? 1 : 0;
  } catch (error) {
    // A missing browser or a page that fails to print is reported in words, not as a stack trace.
    if (error instanceof BrowserNotFoundError || error instanceof PdfRenderError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
});
