import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/fixtures/**", "node_modules/**"],
    // End-to-end tests share one built site and one browser; they set their own longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
