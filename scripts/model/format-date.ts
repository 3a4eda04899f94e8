import type { Site } from "../content/schema-types.ts";

const styles: Record<Site["date_style"], Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  medium: { day: "numeric", month: "short", year: "numeric" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
};

/**
 * Shows a YYYY-MM-DD date the way readers of the site's locale expect: "16 November 2021".
 * The date is read and shown in UTC so no time zone moves it to the day before.
 * @default style "long"
 */
export function formatDate(
  iso: string,
  locale: string,
  style: Site["date_style"] = "long",
): string {
  const key = `${locale} ${style} ${iso}`;
  let shown = formatted.get(key);
  if (shown === undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return iso;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    shown = formatter(locale, style).format(date);
    formatted.set(key, shown);
  }
  return shown;
}

// A site shows the same few hundred dates on thousands of pages (every version history, every
// review date), and formatting one costs microseconds each time: each is formatted once.
const formatted = new Map<string, string>();

// Building an Intl.DateTimeFormat costs far more than using one, and every page shows dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: Site["date_style"]): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone: "UTC" });
    formatters.set(key, found);
  }
  return found;
}
