import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/fixtures/**", "node_modules/**"],
    // End-to-end tests share one built site and one browser; they set their own longer timeouts.
    testTimeout: 30_000,
    // Vitest leaves a core free by default: one worker on a two-core machine. Most of an
    // end-to-end file's time is spent waiting on Chromium or a child build, so two files at once
    // use both cores (npm test: about 7 minutes with one worker, under 5 with two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 300_000,
    // A folder for the one build of the example site that several e2e files read.
    globalSetup: ["tests/e2e/helpers/example-build.global.ts"],
  },
});
