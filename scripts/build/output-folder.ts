/**
 * How a build publishes into its output folder so that there is never a moment without a site.
 *
 * The output folder (_site) is a symbolic link to a complete build kept beside it:
 *
 *   _site -> .site-builds/build-1763900000000-4821
 *
 * A build writes into a new folder in .site-builds/, and publishing is a single rename of a new
 * link over the old one, which the operating system does atomically: at every instant _site is
 * the complete old site or the complete new one, whatever kills the build between two calls.
 * Every command that writes the output first takes a lock in .site-builds/, then recovers: it
 * removes staging folders and old builds left by a killed build, and puts the link back if it
 * was lost while a plain folder was being replaced by the first link (the one step that cannot
 * be atomic, which .site-builds/published makes recoverable).
 *
 * Hosts see an ordinary folder: GitHub Pages' upload-pages-artifact runs tar with --dereference
 * inside the folder, and `cp -r _site/. elsewhere/` or `rsync -a _site/ elsewhere/` copy files.
 */
import { constants, existsSync } from "node:fs";
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CharterbookError, describeSystemError } from "../cli/errors.ts";

/** The places a build uses for one output folder. */
export interface OutputFolder {
  /** The published folder, such as /project/_site: a link to the current build. */
  outputDir: string;
  /** Where builds are written and kept, such as /project/.site-builds. */
  buildsDir: string;
  /** Held while a build writes, so two builds never interleave. */
  lockFile: string;
  /** Names the build the link points to, so a lost link can be restored. */
  publishedFile: string;
}

export function outputFolder(outputDir: string): OutputFolder {
  const resolved = path.resolve(outputDir);
  const name = path.basename(resolved).replace(/^[._]+/, "") || "site";
  const buildsDir = path.join(path.dirname(resolved), `.${name}-builds`);
  return {
    outputDir: resolved,
    buildsDir,
    lockFile: path.join(buildsDir, "lock"),
    publishedFile: path.join(buildsDir, "published"),
  };
}

/** Another build holds the output folder. */
export class BuildLockedError extends CharterbookError {
  override name = "BuildLockedError";
  constructor(message: string, hint: string) {
    super("build-locked", message, { hint });
  }
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const wrap = (doing: string) => (error: unknown) => {
  throw describeSystemError(error, doing) ?? error;
};

/**
 * Takes the output folder's lock: a second build refuses with the holder's process and start
 * time, and a lock left by a process that no longer runs on this machine is taken over.
 * @returns a function that releases the lock
 */
export async function lockOutput(
  folder: OutputFolder,
  log: (line: string) => void = () => {},
): Promise<() => Promise<void>> {
  const shown = path.relative(process.cwd(), folder.outputDir) || folder.outputDir;
  await mkdir(folder.buildsDir, { recursive: true }).catch(wrap(`create ${folder.buildsDir}`));
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    started: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((arg) => path.basename(arg))
      .join(" "),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(
        folder.lockFile,
        constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      );
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        await unlink(folder.lockFile).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        wrap(`lock ${folder.lockFile}`)(error);
    }
    let holder: Partial<LockHolder> = {};
    try {
      holder = JSON.parse(await readFile(folder.lockFile, "utf8")) as Partial<LockHolder>;
    } catch {
      // Written by a build killed before it wrote its name, or already released: look again.
    }
    const sameHost = holder.host === undefined || holder.host === me.host;
    if (typeof holder.pid === "number" && sameHost && !isAlive(holder.pid)) {
      log(
        `Took over the lock on ${shown}/ left by process ${holder.pid}, which is no longer running.`,
      );
      await unlink(folder.lockFile).catch(() => undefined);
      continue;
    }
    if (typeof holder.pid !== "number" && attempt === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const started = holder.started
      ? new Date(holder.started).toLocaleTimeString("en-GB")
      : "an unknown time";
    throw new BuildLockedError(
      `Another build is writing ${shown}/: process ${holder.pid ?? "?"}${sameHost ? "" : ` on ${holder.host}`}, started at ${started}${holder.command ? ` (${holder.command})` : ""}.`,
      `Wait for it to finish, or stop it${sameHost && holder.pid ? ` (kill ${holder.pid})` : ""}, then build again. If no build is running, delete ${folder.lockFile}.`,
    );
  }
  throw new BuildLockedError(
    `The lock on ${shown}/ keeps changing hands.`,
    `Another program is building into it at the same time: wait for it, then build again.`,
  );
}

