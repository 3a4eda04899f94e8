/**
 * The time zone communities date their revisions and approvals in: "today" is today there, not
 * on the machine that runs the check (CI runs in UTC, an hour behind London all summer).
 */

/** The time zone each locale's communities keep their dates in, unless site.yaml says otherwise. */
export const localeTimeZones: Readonly<Record<string, string>> = {
  "en-GB": "Europe/London",
  "en-IE": "Europe/Dublin",
};

/** @default "Europe/London" when the locale is unknown */
export const fallbackTimeZone = "Europe/London";

/** True when the runtime knows `name` as an IANA time zone, such as Europe/Dublin. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time zone of a site's settings: time_zone when it is set, else the locale's. */
export function siteTimeZone(site: Record<string, unknown> | undefined): string {
  const chosen = site?.time_zone;
  if (typeof chosen === "string" && isTimeZone(chosen)) return chosen;
  const locale = site?.locale;
  return (typeof locale === "string" && localeTimeZones[locale]) || fallbackTimeZone;
}

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone`. */
export function dateIn(timeZone: string, instant: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}
