/*
 * Pace to a deadline (KPI_PACE, KPI_FORECAST): how much of a period has
 * elapsed, counting days inclusively, and what that means for a target due
 * at its end. Dates are calendar days: a Date cell reaches the core as the
 * day the spreadsheet shows (`datesAsText`), and text is read as 2026-04-01,
 * 2026/4/1 or 2026年4月1日; anything else (来月, 4/1, a serial number) is an
 * error naming the cell.
 */
import { dayText, parseDay } from "./day";
import { fail, type Where } from "./errors";
import { type Cell, cellText, isBlank, type Lang } from "./text";

/** The day a cell names, as days since 1970-01-01; null when blank; an error naming `where` for anything else. */
export function readDay(lang: Lang, cell: Cell, where: Where): number | null {
  if (isBlank(cell)) return null;
  const text = cellText(cell);
  return parseDay(text) ?? fail(lang, "badDate", where, { text });
}

/**
 * The share of the period from `start` to `end` (both included) elapsed on
 * `asOf` (included): (asOf − start + 1) ÷ (end − start + 1), clipped to
 * [0, 1]. An end before the start is an error naming `where`.
 */
export function elapsed(lang: Lang, start: number, end: number, asOf: number, where: Where): number {
  if (end < start) fail(lang, "endBeforeStart", where, { start: dayText(start), end: dayText(end) });
  return Math.min(1, Math.max(0, (asOf - start + 1) / (end - start + 1)));
}

/** The run-rate projection at the end: actual ÷ elapsed; null before the start (nothing elapsed yet). */
export function forecast(actual: number | null, share: number): number | null {
  return actual === null || share === 0 ? null : actual / share;
}