/**
 * Run with the lock held, before a build writes: puts a lost link back, and removes what killed
 * builds left behind (staging folders, builds no link points to, temporary links, and the staging
 * folders of earlier Charterbook versions beside the output folder).
 */
export async function recoverOutput(
  folder: OutputFolder,
  log: (line: string) => void = () => {},
): Promise<void> {
  const current = await currentBuild(folder);
  if (current === undefined && !existsSync(folder.outputDir)) {
    const published = await readFile(folder.publishedFile, "utf8").then(
      (name) => name.trim(),
      () => "",
    );
    if (published && existsSync(path.join(folder.buildsDir, published))) {
      await pointTo(folder, published);
      log(`Restored ${folder.outputDir}, which a stopped build had left missing.`);
    }
  }
  const keep = (await currentBuild(folder)) ?? "";
  for (const entry of await readdir(folder.buildsDir)) {
    if (entry === "lock" || entry === "published" || entry === keep) continue;
    await rm(path.join(folder.buildsDir, entry), { recursive: true, force: true, maxRetries: 5 });
  }
  const parent = path.dirname(folder.outputDir);
  const base = path.basename(folder.outputDir);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.site-build-${base}-`) || entry.startsWith(`${base}.link-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true, maxRetries: 5 });
    }
  }
}

/** The build folder the output link points to, or undefined when the output is not a link to one. */
async function currentBuild(folder: OutputFolder): Promise<string | undefined> {
  try {
    if (!(await lstat(folder.outputDir)).isSymbolicLink()) return undefined;
    const target = await readlink(folder.outputDir);
    const resolved = path.resolve(path.dirname(folder.outputDir), target);
    return path.dirname(resolved) === folder.buildsDir ? path.basename(resolved) : undefined;
  } catch {
    return undefined;
  }
}

/** A new, empty build folder to write into. */
export async function createStaging(folder: OutputFolder): Promise<string> {
  const staging = path.join(
    folder.buildsDir,
    `build-${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  );
  await mkdir(staging).catch(wrap(`create the build folder ${staging}`));
  return staging;
}

/** Points the output at a build folder with one rename of a new link over the old one. */
async function pointTo(
  folder: OutputFolder,
  build: string,
  checkpoint: (step: "linked") => unknown = () => {},
): Promise<void> {
  // Relative, so the project folder can be moved or copied with its builds.
  const target = path.relative(path.dirname(folder.outputDir), path.join(folder.buildsDir, build));
  const temporary = `${folder.outputDir}.link-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await symlink(target, temporary, "junction");
  await checkpoint("linked");
  await rename(temporary, folder.outputDir);
}

/**
 * Publishes a finished build folder: records it, then swaps the output link to it in one rename.
 * A plain output folder (from an earlier version, or made by hand) is first moved into the builds
 * folder; if the build is killed in that one moment, the next command restores the link.
 * @param checkpoint called between the steps, for the tests that kill a build there
 */
export async function publishStaging(
  folder: OutputFolder,
  staging: string,
  checkpoint: (step: "recorded" | "moved-aside" | "linked" | "swapped") => unknown = () => {},
): Promise<void> {
  const build = path.basename(staging);
  const doing = `publish the site to ${folder.outputDir}`;
  try {
    const previous = await currentBuild(folder);
    await writeFile(`${folder.publishedFile}.tmp`, build);
    await rename(`${folder.publishedFile}.tmp`, folder.publishedFile);
    await checkpoint("recorded");
    const stat = await lstat(folder.outputDir).catch(() => undefined);
    if (stat && !stat.isSymbolicLink()) {
      await rename(folder.outputDir, path.join(folder.buildsDir, `replaced-${Date.now()}`));
      await checkpoint("moved-aside");
    }
    await pointTo(folder, build, checkpoint);
    await checkpoint("swapped");
    if (previous && previous !== build) {
      // The old site is no longer served; a failure to delete it is tidied by the next build.
      await rm(path.join(folder.buildsDir, previous), {
        recursive: true,
        force: true,
        maxRetries: 5,
      }).catch(() => undefined);
    }
  } catch (error) {
    throw describeSystemError(error, doing) ?? error;
  }
}

/**
 * Removes a build folder after a failed build. A stage that failed may still be finishing
 * writes (Eleventy's passthrough copy goes on after its build rejected), so removal is retried.
 */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}
