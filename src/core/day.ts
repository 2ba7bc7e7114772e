/*
 * Calendar days, the one rule for reading a day typed as text. A day is a
 * count of days since 1970-01-01, with UTC arithmetic on calendar days (no
 * time zone: the add-on turns Date cells into the day the spreadsheet shows
 * before they reach the core). Read: 2026-04-01, 2026/4/1, 2026.4.1 and
 * 2026年4月1日 (full-width digits and spaces allowed); anything else, and days
 * that do not exist (2026-02-30), is no day.
 */

/** Milliseconds in a calendar day. */
export const DAY_MS = 86_400_000;

const DAY_TEXT = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** The day a text names, or undefined when it names none. */
export function parseDay(text: string): number | undefined {
  const compact = text.normalize("NFKC").replace(/\s+/g, "");
  for (const pattern of DAY_TEXT) {
    const [, y, mo, d] = (pattern.exec(compact) ?? []).map(Number);
    const back = new Date(Date.UTC(y, mo - 1, d));
    // 2026-02-30 is no day: Date.UTC would roll it over into March (and no match gives NaN, which equals nothing).
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d)
      return back.getTime() / DAY_MS;
  }
  return undefined;
}

/** A day as yyyy-mm-dd. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
