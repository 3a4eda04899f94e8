import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleAdminScript, bundleKey, readCachedBundle } from "../../scripts/cms/admin-bundle.ts";

/**
 * The content editor's script is kept between processes (node_modules/.cache), and made again
 * when anything it was made from changed. Each test writes its own cache file, never the shared one.
 */
let folder: string;
let cacheFile: string;
const input = "scripts/cms/prepare-save.ts";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A cache as a bundle made now from `input` would leave it. */
async function cache(changes: { key?: string; hash?: string } = {}) {
  const hash = changes.hash ?? sha256(await readFile(input));
  await writeFile(
    cacheFile,
    JSON.stringify({ key: changes.key ?? bundleKey(), inputs: { [input]: hash }, code: "// kept" }),
  );
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "charterbook-bundle-cache-"));
  cacheFile = path.join(folder, "admin-bundle.json");
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("the content editor's script", () => {
  it("is taken from the cache while nothing it was made from changed", async () => {
    await cache();
    expect(await readCachedBundle(bundleKey(), cacheFile)).toBe("// kept");
    expect(await bundleAdminScript(cacheFile)).toBe("// kept");
  });

  it("is not taken from the cache once a file it was made from changed", async () => {
    await cache({ hash: "0".repeat(64) });
    expect(await readCachedBundle(bundleKey(), cacheFile)).toBeUndefined();
  });

  it("is not taken from the cache once what is not a file changed (schemas, layouts, esbuild)", async () => {
    await cache({ key: "made with other layouts" });
    expect(await readCachedBundle(bundleKey(), cacheFile)).toBeUndefined();
  });

  it("is made again when the cache is stale, and kept with every file it was made from", async () => {
    await cache({ hash: "0".repeat(64) });
    const code = await bundleAdminScript(cacheFile);
    expect(code).toContain("charterbook-yaml");
    const kept = JSON.parse(await readFile(cacheFile, "utf8")) as {
      inputs: Record<string, string>;
      code: string;
    };
    expect(kept.code).toBe(code);
    expect(kept.inputs[input]).toBe(sha256(await readFile(input)));
    expect(Object.keys(kept.inputs)).toContain("scripts/cms/browser/main.ts");
  }, 60_000);
});
