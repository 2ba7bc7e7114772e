/*
 * The review cycle (rule 11 of a good tree: weekly for short-cycle KPIs,
 * monthly for orders and revenue, quarterly for the KGI): the optional
 * columns 頻度 / Review and 最終更新 / Updated, and which KPIs are due for
 * review today or overdue. Pure: days are yyyy-mm-dd text in the
 * spreadsheet's time zone (the add-on turns Date cells into that text, and
 * gives "today" the same way).
 */
import { cellText, isBlank, normalizeKey } from "./text";
import { CADENCE_WORD, type Cadence } from "./words";

export type { Cadence };
export const CADENCES: readonly Cadence[] = ["weekly", "monthly", "quarterly"];
const READ_AS: Record<Cadence, readonly string[]> = {
  weekly: ["毎週", "週", "週1", "week", "w"],
  monthly: ["毎月", "月", "月1", "month", "m"],
  quarterly: ["四半期ごと", "四半期毎", "quarter", "q"],
};
const CADENCE_BY_WORD = new Map<string, Cadence>();
for (const c of CADENCES)
  for (const w of [CADENCE_WORD.ja[c], CADENCE_WORD.en[c], ...READ_AS[c]]) CADENCE_BY_WORD.set(normalizeKey(w), c);

/** The cadence a cell names; null for a blank cell, undefined for text that names none. */
export function parseCadence(cell: unknown): Cadence | null | undefined {
  if (isBlank(cell)) return null;
  return CADENCE_BY_WORD.get(normalizeKey(cellText(cell)));
}

/** A day as a count of days since 1970-01-01 (UTC arithmetic on calendar days, no time zone involved). */
export function dayNumber(ymd: string): number | undefined {
  const m = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?$/.exec(ymd.normalize("NFKC").trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // 2026-02-30 is no day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / 86_400_000);
}

/** yyyy-mm-dd of a day number. */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The day a review falls due after one on `day`: a week, a month or three months later (Jan 31 + 1 month = Feb 28). */
export function nextReview(day: number, cadence: Cadence): number {
  if (cadence === "weekly") return day + 7;
  const d = new Date(day * 86_400_000);
  const months = cadence === "monthly" ? 1 : 3;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000);
}

export interface ReviewItem {
  /** Range row (1 = the header). */
  row: number;
  name: string;
  cadence: Cadence;
  /** The last review (yyyy-mm-dd), or null when the KPI was never reviewed. */
  updated: string | null;
  /** The day the next review falls due (yyyy-mm-dd); today for a KPI never reviewed. */
  due: string;
  /** Days past the due day: 0 = due today. */
  late: number;
}

export interface ReviewProblem {
  row: number;
  name: string;
  column: string;
  text: string;
  kind: "cadence" | "date";
}

/** What the review list needs of a table: the two columns' headers (null without a Review column) and each KPI's cells as text. */
export interface ReviewCells {
  columns: { review: string; updated: string } | null;
  rows: { row: number; name: string; cadence: string; updated: string }[];
}

export interface ReviewList {
  /** Whether the table has a Review column at all. */
  hasColumn: boolean;
  /** Due today (late 0). */
  due: ReviewItem[];
  /** Overdue, most overdue first. */
  overdue: ReviewItem[];
  /** KPIs with a cadence that are not due yet. */
  upcoming: number;
  problems: ReviewProblem[];
}

/**
 * What is due for review on `today` (yyyy-mm-dd): each KPI with a cadence is
 * due a week / month / quarter after its last update, overdue once that day
 * has passed; a KPI with a cadence and no update yet is due today. Cadences
 * and dates that cannot be read are listed as problems, not guessed.
 */
export function reviewList(cells: ReviewCells, today: string): ReviewList {
  const { columns } = cells;
  const list: ReviewList = { hasColumn: columns !== null, due: [], overdue: [], upcoming: 0, problems: [] };
  const now = dayNumber(today);
  if (!columns || now === undefined) return list;
  for (const r of cells.rows) {
    const cadence = parseCadence(r.cadence);
    const problem = (kind: ReviewProblem["kind"]) =>
      list.problems.push({
        row: r.row,
        name: r.name,
        column: kind === "cadence" ? columns.review : columns.updated,
        text: kind === "cadence" ? r.cadence : r.updated,
        kind,
      });
    if (cadence === undefined) problem("cadence");
    if (!cadence) continue;
    const last = r.updated === "" ? null : dayNumber(r.updated);
    if (last === undefined) {
      problem("date");
      continue;
    }
    const due = last === null ? now : nextReview(last, cadence);
    const item = { row: r.row, name: r.name, cadence, updated: last === null ? null : dayText(last) };
    if (due > now) list.upcoming++;
    else (due === now ? list.due : list.overdue).push({ ...item, due: dayText(due), late: now - due });
  }
  list.overdue.sort((a, b) => b.late - a.late || a.row - b.row);
  return list;
}
