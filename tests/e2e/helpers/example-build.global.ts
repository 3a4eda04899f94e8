import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where tests/e2e/helpers/example-build.ts builds the example site, once per run. */
    exampleBuildRoot: string;
  }
}

/**
 * Vitest's global setup: a folder for the shared example build of this run, removed when the run
 * ends. Nothing is built here, so a run of the unit tests alone pays nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), "charterbook-example-build-"));
  project.provide("exampleBuildRoot", root);
  return () => rm(root, { recursive: true, force: true });
}
