import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/fixtures/**", "node_modules/**"],
    // End-to-end tests share one built site and one browser; they set their own longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // A folder for the one build of the example site that several e2e files read.
    globalSetup: ["tests/e2e/helpers/example-build.global.ts"],
  },
});
