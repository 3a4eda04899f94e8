/**
 * `npm run build`: validate the content, render the site, index it for search, print the PDFs,
 * and publish into _site/ only when every stage succeeded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatProblems, summariseProblems } from "./content/problems.ts";
import { build } from "./build/pipeline.ts";
import { InvalidContentError } from "./build/validate-stage.ts";
import { BrowserNotFoundError } from "./pdf/find-browser.ts";
import { PdfRenderError } from "./pdf/render-pdfs.ts";
import { TemplateRenderError } from "./site/run-eleventy.ts";
import { SearchIndexError } from "./site/search-index.ts";

const usage =
  "Usage: npm run build -- [--content DIR] [--out DIR] [--no-pdf] [--paper A4|Letter] [--base-path /PATH/]";

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      content: { type: "string", default: "content" },
      out: { type: "string", default: "_site" },
      "no-pdf": { type: "boolean", default: false },
      paper: { type: "string" },
      "base-path": { type: "string", default: process.env["CHARTERBOOK_BASE_PATH"] ?? "/" },
    },
    usage,
  );
  if (values.paper !== undefined && values.paper !== "A4" && values.paper !== "Letter") {
    throw new UsageError(`--paper must be A4 or Letter, not "${values.paper}".\n${usage}`);
  }
  const basePath = values["base-path"];
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(basePath)) {
    throw new UsageError(
      `--base-path must start and end with a slash, such as /charterbook/, not "${basePath}".\n${usage}`,
    );
  }
  if (!existsSync(values.content)) {
    throw new UsageError(`There is no content folder at ${values.content}.\n${usage}`);
  }

  const unchanged = `Nothing was built; ${values.out}/ is as it was.`;
  try {
    const result = await build({
      contentDir: path.resolve(values.content),
      outputDir: path.resolve(values.out),
      pdf: !values["no-pdf"],
      paperSize: values.paper as "A4" | "Letter" | undefined,
      basePath,
      log: (line) => console.log(line),
    });
    if (result.warnings.length) console.log(formatProblems(result.warnings));
    console.log(
      `Built ${result.pages} pages${result.pdfs.length ? ` and ${result.pdfs.length} PDFs` : ""} into ${values.out}/ in ${result.totalMs} ms.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InvalidContentError) {
      console.error(formatProblems(error.problems));
      console.error(`${summariseProblems(error.problems, error.filesChecked)} Nothing was built.`);
      return 1;
    }
    if (error instanceof TemplateRenderError) {
      console.error(`The site could not be rendered:\n  ${error.message}\n${unchanged}`);
      return 1;
    }
    if (
      error instanceof SearchIndexError ||
      error instanceof PdfRenderError ||
      error instanceof BrowserNotFoundError
    ) {
      console.error(`${error.message}\n${unchanged}`);
      return 1;
    }
    throw error;
  }
});
