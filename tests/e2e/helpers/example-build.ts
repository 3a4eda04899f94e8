import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { build, type BuildResult } from "../../../scripts/build/pipeline.ts";

/** The example site as `npm run build` makes it: pages, search index, print pages and PDFs. */
export interface ExampleBuild {
  /** The published output folder. */
  siteDir: string;
  result: BuildResult;
  /** The lines the build logged, one per stage and per PDF. */
  log: string[];
}

/** The date the example is built on, so that which charter is overdue does not move with the day. */
export const exampleToday = "2026-11-23";

/**
 * The example content built once per test run, for the end-to-end files that only read the
 * result (PDFs read back, forms filled in Chromium). The first file to ask builds it; the others,
 * in other workers, wait for its record. Building it once saves a full build with every PDF per
 * file (about 20 seconds each on two cores).
 *
 * Read-only: a test that changes the site must build its own.
 */
export async function exampleBuild(): Promise<ExampleBuild> {
  const root = inject("exampleBuildRoot");
  const record = path.join(root, "build.json");
  const failure = path.join(root, "failure.txt");
  const claimed = await mkdir(path.join(root, "claim")).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return false;
      throw error;
    },
  );
  if (claimed) {
    const log: string[] = [];
    const siteDir = path.join(root, "_site");
    const previous = process.env.CHARTERBOOK_TODAY;
    process.env.CHARTERBOOK_TODAY = exampleToday;
    try {
      const result = await build({
        contentDir: path.resolve("content"),
        outputDir: siteDir,
        pdf: true,
        log: (line) => log.push(line),
      });
      const built: ExampleBuild = { siteDir, result, log };
      await writeFile(record, JSON.stringify(built));
      return built;
    } catch (error) {
      await writeFile(failure, String(error instanceof Error ? error.stack : error));
      throw error;
    } finally {
      if (previous === undefined) delete process.env.CHARTERBOOK_TODAY;
      else process.env.CHARTERBOOK_TODAY = previous;
    }
  }
  // Another worker is building it: its record appears when the build is published.
  for (let waited = 0; waited < 300_000; waited += 200) {
    const done = await readFile(record, "utf8").catch(() => undefined);
    if (done) return JSON.parse(done) as ExampleBuild;
    const failed = await readFile(failure, "utf8").catch(() => undefined);
    if (failed) throw new Error(`The shared example build failed in another test file:\n${failed}`);
    await sleep(200);
  }
  throw new Error(`The shared example build in ${root} did not finish within 5 minutes.`);
}
