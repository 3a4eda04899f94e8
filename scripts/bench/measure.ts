/**
 * Runs one command as a child process and measures it from the outside: wall
 * time from spawn to exit, and the peak resident memory of the whole process
 * tree (Eleventy, Pagefind and Chromium all start children of their own), read
 * from /proc every few milliseconds.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Measurement {
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
  /** The largest sum of resident memory over the process and all its descendants, in bytes. */
  peakRssBytes: number;
  /** Distinct processes in the tree whose command line matched `countProcesses`. */
  matchedProcesses: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How often /proc is read. @default 20 */
  sampleEveryMs?: number;
  /**
   * Counts the distinct processes this accepts, given their command line and their parent's
   * (arguments joined by spaces).
   */
  countProcesses?: (commandLine: string, parentCommandLine: string) => boolean;
}

/** Runs `command` with `args` and resolves once it exits, whatever its exit code. */
export function measure(
  command: string,
  args: readonly string[],
  options: MeasureOptions = {},
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));

    let peakRssBytes = 0;
    const matched = new Set<number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const tree = processTree(child.pid);
      peakRssBytes = Math.max(
        peakRssBytes,
        tree.reduce((sum, pid) => sum + readRssBytes(pid), 0),
      );
      if (options.countProcesses) {
        for (const pid of tree)
          if (
            !matched.has(pid) &&
            options.countProcesses(readCommandLine(pid), readCommandLine(readParent(pid) ?? 0))
          )
            matched.add(pid);
      }
    };
    const timer = setInterval(sample, options.sampleEveryMs ?? 20);
    sample();

    child.on("error", (error) => {
      clearInterval(timer);
      reject(new Error(`Could not start ${command}: ${error.message}`, { cause: error }));
    });
    child.on("close", (exitCode) => {
      clearInterval(timer);
      resolve({
        ms: performance.now() - started,
        peakRssBytes,
        matchedProcesses: matched.size,
        exitCode,
        stdout,
        stderr,
      });
    });
  });
}

/** The resident memory of `rootPid` and every process descended from it, in bytes. */
export function treeRssBytes(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + readRssBytes(pid), 0);
}

/** `rootPid` and every process descended from it that is still running. */
export function processTree(rootPid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = readParent(Number(entry));
    if (ppid === undefined) continue;
    const siblings = parents.get(ppid);
    if (siblings) siblings.push(Number(entry));
    else parents.set(ppid, [Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return tree;
}

function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

function readParent(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may itself hold spaces or parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return undefined; // the process exited between listing /proc and reading it
  }
}

function readRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
