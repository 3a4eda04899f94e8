/**
 * `npm start`: a live preview of the site with Eleventy's dev server. Every save re-validates the
 * content first; when it has problems they are listed with file:line and the preview keeps showing
 * the last good build. After each rebuild the search index is made again (Pagefind has no
 * development mode), so search works in the preview too.
 */
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatProblems, summariseProblems } from "./content/problems.ts";
import { validateContent } from "./content/validate-content.ts";
import { allowTypeScriptConfig, eleventyConfigPath } from "./site/run-eleventy.ts";
import { indexSearch } from "./site/search-index.ts";

const usage = "Usage: npm start -- [--content DIR] [--port 8080]";

/** Stops a rebuild after validation failed; Eleventy prints only this line, not a stack. */
class ContentProblemsError extends Error {
  override name = "ContentProblemsError";
  readonly skipOriginalStack = true;
}

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    { content: { type: "string", default: "content" }, port: { type: "string", default: "8080" } },
    usage,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(
      `--port must be a number from 1 to 65535, not "${values.port}".\n${usage}`,
    );
  }
  const contentDir = path.resolve(values.content);
  // The preview has its own folder, so it never mixes with the published build in _site/.
  const outputDir = path.resolve(".cache/preview");

  allowTypeScriptConfig();
  const eleventy = new Eleventy(contentDir, outputDir, {
    source: "cli",
    runMode: "serve",
    configPath: eleventyConfigPath,
    quietMode: true,
    config: (config) => {
      config.on("eleventy.before", async () => {
        const result = await validateContent(contentDir);
        const summary = summariseProblems(result.problems, result.filesChecked);
        if (result.problems.some((p) => p.severity === "error")) {
          console.error(`\n${formatProblems(result.problems)}\n${summary}`);
          throw new ContentProblemsError(
            "Not rebuilt: fix the problems above. The preview still shows the last good build.",
          );
        }
        console.log(`[charterbook] ${summary}`);
      });
      config.on("eleventy.after", async () => {
        const started = performance.now();
        const { pages } = await indexSearch(outputDir);
        console.log(
          `[charterbook] Search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`,
        );
      });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  console.log(`[charterbook] Preview at http://localhost:${port}/ (Ctrl+C to stop)`);
  // The dev server and the watcher keep the process alive until Ctrl+C.
  return await new Promise<number>(() => {});
});
