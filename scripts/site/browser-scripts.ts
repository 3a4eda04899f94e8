import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { build } from "esbuild";
import { CharterbookError } from "../cli/errors.ts";
import { projectRoot } from "./project-paths.ts";

/**
 * The site's scripts written in TypeScript (scripts/browser/), bundled for the browser with
 * esbuild, each with the libraries it imports (the Word export takes docx), so the site serves
 * them itself under its Content-Security-Policy: no script from elsewhere, no eval.
 */
export const browserScripts = {
  "form-fill.js": "scripts/browser/form-fill.ts",
  "form-markdown.js": "scripts/browser/form-markdown.ts",
  "form-docx.js": "scripts/browser/form-docx.ts",
} as const;

export type BrowserScripts = Record<keyof typeof browserScripts, string>;

/** A bundle that would not build: the message names the file and what esbuild said. */
export class BrowserScriptError extends CharterbookError {
  override name = "BrowserScriptError";
  constructor(details: string, options: { cause?: unknown } = {}) {
    super("render-failed", `The site's scripts could not be bundled:\n  ${details}`, options);
  }
}

let bundled: Promise<BrowserScripts> | undefined;

/**
 * Bundles the browser scripts once per process: their sources are the project's own, so a live
 * preview that rebuilds on every content save reuses them.
 */
export function bundleBrowserScripts(): Promise<BrowserScripts> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

async function bundle(): Promise<BrowserScripts> {
  const names = Object.keys(browserScripts) as (keyof typeof browserScripts)[];
  let result;
  try {
    result = await build({
      absWorkingDir: projectRoot,
      entryPoints: names.map((name) => ({
        in: browserScripts[name],
        out: name.replace(/\.js$/, ""),
      })),
      outdir: "assets/js",
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      legalComments: "eof",
      write: false,
      logLevel: "silent",
      // form-fill.js loads the other two itself, from beside it, only when a reader asks for an export.
      splitting: false,
    });
  } catch (error) {
    const errors = (
      error as { errors?: { text: string; location?: { file: string; line: number } }[] }
    ).errors;
    const details = errors?.length
      ? errors
          .map((e) => (e.location ? `${e.location.file}:${e.location.line}  ${e.text}` : e.text))
          .join("\n  ")
      : (error as Error).message;
    throw new BrowserScriptError(details, { cause: error });
  }
  const scripts = {} as BrowserScripts;
  for (const file of result.outputFiles) {
    const name = path.basename(file.path) as keyof typeof browserScripts;
    scripts[name] = file.text;
  }
  return scripts;
}

/** Publishes each bundle at /assets/js/<name> through Eleventy, with the rest of the site. */
export function addBrowserScripts(config: UserConfig): void {
  config.addGlobalData("browserScripts", () => bundleBrowserScripts());
  for (const name of Object.keys(browserScripts)) {
    config.addTemplate(`charterbook/assets/${name}.njk`, `{{ browserScripts["${name}"] | safe }}`, {
      permalink: `/assets/js/${name}`,
      eleventyExcludeFromCollections: true,
    });
  }
}
