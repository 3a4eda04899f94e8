/**
 * The one base type of every failure Charterbook reports in words. Each carries a stable code,
 * a message that says what happened, a hint that says what to do, and the exit code, so the
 * commands map failures to output in one place (scripts/cli/usage-error.ts runCommand) instead
 * of a chain of instanceof checks. Anything else that reaches a command is a bug in Charterbook.
 */

/** Every kind of failure, by its stable name. */
export type ErrorCode =
  | "usage"
  | "help"
  | "invalid-content"
  | "render-failed"
  | "search-index-failed"
  | "pdf-failed"
  | "browser-not-found"
  | "browser-failed"
  | "build-locked"
  | "interrupted"
  | "too-large"
  | "file-system";

export class CharterbookError extends Error {
  override name = "CharterbookError";
  readonly code: ErrorCode;
  /** What to do about it, when the message does not already say. */
  readonly hint: string | undefined;
  /** 1 for a failure, 2 for a command called wrongly, 0 for --help, 128 + n for a signal. */
  readonly exitCode: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }

  /** The message and the hint, as a command prints them. */
  describe(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

/** A mistake in how a command was called: reported in one line, exit code 2. */
export class UsageError extends CharterbookError {
  override name = "UsageError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("usage", message, { ...options, exitCode: 2 });
  }
}

/** A stop asked for with Ctrl+C or a termination signal; exit code 128 + the signal's number. */
export class InterruptedError extends CharterbookError {
  override name = "InterruptedError";
  constructor(readonly signal: NodeJS.Signals) {
    super("interrupted", `Stopped by ${signal}.`, {
      exitCode: 128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15),
    });
  }
}

/** What the operating system's error codes mean to the person running the command. */
const systemErrors: Record<string, { what: string; todo: string }> = {
  EACCES: {
    what: "permission was refused",
    todo: "Check that you may write there (ls -ld), or choose another folder with --out.",
  },
  EPERM: {
    what: "the operating system did not allow it (the file or folder may be locked, immutable or in use)",
    todo: "Check the folder's permissions and attributes (lsattr), close programs using it, or choose another folder.",
  },
  EROFS: {
    what: "the file system is read-only",
    todo: "Build into a folder on a writable disk with --out.",
  },
  ENOSPC: {
    what: "the disk is full",
    todo: "Free some space (df -h shows how much is left), then build again.",
  },
  EDQUOT: {
    what: "your disk quota is used up",
    todo: "Free some space in your quota, then build again.",
  },
  ENOENT: {
    what: "a file or folder it needs does not exist",
    todo: "Check the path; a folder may have been moved or deleted while the command ran.",
  },
  ENOTDIR: {
    what: "a file is in the way where a folder must be",
    todo: "Move or delete the file, or choose another folder with --out.",
  },
  EISDIR: {
    what: "a folder is in the way where a file must be",
    todo: "Move or delete the folder, or choose another output folder with --out.",
  },
  ENOTEMPTY: {
    what: "a folder that had to be empty was not",
    todo: "Another program may be writing there: wait for it, or delete the folder by hand.",
  },
  EEXIST: {
    what: "something already exists where a new file or folder was to go",
    todo: "Move or delete it, then try again.",
  },
  EBUSY: {
    what: "the file or folder is in use by another program",
    todo: "Close the program using it (a file explorer or a server), then try again.",
  },
  EMFILE: {
    what: "too many files are open at once",
    todo: "Raise the limit (ulimit -n 4096) and try again.",
  },
  ENAMETOOLONG: {
    what: "a path is too long for the file system",
    todo: "Build into a folder with a shorter path.",
  },
  ELOOP: {
    what: "a symbolic link points back at itself",
    todo: "Replace the link with a real folder.",
  },
};

/**
 * An operating-system error (a Node.js error with a code such as EACCES), in words: what could
 * not be done, where, why, and what to do. Returns undefined for anything else.
 * @param doing what the command was doing, such as "publish the site to _site"
 */
export function describeSystemError(error: unknown, doing?: string): CharterbookError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return undefined;
  const known = systemErrors[code];
  if (!known) return undefined;
  const where = (error as NodeJS.ErrnoException).path;
  const target = (error as NodeJS.ErrnoException & { dest?: string }).dest;
  const place = where ? ` at ${where}${target ? ` (to ${target})` : ""}` : "";
  const action = doing ? `Could not ${doing}` : "A file operation failed";
  return new CharterbookError("file-system", `${action}: ${known.what}${place} (${code}).`, {
    hint: known.todo,
    cause: error,
  });
}
