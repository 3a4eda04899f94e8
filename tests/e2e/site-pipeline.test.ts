import { execFile } from "node:child_process";
import { cp, lstat, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build/pipeline.ts";
import { leftBehind, snapshotTree } from "./helpers/site-tree.ts";

const run = promisify(execFile);
const fixture = path.resolve("tests/fixtures/site-minimal");

let work: string;
let outputDir: string;
let before: Record<string, string>;

/** A copy of the minimal fixture, changed by `change`, to build from. */
async function contentWith(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(work, name);
  await cp(fixture, dir, { recursive: true });
  await change(dir);
  return dir;
}

const stagingLeftBehind = () => leftBehind(outputDir);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-pipeline-"));
  outputDir = path.join(work, "site");
  await build({ contentDir: fixture, outputDir, pdf: false });
  before = await snapshotTree(outputDir);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

// Each stage failing, for build(), is in build-atomic.test.ts.
describe("a build", () => {
  it("publishes a complete site with its search index", () => {
    expect(before["index.html"]).toBeDefined();
    expect(before["pagefind/pagefind-ui.js"]).toBeDefined();
    expect(before["_headers"]).toBeDefined();
  });
});

describe("the published folder", () => {
  it("is packed by GitHub Pages' upload as plain files, with no link in the archive", async () => {
    // As actions/upload-pages-artifact packs the folder it is given.
    const archive = path.join(work, "artifact.tar");
    await run("tar", [
      "--dereference",
      "--hard-dereference",
      "--directory",
      outputDir,
      "-cf",
      archive,
      ".",
    ]);
    const { stdout } = await run("tar", ["-tvf", archive]);
    const entries = stdout.trim().split("\n");
    expect(entries.some((line) => / \.\/index\.html$/.test(line))).toBe(true);
    expect(entries.filter((line) => !/^[-d]/.test(line))).toEqual([]);
  });

  it("is copied as plain files by cp -r", async () => {
    const copy = path.join(work, "copy");
    await run("cp", ["-r", `${outputDir}/.`, copy]);
    expect((await lstat(path.join(copy, "index.html"))).isFile()).toBe(true);
    expect((await lstat(path.join(copy, "pagefind"))).isDirectory()).toBe(true);
  });
});

describe("npm run build", () => {
  const cli = async (
    contentDir: string,
    options: { pdf?: boolean; env?: NodeJS.ProcessEnv } = {},
  ) => {
    try {
      const args = ["tsx", "scripts/build.ts", "--content", contentDir, "--out", outputDir];
      const { stdout, stderr } = await run("npx", options.pdf ? args : [...args, "--no-pdf"], {
        env: { ...process.env, ...options.env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("prints each stage with its duration", async () => {
    const { code, stdout } = await cli(fixture);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^validate +\d+ ms {2}\d+ files, no problems$/m);
    expect(stdout).toMatch(/^eleventy +\d+ ms {2}\d+ pages$/m);
    expect(stdout).toMatch(/^pagefind +\d+ ms/m);
    expect(stdout).toMatch(/^publish +\d+ ms/m);
  });

  it("lists problems by file and ends with Nothing was built, exit 1", async () => {
    const contentDir = await contentWith("cli-invalid", async (dir) => {
      await writeFile(
        path.join(dir, "guide", "broken.md"),
        "---\ntitle: Broken\norder: one\nsumary: x\n---\nText.\n",
      );
    });
    const { code, stderr } = await cli(contentDir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/guide\/broken\.md:3:\d+ {2}order/);
    expect(stderr.trim().split("\n").slice(-2)).toEqual([
      expect.stringMatching(/^\d+ problems in 1 file\.$/),
      `Nothing was built; ${outputDir}/ is as it was.`,
    ]);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("stops before publishing when no browser is found, saying how to get one, exit 1", async () => {
    // Taken now: a successful build above replaced the output (Pagefind's file names vary by run).
    const before = await snapshotTree(outputDir);
    const { code, stderr } = await cli(fixture, {
      pdf: true,
      env: { PUPPETEER_EXECUTABLE_PATH: path.join(work, "no-such-chrome") },
    });
    expect(code).toBe(1);
    expect(stderr).toContain("PUPPETEER_EXECUTABLE_PATH is set to");
    expect(stderr).toMatch(/Nothing was built; .* is as it was\./);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(await snapshotTree(outputDir)).toEqual(before);
    expect(await stagingLeftBehind()).toEqual([]);
  });

  it("stops before publishing when the browser fails to start, exit 1", async () => {
    const before = await snapshotTree(outputDir);
    const brokenBrowser = path.join(work, "broken-chrome");
    await writeFile(brokenBrowser, "#!/bin/sh\necho 'cannot start' >&2\nexit 1\n", { mode: 0o755 });
    const { code, stderr } = await cli(fixture, {
      pdf: true,
      env: { PUPPETEER_EXECUTABLE_PATH: brokenBrowser },
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`The browser at ${brokenBrowser} did not start`);
    expect(stderr).toMatch(/Nothing was built; .* is as it was\./);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(await snapshotTree(outputDir)).toEqual(before);
    expect(await stagingLeftBehind()).toEqual([]);
  });
});
