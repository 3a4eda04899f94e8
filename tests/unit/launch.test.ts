/**
 * scripts/launch.mjs, which every npm script runs: a command runs from its compiled copy, the copy
 * follows every change to the sources, and a command still runs (through tsx) when no copy can be
 * made. On a small project of its own in a temporary folder, with the real esbuild and tsx.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repository = path.resolve(".");
let project = "";
const compiled = () => path.join(project, "node_modules/.cache/charterbook/compiled");

/** Runs `node scripts/launch.mjs ...args` in the project; never rejects. */
function launch(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["scripts/launch.mjs", ...args],
      { cwd: project, env: { ...process.env, DEBUG: "", ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const write = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(project, file)), { recursive: true });
  await writeFile(path.join(project, file), text);
};

/** What scripts/greet.ts prints, parsed. */
interface Greeting {
  greeting: string;
  plain: string;
  url: string;
  flags: string[];
  /** The file the running code was loaded from, from a stack trace. */
  ranFrom: string;
}
const greet = async (args: string[] = [], env: Record<string, string> = {}) => {
  const result = await launch(["greet", ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return { ...(JSON.parse(result.stdout) as Greeting), stderr: result.stderr };
};

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "charterbook-launch-"));
  await cp(path.join(repository, "scripts/launch.mjs"), path.join(project, "scripts/launch.mjs"));
  await write("package.json", JSON.stringify({ type: "module" }));
  // The launcher's own packages; their dependencies resolve from the repository's node_modules.
  for (const name of ["esbuild", "tsx"]) {
    await mkdir(path.join(project, "node_modules"), { recursive: true });
    await symlink(
      path.join(repository, "node_modules", name),
      path.join(project, "node_modules", name),
    );
  }
  await write("scripts/words/greeting.ts", 'export const greeting: string = "hello";\n');
  await write("scripts/words/plain.js", 'export const plain = "not compiled";\n');
  await write(
    "scripts/greet.ts",
    [
      'import { greeting } from "./words/greeting.ts";',
      'import { plain } from "./words/plain.js";',
      "const ranFrom = (new Error().stack ?? '').split('\\n')[1] ?? '';",
      "const flags: string[] = process.argv.slice(2);",
      "console.log(JSON.stringify({ greeting, plain, url: import.meta.url, flags, ranFrom }));",
      "",
    ].join("\n"),
  );
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("scripts/launch.mjs", () => {
  it("runs a command from its compiled copy, which sees its source's URL and its own flags", async () => {
    const result = await greet(["--content", "x"]);
    expect(result).toMatchObject({
      greeting: "hello",
      plain: "not compiled",
      url: pathToFileURL(path.join(project, "scripts/greet.ts")).href,
      flags: ["--content", "x"],
    });
    expect(result.ranFrom).toContain(path.join(compiled(), "scripts/greet.js"));
    expect(existsSync(path.join(compiled(), "scripts/words/greeting.js"))).toBe(true);
    // A JavaScript source is used where it is, not copied.
    expect(existsSync(path.join(compiled(), "scripts/words/plain.js"))).toBe(false);
  });

  it("compiles again a module whose source changed, and removes the copy of one deleted", async () => {
    await write("scripts/words/greeting.ts", 'export const greeting: string = "hello again";\n');
    await write("scripts/words/unused.ts", "export const unused = 1;\n");
    expect((await greet()).greeting).toBe("hello again");
    expect(existsSync(path.join(compiled(), "scripts/words/unused.js"))).toBe(true);

    await rm(path.join(project, "scripts/words/unused.ts"));
    expect((await greet()).greeting).toBe("hello again");
    expect(existsSync(path.join(compiled(), "scripts/words/unused.js"))).toBe(false);
  });

  it("runs several commands at once while the copy is made", async () => {
    await write("scripts/words/greeting.ts", 'export const greeting: string = "hello, all";\n');
    const results = await Promise.all([greet(), greet(), greet(), greet()]);
    expect(results.map((result) => result.greeting)).toEqual(Array(4).fill("hello, all"));
  });

  it("runs the command through tsx when the copy cannot be written, and says why under DEBUG", async () => {
    await rm(path.join(project, "node_modules/.cache"), { recursive: true, force: true });
    // A file where the copy's folder must go.
    await write("node_modules/.cache", "");
    await write("scripts/words/greeting.ts", 'export const greeting: string = "hello from tsx";\n');
    const result = await greet([], { DEBUG: "charterbook" });
    expect(result.greeting).toBe("hello from tsx");
    expect(result.ranFrom).toContain(path.join(project, "scripts/greet.ts"));
    expect(result.stderr).toMatch(
      /^launch: running through tsx, the compiled copy could not be made/,
    );
    await rm(path.join(project, "node_modules/.cache"));
  });

  it("answers an unknown command with its usage and exit code 2", async () => {
    const result = await launch(["bulid"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'There is no command "bulid": scripts/bulid.ts does not exist.',
    );
    expect(result.stderr).toContain("Usage: node scripts/launch.mjs <command> [flags]");
    expect(result.stdout).toBe("");
  });
});
