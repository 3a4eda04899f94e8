/** Explains a date that is not in YYYY-MM-DD form, and gives the fix when it can tell what was meant. */
export function describeDateFix(value: string): { message: string; hint: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    return {
      message: `"${value}" is not a real date.`,
      hint: "Check the day and the month: YYYY-MM-DD, such as 2021-11-16.",
    };
  }
  // UK documents write day/month/year: 16/11/21, 16/11/2021, 16.11.2021, 16-11-2021.
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value.trim());
  if (dayFirst) {
    const [, day, month, year] = dayFirst;
    const fullYear = year!.length === 2 ? `20${year}` : year!;
    const written = `${fullYear}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
    if (isRealDate(written)) {
      return {
        message: `"${value}" is not a date in YYYY-MM-DD form.`,
        hint: `Write it as ${written}.`,
      };
    }
  }
  return {
    message: `"${value}" is not a date in YYYY-MM-DD form.`,
    hint: "Write the year, month and day with hyphens, such as 2021-11-16.",
  };
}

/** True for a YYYY-MM-DD string naming a day that exists. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
