import { UsageError } from "../cli/usage-error.ts";
import { describeDateFix, isRealDate } from "../content/dates.ts";

/**
 * Today's date as YYYY-MM-DD in local time. `CHARTERBOOK_TODAY` overrides it,
 * so tests and reruns of an old check give the same answer on any day.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.CHARTERBOOK_TODAY;
  if (fixed !== undefined && fixed !== "") {
    if (!isRealDate(fixed))
      throw new UsageError(
        `CHARTERBOOK_TODAY is "${fixed}"; set it to a date written YYYY-MM-DD, or unset it.`,
      );
    return fixed;
  }
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a date given on the command line, explaining how to write it when it is not YYYY-MM-DD. */
export function requireDateFlag(flag: string, value: string): string {
  if (isRealDate(value)) return value;
  const { message, hint } = describeDateFix(value);
  throw new UsageError(`--${flag}: ${message} ${hint}`);
}
