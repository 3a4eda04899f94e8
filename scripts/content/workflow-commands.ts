/**
 * Output for GitHub Actions, where a line of a log can be a command to the runner: `::error …::`
 * at the start of a line, or `##[command]` anywhere in it (actions/runner ActionCommand.cs).
 * Content is written by contributors, so no text of theirs may reach the log as a command.
 */
import { randomUUID } from "node:crypto";

/**
 * Shows characters a reader cannot see as escapes (`\u001b`): control characters, line breaks,
 * and the bidirectional formatting characters. Content can then never start a new line of a log
 * or of a terminal, nor rewrite one.
 */
export function visible(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

/** A workflow command's message, escaped as the runner unescapes it: %, carriage return, line feed. */
export const escapeData = (text: string) =>
  text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A workflow command's property (file=, title=): as data, and also : and , which end a property. */
export const escapeProperty = (text: string) =>
  escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * Wraps text that quotes content between `::stop-commands::` and its resume token, so the runner
 * reads none of it as a command. The token is random for each run, so content cannot end the pause.
 */
export function withCommandsStopped(text: string, token: string = randomUUID()): string {
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}
