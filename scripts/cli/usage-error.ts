import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how a command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses command-line flags, turning Node's parse errors into usage errors with the command's help. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, "")}.\n${usage}`, {
      cause: error,
    });
  }
}

/**
 * Runs a command's main function: usage errors exit 2 with their message and
 * no stack trace; anything else is a bug in Charterbook, shown in full.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(error.message);
        process.exitCode = 2;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}
