import { execFile } from "node:child_process";
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
