import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "_site",
      ".site-builds/",
      ".cache/",
      "node_modules/",
      "tests/fixtures/",
      "scripts/content/schema-validators.generated.js",
      ".site-build-*/",
      "bench/results/tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "off",
    },
  },
  {
    // The launcher (scripts/launch.mjs) is the one JavaScript module Node runs directly.
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
