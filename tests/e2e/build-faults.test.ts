/**
 * Builds that survive anything: the real `npm run build` in a child process, killed or stopped
 * between two system calls, run twice at once, given a lock a dead build left, or denied the
 * right to write. Each case checks the output folder's bytes, what is left behind, that no
 * browser outlives the build, and the exact message.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotTree } from "./helpers/site-tree.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** tsx's loader by its file URL: the builds run from folders outside the repository. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const withFault = path.join(projectRoot, "tests/e2e/helpers/build-with-fault.ts");
const fixture = path.join(projectRoot, "tests/fixtures/site-minimal");

let work: string;
/** A published site (`site` -> .site-builds/...) built from the fixture, copied for each case. */
let template: string;
let oldSite: Record<string, string>;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number },
): Promise<Run> & { pid: number | undefined } {
  // Node itself with tsx's loader, rather than the tsx command (which runs Node as a child of its
  // own), so a signal reaches the build's process and its exit is this process's exit.
  const child = spawn(process.execPath, ["--import", tsxLoader, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  ) as Promise<Run> & { pid: number | undefined };
  done.pid = child.pid;
  return done;
}

/** A copy of the published template site in its own folder, with content to build. */
async function project(name: string, options: { newContent?: boolean } = {}) {
  const dir = path.join(work, name);
  await cp(template, dir, { recursive: true, verbatimSymlinks: true });
  if (options.newContent) {
    // North East's ground rules are its draft's (0.2), shown on the draft's own page.
    const rules = path.join(dir, "content/communities/north-east/ground-rules.md");
    await writeFile(
      rules,
      `${await readFile(rules, "utf8")}\nA sentence only the new build has.\n`,
    );
  }
  return { dir, out: path.join(dir, "site"), builds: path.join(dir, ".site-builds") };
}

const build = (dir: string, point: string, action: string, extra: string[] = [], env = {}) =>
  run([withFault, point, action, "--content", "content", "--out", "site", ...extra], {
    cwd: dir,
    env,
  });

/** Text to match literally inside a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The builds folder holds the published build and its record, and nothing a killed build left. */
async function expectTidy(builds: string) {
  const entries = (await readdir(builds)).sort();
  expect(entries.filter((entry) => entry.startsWith("build-"))).toHaveLength(1);
  expect(entries.filter((entry) => !entry.startsWith("build-"))).toEqual(["published"]);
  expect((await readdir(path.dirname(builds))).filter((e) => e.includes(".link-"))).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-faults-"));
  await chmod(work, 0o755);
  template = path.join(work, "template");
  await mkdir(template);
  await cp(fixture, path.join(template, "content"), { recursive: true });
  const first = await run(
    [
      path.join(projectRoot, "scripts/build.ts"),
      "--content",
      "content",
      "--out",
      "site",
      "--no-pdf",
    ],
    { cwd: template },
  );
  expect(first.code, first.stderr).toBe(0);
  oldSite = await snapshotTree(path.join(template, "site"));
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a build killed between two steps", () => {
  it.each(["eleventy", "pagefind", "publish", "publish:recorded", "publish:linked"])(
    "at %s leaves the old site whole, and the next build tidies up",
    { timeout: 60_000 },
    async (point) => {
      const { dir, out, builds } = await project(`kill-${point.replace(":", "-")}`, {
        newContent: true,
      });
      const killed = await build(dir, point, "SIGKILL", ["--no-pdf"]);
      expect(killed.signal).toBe("SIGKILL");
      expect(await snapshotTree(out)).toEqual(oldSite);

      const next = await build(dir, "none", "none", ["--no-pdf"]);
      expect(next.code, next.stderr).toBe(0);
      expect(
        await readFile(
          path.join(out, "communities/north-east/ground-rules/0.2/index.html"),
          "utf8",
        ),
      ).toContain("A sentence only the new build has.");
      await expectTidy(builds);
    },
  );

  it("after the swap publishes the new site whole", { timeout: 60_000 }, async () => {
    const { dir, out, builds } = await project("kill-swapped", { newContent: true });
    const killed = await build(dir, "publish:swapped", "SIGKILL", ["--no-pdf"]);
    expect(killed.signal).toBe("SIGKILL");
    const page = await readFile(
      path.join(out, "communities/north-east/ground-rules/0.2/index.html"),
      "utf8",
    );
    expect(page).toContain("A sentence only the new build has.");
    // Every page and asset of a build is there (the search index's chunk names follow the text).
    const pages = (tree: Record<string, string>) =>
      Object.keys(tree)
        .filter((file) => !file.startsWith("pagefind/"))
        .sort();
    const published = await snapshotTree(out);
    expect(pages(published)).toEqual(pages(oldSite));
    expect(published["pagefind/pagefind.js"]).toBeDefined();
    const next = await build(dir, "none", "none", ["--no-pdf"]);
    expect(next.code, next.stderr).toBe(0);
    await expectTidy(builds);
  });

  it(
    "while a plain output folder is replaced by the first link, is restored by the next command",
    { timeout: 60_000 },
    async () => {
      const { dir, out, builds } = await project("kill-moved-aside", { newContent: true });
      // An output folder from an earlier version of Charterbook: a plain folder.
      await rm(out);
      await rm(builds, { recursive: true });
      await cp(path.join(template, "site"), out, { recursive: true, dereference: true });
      const killed = await build(dir, "publish:moved-aside", "SIGKILL", ["--no-pdf"]);
      expect(killed.signal).toBe("SIGKILL");
      expect(existsSync(out)).toBe(false);

      // Even a build whose content is invalid first puts the site back.
      await writeFile(path.join(dir, "content/guide/broken.md"), "---\ntitle: Broken\n---\n");
      const next = await build(dir, "none", "none", ["--no-pdf"]);
      expect(next.code).toBe(1);
      expect(next.stdout).toContain(`Restored ${out}, which a stopped build had left missing.`);
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(
        await readFile(
          path.join(out, "communities/north-east/ground-rules/0.2/index.html"),
          "utf8",
        ),
      ).toContain("A sentence only the new build has.");
    },
  );
});

