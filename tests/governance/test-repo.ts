import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixtureContent = path.join(projectRoot, "tests/fixtures/governance-base/content");
export const riverside = "content/communities/riverside";

/** A throwaway git repository holding a copy of the governance fixture, committed as the base. */
export interface TestRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /** Rewrites a file with `change`, failing the test when the change did nothing. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  commit(message: string): Promise<void>;
  remove(): Promise<void>;
}

/** @param content the content folder committed as the base @default the governance fixture */
export async function createRepo(content = fixtureContent): Promise<TestRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), "charterbook-governance-"));
  // Isolated from the user's and the system's git configuration, so the tests behave the same everywhere.
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const git = async (...args: string[]) => (await run("git", args, { cwd: dir, env })).stdout;
  const repo: TestRepo = {
    dir,
    git,
    read: (file) => readFile(path.join(dir, file), "utf8"),
    write: (file, text) => writeFile(path.join(dir, file), text),
    async edit(file, change) {
      const before = await repo.read(file);
      const after = change(before);
      if (after === before) throw new Error(`The test's edit did not change ${file}.`);
      await repo.write(file, after);
    },
    async commit(message) {
      await git("add", "-A");
      await git("commit", "-q", "-m", message);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  await git("init", "-q", "-b", "main");
  await git("config", "user.name", "Charterbook tests");
  await git("config", "user.email", "tests@example.org");
  await git("config", "commit.gpgsign", "false");
  await cp(content, path.join(dir, "content"), { recursive: true });
  await repo.commit("Base content");
  return repo;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands (scripts/NAME.ts) the way npm run does, in `cwd`. */
export async function runScript(
  name: "check" | "revise" | "approve",
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CommandResult> {
  const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
  const env = {
    ...process.env,
    GITHUB_ACTIONS: "",
    CHARTERBOOK_TODAY: "2026-06-01",
    ...options.env,
  };
  try {
    const { stdout, stderr } = await run(
      tsx,
      [path.join(projectRoot, "scripts", `${name}.ts`), ...args],
      { cwd: options.cwd, env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Runs a TypeScript entry point of a checkout (its own scripts/, not this project's) in `cwd`. */
export async function runCommandIn(
  cwd: string,
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await run(tsx, [path.join(cwd, script), ...args], {
      cwd,
      env: { ...process.env, GITHUB_ACTIONS: "", CHARTERBOOK_TODAY: "2026-06-01", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
