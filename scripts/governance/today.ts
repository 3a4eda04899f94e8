import { UsageError } from "../cli/usage-error.ts";
import { describeDateFix, isRealDate } from "../content/dates.ts";
import { dateIn } from "../content/time-zone.ts";

/** Today in the community's time zone, with the zone, so every message can say which day it means. */
export interface Today {
  /** YYYY-MM-DD. */
  date: string;
  /** An IANA time zone, such as Europe/London. */
  timeZone: string;
}

/**
 * Today's date in `timeZone`. `CHARTERBOOK_TODAY` overrides it, so tests and reruns of an old
 * check give the same answer on any day.
 */
export function today(timeZone: string, env: NodeJS.ProcessEnv = process.env): Today {
  const fixed = env.CHARTERBOOK_TODAY;
  if (fixed !== undefined && fixed !== "") {
    if (!isRealDate(fixed))
      throw new UsageError(
        `CHARTERBOOK_TODAY is "${fixed}"; set it to a date written YYYY-MM-DD, or unset it.`,
      );
    return { date: fixed, timeZone };
  }
  return { date: dateIn(timeZone), timeZone };
}

/** Checks a date given on the command line, explaining how to write it when it is not YYYY-MM-DD. */
export function requireDateFlag(flag: string, value: string): string {
  if (isRealDate(value)) return value;
  const { message, hint } = describeDateFix(value);
  throw new UsageError(`--${flag}: ${message} ${hint}`);
}