describe("a build stopped by a signal", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "by %s removes its work, releases the lock and says nothing was built",
    { timeout: 60_000 },
    async (signal, code) => {
      const { dir, out, builds } = await project(`stop-${signal}`, { newContent: true });
      const stopped = await build(dir, "pagefind", signal, ["--no-pdf"]);
      expect(stopped.code).toBe(code);
      expect(stopped.stderr).toBe(`Stopped by ${signal}. Nothing was built; site/ is as it was.\n`);
      expect(await snapshotTree(out)).toEqual(oldSite);
      await expectTidy(builds);
    },
  );

  it.each(["SIGTERM", "SIGKILL"] as const)(
    "by %s while printing leaves no browser running",
    { timeout: 120_000 },
    async (signal) => {
      const { dir, out } = await project(`print-${signal}`, { newContent: true });
      const browsersFile = path.join(dir, "browsers.json");
      const stopped = await build(dir, "pdf", `${signal}@browser`, [], {
        FAULT_BROWSERS: browsersFile,
      });
      if (signal === "SIGTERM") {
        expect(stopped.code).toBe(143);
        expect(stopped.stderr).toBe("Stopped by SIGTERM. Nothing was built; site/ is as it was.\n");
      } else {
        expect(stopped.signal).toBe("SIGKILL");
      }
      const browsers = JSON.parse(await readFile(browsersFile, "utf8")) as number[];
      expect(browsers.length).toBeGreaterThan(0);
      const deadline = Date.now() + 10_000;
      while (browsers.some(alive) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(browsers.filter(alive)).toEqual([]);
      expect(await snapshotTree(out)).toEqual(oldSite);
    },
  );
});

describe("two builds of one output folder", () => {
  it("do not interleave: the second names the first and stops", { timeout: 60_000 }, async () => {
    const { dir, out, builds } = await project("parallel", { newContent: true });
    // A file in the build's own folder: the build's command line, quoted in the message, stays short.
    const release = path.join(dir, "release");
    const first = build(dir, "eleventy", "hold@release", ["--no-pdf"]);
    // The first build holds the lock once its own build folder appears beside the published one.
    const deadline = Date.now() + 20_000;
    while ((await readdir(builds)).filter((entry) => entry.startsWith("build-")).length < 2) {
      if (Date.now() > deadline) {
        await writeFile(release, "");
        throw new Error("The first build never started writing.");
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The first build goes on once the second has met its lock (or this test failed).
    const second = await build(dir, "none", "none", ["--no-pdf"]).finally(() =>
      writeFile(release, ""),
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^Another build is writing site/: process ${first.pid}, started at \\d\\d:\\d\\d:\\d\\d \\(build-with-fault\\.ts eleventy hold@release --content content --out site --no-pdf\\)\\.\\n` +
          `Wait for it to finish, or stop it \\(kill ${first.pid}\\), then build again\\. If no build is running, delete ${escape(builds)}/lock\\.\\n` +
          "Nothing was built; site/ is as it was\\.\\n$",
      ),
    );
    const finished = await first;
    expect(finished.code, finished.stderr).toBe(0);
    expect(
      await readFile(path.join(out, "communities/north-east/ground-rules/0.2/index.html"), "utf8"),
    ).toContain("A sentence only the new build has.");
    await expectTidy(builds);
  });

  it("take over a lock whose build is no longer running", { timeout: 60_000 }, async () => {
    const { dir, builds } = await project("dead-holder");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    await writeFile(
      path.join(builds, "lock"),
      JSON.stringify({
        pid: gone,
        host: os.hostname(),
        started: new Date().toISOString(),
        command: "build.ts",
      }),
    );
    const next = await build(dir, "none", "none", ["--no-pdf"]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(
      `Took over the lock on site/ left by process ${gone}, which is no longer running.`,
    );
    await expectTidy(builds);
  });
});

describe("a build that may not write", () => {
  it("says where and what to do, without a stack trace, exit 1", { timeout: 60_000 }, async () => {
    const dir = path.join(work, "read-only");
    await mkdir(path.join(dir, "out"), { recursive: true });
    await cp(fixture, path.join(dir, "content"), { recursive: true });
    await chmod(path.join(dir, "out"), 0o555);
    // Root may write anywhere, so the build runs as nobody there, as a user's build would.
    const asRoot = process.getuid?.() === 0;
    const result = await run(
      [
        path.join(projectRoot, "scripts/build.ts"),
        "--content",
        "content",
        "--out",
        "out/site",
        "--no-pdf",
      ],
      { cwd: dir, env: { HOME: dir }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
    );
    const builds = path.join(dir, "out/.site-builds");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Could not create ${builds}: permission was refused at ${builds} (EACCES).\n` +
        "Check that you may write there (ls -ld), or choose another folder with --out.\n" +
        "Nothing was built; out/site/ is as it was.\n",
    );
  });
});
