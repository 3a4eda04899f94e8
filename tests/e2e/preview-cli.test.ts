import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** `npm start` as an editor runs it: from the folder holding content/, on a free port. */
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

let work: string;
let child: ChildProcessWithoutNullStreams;
let stdout = "";
let stderr = "";
let url: string;

const waitFor = async (what: string, ready: () => boolean | Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
};
const get = async (pathname: string) => (await fetch(`${url}${pathname}`)).text();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-preview-"));
  await cp(path.resolve("tests/fixtures/site-minimal"), path.join(work, "content"), {
    recursive: true,
  });
  child = spawn(tsx, [path.join(projectRoot, "scripts/serve.ts"), "--port", "0"], { cwd: work });
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor("the preview to start", () => /Preview at (\S+)\//.test(stdout));
  url = /Preview at (\S+)\//.exec(stdout)![1]!;
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await rm(work, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves the site on 127.0.0.1 only, each page with its reload script", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const home = await get("/");
    expect(home).toContain('<script src="/__preview/reload.js" type="module"></script>');
    expect(await get("/__preview/reload.js")).toContain('new EventSource("/__preview/events")');
  });

  it("shows a saved edit, and keeps the last good preview when an edit breaks the content", async () => {
    // North East's ground rules are its draft's (0.2), shown on the draft's own page.
    const rules = path.join(work, "content/communities/north-east/ground-rules.md");
    await appendFile(rules, "\nA sentence added while the preview runs.\n");
    await waitFor("the edit to show", async () =>
      (await get("/communities/north-east/ground-rules/0.2/")).includes("A sentence added while"),
    );
    // Only the edited document's pages were rendered again, not the 14 of the site: its own
    // page, its version's page and what that version changes.
    // The line is logged once the pages are written, so it may follow the page by a moment.
    await waitFor("the rebuild to be logged", () => /files checked, \d+ changed page/.test(stdout));
    expect(stdout).toMatch(/6 files checked, 3 changed pages built in \d+ ms/);

    const good = await get("/communities/north-east/ground-rules/0.2/");
    await writeFile(rules, (await readFile(rules, "utf8")).replace("title:", "title: [unclosed"));
    await waitFor("the problem to be reported", () => stderr.includes("Not rebuilt"));
    expect(stderr).toMatch(/content\/communities\/north-east\/ground-rules\.md:\d+:\d+/);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(await get("/communities/north-east/ground-rules/0.2/")).toBe(good);
  }, 60_000);

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
