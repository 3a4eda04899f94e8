/**
 * Loading Nunjucks slows every later string-heavy step of the process by a quarter to a third:
 * its SafeString is built with Object.create(String.prototype), which V8 answers by leaving its
 * fast paths for strings (inikulin/parse5#1348 shows the same with parse5). Validation parses every
 * file's YAML and Markdown, so the build must not load Nunjucks before the content is validated:
 * only when it renders (scripts/site/run-eleventy.ts imports Eleventy's config then).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** The packages of node_modules that importing these modules loads, in a process of its own. */
async function packagesLoadedBy(modules: string[]): Promise<string[]> {
  const script = [
    'import { createRequire } from "node:module";',
    ...modules.map(
      (module) => `await import(${JSON.stringify(pathToFileURL(path.resolve(module)).href)});`,
    ),
    "const loaded = Object.keys(createRequire(import.meta.url).cache);",
    "console.log(JSON.stringify(loaded.map((file) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file)?.[1]).filter(Boolean)));",
  ].join("\n");
  const { stdout } = await run(process.execPath, [
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    script,
  ]);
  return [...new Set(JSON.parse(stdout) as string[])];
}

describe("the build's modules", () => {
  it("do not load Nunjucks until the site is rendered", { timeout: 30_000 }, async () => {
    expect(
      await packagesLoadedBy(["scripts/build/pipeline.ts", "scripts/build/build-command.ts"]),
    ).not.toContain("nunjucks");
    // The control: the site's modules, which rendering imports, do load it.
    expect(await packagesLoadedBy(["eleventy.config.ts"])).toContain("nunjucks");
  });
});
