/**
 * `npm run build`, as a function: scripts/build.ts calls it with the command line. The tests that
 * kill a build between two system calls call it too, with a fault hook, so they exercise exactly
 * what an editor runs.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "../cli/usage-error.ts";
import { formatProblems } from "../content/problems.ts";
import { build, type BuildOptions } from "./pipeline.ts";

const usage =
  "Usage: npm run build -- [--content DIR] [--out DIR] [--no-pdf] [--paper A4|Letter] [--base-path /PATH/] [--debug]";
const about = `Validates the content, builds the site, its search index and its PDFs, and publishes them into
the output folder (_site) only when every stage succeeded.`;

/** Runs the build command on command-line arguments, exiting with its code. */
export function buildCommand(args: string[], hooks: Pick<BuildOptions, "beforeStage"> = {}): void {
  let outputFolder = "_site";
  runCommand(
    async () => {
      const { values } = parseFlags(
        args,
        {
          content: { type: "string", default: "content" },
          out: { type: "string", default: "_site" },
          "no-pdf": { type: "boolean", default: false },
          paper: { type: "string" },
          "base-path": { type: "string", default: process.env["CHARTERBOOK_BASE_PATH"] ?? "/" },
          debug: { type: "boolean", default: false },
        },
        usage,
        about,
      );
      outputFolder = values.out.replace(/\/+$/, "");
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

      const result = await build({
        contentDir: path.resolve(values.content),
        outputDir: path.resolve(values.out),
        pdf: !values["no-pdf"],
        paperSize: values.paper as "A4" | "Letter" | undefined,
        basePath,
        log: (line) => console.log(line),
        ...hooks,
      });
      if (result.warnings.length) console.log(formatProblems(result.warnings));
      console.log(
        `Built ${result.pages} pages${result.pdfs.length ? ` and ${result.pdfs.length} PDFs` : ""} into ${values.out}/ in ${result.totalMs} ms.`,
      );
      return 0;
    },
    { note: () => `Nothing was built; ${outputFolder}/ is as it was.` },
  );
}
