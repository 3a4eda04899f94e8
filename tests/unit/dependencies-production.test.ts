import { readFileSync } from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * A production install (`npm ci --omit=dev`) must be able to validate, build, preview and check:
 * every package the commands load, directly or through the modules they import, is a dependency,
 * not a development dependency. Followed from each command's entry point, as Node would.
 */
const root = path.resolve(".");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const entryPoints = [
  "scripts/launch.mjs",
  "scripts/build.ts",
  "scripts/serve.ts",
  "scripts/validate.ts",
  "scripts/check.ts",
  "scripts/revise.ts",
  "scripts/approve.ts",
  "scripts/edit.ts",
  "eleventy.config.ts",
];

/** Every package a module graph loads: static and dynamic imports, and require.resolve calls. */
function packagesLoadedFrom(entries: string[]): Map<string, string> {
  const loaded = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gm),
      ...source.matchAll(/^\s*import\s+"([^"]+)"/gm),
      ...source.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
      ...source.matchAll(/\brequire\.resolve\(\s*"([^"]+)"\s*\)/g),
    ].map((match) => match[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) {
        visit(path.resolve(path.dirname(file), specifier));
        continue;
      }
      if (specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
      const parts = specifier.split("/");
      const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
      if (!loaded.has(name)) loaded.set(name, path.relative(root, file));
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return loaded;
}

describe("a production install", () => {
  it("has every package the commands load among the dependencies", () => {
    const loaded = packagesLoadedFrom(entryPoints);
    expect(loaded.size).toBeGreaterThan(8);
    const missing = [...loaded]
      .filter(([name]) => !(name in manifest.dependencies))
      .map(([name, from]) => `${name} (loaded by ${from})`);
    expect(missing).toEqual([]);
  });

  it("would catch a development dependency loaded by a command (the check can fail)", () => {
    const loaded = packagesLoadedFrom(["tests/e2e/helpers/read-pdf.ts"]);
    expect(loaded.get("pdfjs-dist")).toBe("tests/e2e/helpers/read-pdf.ts");
    expect("pdfjs-dist" in manifest.devDependencies).toBe(true);
  });
});
