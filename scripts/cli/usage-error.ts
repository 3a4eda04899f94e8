import { parseArgs, type ParseArgsConfig } from "node:util";
import { CharterbookError, describeSystemError, InterruptedError, UsageError } from "./errors.ts";

export { CharterbookError, UsageError } from "./errors.ts";

/**
 * Parses command-line flags, turning Node's parse errors into usage errors with the command's
 * usage line. Every command also answers `--help` (or `-h`) with its usage and what it does,
 * exit code 0.
 * @param usage the command's usage line
 * @param about what the command does, a few lines for --help
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
  about?: string,
) {
  if (args.includes("--help") || args.includes("-h")) {
    throw new CharterbookError("help", about ? `${usage}\n${about}` : usage, { exitCode: 0 });
  }
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, "")}.\n${usage}`, {
      cause: error,
    });
  }
}

/** Set by DEBUG=charterbook (or DEBUG=*) or --debug: failures also print their stack and causes. */
const debug =
  /(^|,)\s*(charterbook|\*)\s*(,|$)/.test(process.env.DEBUG ?? "") ||
  process.argv.includes("--debug");

/** Work to do before the process exits on a signal: stop a browser, remove a staging folder. */
type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();

/**
 * Registers cleanup to run if the command is stopped by Ctrl+C or a termination signal.
 * Returns a function that unregisters it once the work it guards is done.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * A reader that stops reading (`npm run build | head`) closes the pipe; the command finishes its
 * work without printing the rest, rather than stopping halfway with a stack trace (EPIPE).
 */
function keepWorkingWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      stream.write = () => true;
    });
  }
}

/**
 * Runs a command's main function and maps every failure to words and an exit code in one place:
 * a CharterbookError prints its message and hint (no stack trace: it is about the user's input or
 * machine); an operating-system error is put into words the same way; anything else is a bug in
 * Charterbook, shown with its stack. SIGINT and SIGTERM run the registered cleanups first.
 * @param options.note a line added after any failure's message, such as "Nothing was built."
 * @param options.stopsOnSignal for a command that runs until stopped (the preview): Ctrl+C is how
 *   it ends, so it exits 0 without a message once the cleanups ran. @default false
 */
export function runCommand(
  main: () => Promise<number>,
  options: { note?: () => string; stopsOnSignal?: boolean } = {},
): void {
  const { note, stopsOnSignal = false } = options;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([...cleanups].map(async (cleanup) => cleanup())).then(() => {
      if (stopsOnSignal) process.exit(0);
      const error = new InterruptedError(signal);
      console.error([error.message, note?.()].filter(Boolean).join(" "));
      process.exit(error.exitCode);
    });
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  keepWorkingWhenOutputCloses();

  let failed = false;
  const fail = (error: unknown) => {
    if (stopping || failed) return;
    failed = true;
    const known = error instanceof CharterbookError ? error : describeSystemError(error);
    if (known?.code === "help") {
      console.log(known.message);
      process.exitCode = 0;
      return;
    }
    if (known) {
      const extra = known.exitCode === 2 ? undefined : note?.();
      console.error([known.describe(), extra].filter(Boolean).join("\n"));
      if (debug) console.error(error);
      process.exitCode = known.exitCode;
      return;
    }
    console.error(
      "Charterbook stopped on an error it did not expect: this is a bug, not a problem with your content.\n" +
        "Please report it with the lines below.",
    );
    console.error(error);
    process.exitCode = 1;
  };
  // A library may reject a promise nobody awaits once its own step has failed (Eleventy's
  // passthrough copy does): reported like any failure, and only the first one counts.
  process.on("unhandledRejection", fail);
  main().then((code) => {
    if (!failed) process.exitCode = code;
  }, fail);
}
