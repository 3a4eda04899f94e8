import { execFile, spawn } from "node:child_process";
import { realpath } from "node:fs/promises";
import { promisify } from "node:util";
import { UsageError } from "../cli/usage-error.ts";

const run = promisify(execFile);

/** Content files are limited to 2 MB; the buffer leaves room for long file lists. */
const maxBuffer = 64 * 1024 * 1024;

/**
 * Runs git with arguments, never through a shell, so a ref or path from the
 * command line cannot run anything else.
 */
async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, maxBuffer, encoding: "utf8" });
  return stdout;
}

const stderrOf = (error: unknown) => String((error as { stderr?: unknown }).stderr ?? "").trim();

/** The top folder of the git working tree that holds `dir`. */
export async function findRepositoryRoot(dir: string): Promise<string> {
  try {
    return await realpath((await git(dir, ["rev-parse", "--show-toplevel"])).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UsageError(
        "git is not installed or not on the PATH: the check compares files with their history in git.",
        { cause: error },
      );
    }
    throw new UsageError(
      `${dir} is not inside a git repository, so there is no history to compare with.`,
      { cause: error },
    );
  }
}

/** The commit `ref` names, such as origin/main or HEAD~1; a usage error when there is none. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  // A ref starting with "-" would be read by git as an option.
  if (!ref || ref.startsWith("-")) throw new UsageError(`"${ref}" is not a git ref.`);
  try {
    return (
      await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])
    ).trim();
  } catch (error) {
    const detail = stderrOf(error);
    throw new UsageError(
      `There is no commit "${ref}" in this repository${detail ? ` (${detail})` : ""}. ` +
        "Fetch it first (in CI: actions/checkout with fetch-depth: 0), or name a branch, tag or commit that exists.",
      { cause: error },
    );
  }
}

/** Paths (from the repository root) of every file under `folder` at `commit`. */
export async function listFilesAt(
  root: string,
  commit: string,
  folder: string,
): Promise<Set<string>> {
  const output = await git(root, [
    "ls-tree",
    "-r",
    "-z",
    "--name-only",
    "--full-tree",
    commit,
    "--",
    folder,
  ]);
  return new Set(output.split("\0").filter(Boolean));
}

/** The text of one file at `commit`, line endings and byte-order mark normalised as the loader does. */
export async function readFileAt(root: string, commit: string, file: string): Promise<string> {
  const text = await git(root, ["show", `${commit}:${file}`]);
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Files that differ between `commit` and the working tree, including new files git does not track yet. */
export async function changedFilesSince(root: string, commit: string): Promise<string[]> {
  const [tracked, untracked] = await Promise.all([
    git(root, ["diff", "--name-only", "-z", "--no-renames", commit, "--"]),
    git(root, ["ls-files", "-z", "--others", "--exclude-standard"]),
  ]);
  return [...new Set([...tracked.split("\0"), ...untracked.split("\0")].filter(Boolean))].sort();
}

/** One entry of a commit's tree: a regular file, an executable, a symbolic link or a submodule. */
export interface TreeEntry {
  /** Path from the repository root. */
  path: string;
  kind: "file" | "symlink" | "submodule";
  /** The blob (or, for a submodule, commit) id. */
  object: string;
}

/** Every entry under `folder` at `commit`, with what kind of entry git recorded it as. */
export async function listTreeAt(
  root: string,
  commit: string,
  folder: string,
): Promise<TreeEntry[]> {
  const output = await git(root, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder]);
  return output
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode, , object] = line.slice(0, tab).split(" ");
      const kind = mode === "120000" ? "symlink" : mode === "160000" ? "submodule" : "file";
      return { path: line.slice(tab + 1), kind, object: object! };
    });
}

/**
 * The bytes of many blobs at once, through one `git cat-file --batch`: reading a base branch's
 * whole content folder costs one process, not one per file.
 */
export async function readBlobs(
  root: string,
  objects: readonly string[],
): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(objects)];
  const blobs = new Map<string, Uint8Array>();
  if (unique.length === 0) return blobs;
  const child = spawn("git", ["cat-file", "--batch"], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
  child.stdin.end(unique.map((object) => `${object}\n`).join(""));
  const code = await exited;
  if (code !== 0)
    throw new Error(`git cat-file failed: ${Buffer.concat(errors).toString().trim()}`);
  const output = Buffer.concat(chunks);
  let offset = 0;
  for (const object of unique) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString("utf8");
    const [, type, size] = header.split(" ");
    if (type === undefined || size === undefined)
      throw new Error(`git cat-file could not read ${object}: ${header}`);
    const start = headerEnd + 1;
    blobs.set(object, new Uint8Array(output.subarray(start, start + Number(size))));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

/** The commit checked out in `dir`, or undefined when it is not a git working tree. */
export async function headCommit(dir: string): Promise<string | undefined> {
  try {
    return (
      (await git(dir, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim() || undefined
    );
  } catch {
    return undefined;
  }
}
