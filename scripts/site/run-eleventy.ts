import path from "node:path";
import { Eleventy, HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import printPagesPlugin from "../pdf/print-pages.ts";
import { register } from "tsx/esm/api";
import { projectRoot } from "./project-paths.ts";

export interface RunEleventyOptions {
  /** The content folder to build, such as content/ or a test fixture. */
  contentDir: string;
  /** Where the HTML goes; created if missing. */
  outputDir: string;
  /** Keep Eleventy's own log lines out of the terminal. @default true */
  quiet?: boolean;
  /**
   * Also write the print pages the PDFs are made from (scripts/pdf/print-pages.ts). Each holds a
   * community's whole guide, so they are most of the output: only builds that print PDFs ask.
   * @default false
   */
  printPages?: boolean;
  /** The path the site is served under, such as /charterbook/ on GitHub Pages. @default "/" */
  basePath?: string;
}

/** A layout or page failed to render: the message names the file and what went wrong, no stack. */
export class TemplateRenderError extends Error {
  override name = "TemplateRenderError";
}

export const eleventyConfigPath = path.join(projectRoot, "eleventy.config.ts");

let typeScriptLoaderRegistered = false;

/**
 * Eleventy imports its config file with Node's own import(), which cannot read TypeScript on
 * Node 20; tsx's loader lets it (the build CLI already runs under tsx, tests do not).
 */
export function allowTypeScriptConfig(): void {
  if (typeScriptLoaderRegistered) return;
  register();
  typeScriptLoaderRegistered = true;
}

/** Follows Eleventy's chain of wrapped errors to the messages that say what went wrong. */
export function describeEleventyError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && messages.length < 6) {
    const message = current.message.replace(/\s*\(via \w+\)\s*$/, "").trim();
    if (message && !messages.includes(message)) messages.push(message);
    const next = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return messages.join("\n  ");
}

/** Renders a content folder to HTML with Eleventy; returns how many pages were written. */
export async function runEleventy({
  contentDir,
  outputDir,
  quiet = true,
  basePath = "/",
  printPages = false,
}: RunEleventyOptions): Promise<{ pages: number }> {
  allowTypeScriptConfig();
  const eleventy = new Eleventy(path.resolve(contentDir), path.resolve(outputDir), {
    source: "script",
    runMode: "build",
    configPath: eleventyConfigPath,
    quietMode: quiet,
    // Eleventy's HTML base plugin, added below, puts it in front of every URL in the HTML.
    pathPrefix: basePath,
    config: (config: UserConfig) => {
      if (printPages) config.addPlugin(printPagesPlugin);
      // Rewrites every URL in every page; at the root there is nothing to rewrite, so it is
      // only added for a base path (it costs a full HTML parse per page).
      if (basePath !== "/") config.addPlugin(HtmlBasePlugin);
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
  const [, templates] = written as [unknown, { outputPath?: string | false }[]];
  const pages = templates.filter(
    (t) => typeof t.outputPath === "string" && t.outputPath.endsWith(".html"),
  ).length;
  return { pages };
}
