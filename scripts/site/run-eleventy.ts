import path from "node:path";
import { Eleventy, HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { CharterbookError } from "../cli/errors.ts";
import type { SiteModel } from "../model/site-model.ts";
import { pdfSizePlaceholderMark } from "./pdf-links.ts";
import { isSearchable } from "./search-index.ts";
import printPagesPlugin from "./print-pages.ts";
import { sitePagesDir } from "./project-paths.ts";
import { addSiteModel } from "./site-data.ts";

export interface RunEleventyOptions {
  /** The validated site model: the only content Eleventy sees. */
  model: SiteModel;
  /** Where the HTML goes; created if missing. */
  outputDir: string;
  /** Keep Eleventy's own log lines out of the terminal. @default true */
  quiet?: boolean;
  /**
   * Also write the print pages the PDFs are made from (scripts/site/print-pages.ts). Each holds a
   * community's whole guide, so they are most of the output: only builds that print PDFs ask.
   * @default false
   */
  printPages?: boolean;
  /** The path the site is served under, such as /charterbook/ on GitHub Pages. @default "/" */
  basePath?: string;
  /**
   * Render only the pages of these documents (by URL), not the site's own pages: the live
   * preview's rebuild after an edit that changed no title, order or status. @default every page
   */
  onlyDocuments?: ReadonlySet<string>;
}

/** What Eleventy wrote. */
export interface RenderedSite {
  /** HTML pages written. */
  pages: number;
  /** Pages that link to a PDF, whose size is filled in once the PDFs exist (paths in the output). */
  pagesWithPdfLinks: string[];
  /** Pages members can search, for the search index (paths in the output). */
  searchablePages: string[];
}

/** A layout or page failed to render: the message names the file and what went wrong, no stack. */
export class TemplateRenderError extends CharterbookError {
  override name = "TemplateRenderError";
  constructor(details: string, options: { cause?: unknown } = {}) {
    super("render-failed", `The site could not be rendered:\n  ${details}`, options);
  }
}

/** Follows Eleventy's chain of wrapped errors (originalError and cause) to the messages that say what went wrong. */
export function describeEleventyError(error: unknown): string {
  const messages: string[] = [];
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length && messages.length < 8) {
    const current = queue.shift();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    const message = current.message.replace(/\s*\(via \w+\)\s*$/, "").trim();
    if (message && !messages.some((known) => known.includes(message))) messages.push(message);
    queue.push((current as Error & { originalError?: unknown }).originalError, current.cause);
  }
  return messages.join("\n  ");
}

/** Renders the site model to HTML with Eleventy, from the project's layouts and pages only. */
export async function runEleventy({
  model,
  outputDir,
  quiet = true,
  basePath = "/",
  printPages = false,
  onlyDocuments,
}: RunEleventyOptions): Promise<RenderedSite> {
  // Imported here, not at the top: the site's modules load Nunjucks, and once Nunjucks is loaded
  // every later string-heavy step in the process runs slower (validating 1,000 files: 1.0-1.2 s
  // before, 1.2-1.5 s after), so nothing loads it before the content is validated.
  const { default: projectConfig, config: projectOptions } =
    await import("../../eleventy.config.ts");
  const eleventy = new Eleventy(sitePagesDir, path.resolve(outputDir), {
    source: "script",
    runMode: "build",
    // eleventy.config.ts is applied below, as a module of the build, rather than imported by
    // Eleventy: the build runs from compiled JavaScript (scripts/launch.mjs), where Eleventy's
    // import of a .ts file would fail on Node 20, and a second copy of the site's modules would
    // be loaded beside the build's own. A false path stops Eleventy looking for a config file.
    configPath: false,
    quietMode: quiet,
    // Eleventy's HTML base plugin, added below, puts it in front of every URL in the HTML.
    pathPrefix: basePath,
    config: (config: UserConfig) => {
      addSiteModel(config, () => model, onlyDocuments);
      // The site's own pages (the files in site/pages) list documents and are left as they were;
      // the documents' pages are virtual templates under charterbook/.
      if (onlyDocuments) {
        const virtual = path.join(sitePagesDir, "charterbook") + path.sep;
        config.addPreprocessor("only-documents", "njk", function (this: { inputPath: string }) {
          if (!path.resolve(this.inputPath).startsWith(virtual)) return false;
        });
      }
      if (printPages) config.addPlugin(printPagesPlugin);
      // Rewrites every URL in every page; at the root there is nothing to rewrite, so it is
      // only added for a base path (it costs a full HTML parse per page).
      if (basePath !== "/") config.addPlugin(HtmlBasePlugin);
      // Last, where Eleventy would have applied the file: after this callback.
      config.setTemplateFormats([...projectOptions.templateFormats]);
      projectConfig(config);
    },
  });
  // Problems are reported by the caller, once and without Eleventy's stack traces.
  eleventy.disableLogger();
  let written: unknown;
  try {
    written = await eleventy.write();
  } catch (error) {
    throw new TemplateRenderError(describeEleventyError(error), { cause: error });
  }
  const [, templates] = written as [unknown, { outputPath?: string | false; content?: unknown }[]];
  const html = templates.filter(
    (t): t is { outputPath: string; content?: unknown } =>
      typeof t.outputPath === "string" && t.outputPath.endsWith(".html"),
  );
  return {
    pages: html.length,
    pagesWithPdfLinks: pagesWhose(html, (content) => content.includes(pdfSizePlaceholderMark)),
    searchablePages: pagesWhose(html, isSearchable),
  };
}

/** The output paths of the pages whose HTML passes a test. */
function pagesWhose(
  pages: { outputPath: string; content?: unknown }[],
  test: (html: string) => boolean,
): string[] {
  return pages
    .filter((page) => typeof page.content === "string" && test(page.content))
    .map((page) => page.outputPath);
}
