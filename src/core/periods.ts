/*
 * Periods in a tree range, in one place: which headers are periods (4月,
 * 2026-04, Apr 2026, Q1, 上期, W14, FY2026, a date…), which are target/actual
 * pairs (5月目標 / 5月実績, Plan May / Actual May), how the columns group into
 * periods (in table order), the Aggregation column's words (合計 / 期末 / 平均 /
 * 率), and how a function argument (`field`, `through`) names a period.
 */
import type { MessageCode } from "./errors";
import { type Lang, lazy, normalizeKey } from "./text";
import type { Aggregation, Period } from "./tree";
import { headerField } from "./words";

export type Measure = "target" | "actual";

const AGGREGATION_WORDS: Record<Aggregation, readonly string[]> = {
  sum: ["total", "累計"],
  last: ["latest", "残高"],
  avg: ["average"],
  rate: ["比率"],
};
/** How each aggregation is written in a sheet; the reader accepts these and AGGREGATION_WORDS. */
export const AGGREGATION_WORD: Record<Lang, Record<Aggregation, string>> = {
  ja: { sum: "合計", last: "期末", avg: "平均", rate: "率" },
  en: { sum: "sum", last: "last", avg: "avg", rate: "rate" },
};
/** Built on first use: loading the bundle (every custom-function call) does no work for it. */
const aggregationByWord = lazy(() => {
  const byWord = new Map<string, Aggregation>();
  for (const [agg, words] of Object.entries(AGGREGATION_WORDS) as [Aggregation, readonly string[]][])
    for (const w of [AGGREGATION_WORD.ja[agg], AGGREGATION_WORD.en[agg], ...words]) byWord.set(normalizeKey(w), agg);
  return byWord;
});

/** The Aggregation cell's word: null for blank (a sum), undefined for a word it does not read. */
export function parseAggregation(text: string): Aggregation | null | undefined {
  return text === "" ? null : aggregationByWord().get(normalizeKey(text));
}

const MONTH = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH_NAME = "january|february|march|april|june|july|august|september|october|november|december";
/** A period header, folded (NFKC, lower case, spaces removed). */
const M = "(?:1[0-2]|0?[1-9])";
const D = "(?:3[01]|[12]\\d|0?[1-9])";
const PERIOD = new RegExp(
  `^(?:${[
    `(?:\\d{4}年)?${M}月`, // 4月, 2026年4月
    `\\d{4}年${M}月${D}日`, // 2026年4月1日
    `\\d{4}([-/.])${M}(?:\\1${D})?`, // 2026/04, 2026-04, a date cell's day 2026-04-01
    `(?:${MONTH}|${MONTH_NAME})\\.?(?:'?\\d{2}|\\d{4})?`, // Apr, Apr 2026, April
    `\\d{4}(?:${MONTH}|${MONTH_NAME})`, // 2026 Apr
    "(?:fy)?(?:\\d{2}|\\d{4})?q[1-4]|q[1-4](?:\\d{4})?|[1-4]q", // Q1, 1Q, 2026 Q1
    "(?:\\d{4}年度?)?第[1-4]四半期", // 第1四半期
    "(?:\\d{4}年度?)?(?:上|下)半?期|(?:\\d{4})?h[12]", // 上期, 下期, H1
    "w(?:5[0-3]|[1-4]\\d|0?[1-9])|第(?:5[0-3]|[1-4]\\d|[1-9])週", // W14, 第14週
    "fy\\d{2}|fy\\d{4}|\\d{4}年度", // FY2026
  ].join("|")})$`,
);
/** Spacing and punctuation between a period and its target/actual word: `5月 目標`, `May_target`, `5月（実績）`. */
const GLUE = /^[\s_:・()[\]【】/-]+|[\s_:・()[\]【】/-]+$/g;

/** The period a header names (its folded key), or undefined. */
function periodKey(text: string): string | undefined {
  const key = text.toLowerCase().replace(/\s+/g, "");
  return key !== "" && PERIOD.test(key) ? key : undefined;
}

/** A header read as a period: its key, the period as written, and the measure its word names (null: none). */
export interface PeriodHeader {
  key: string;
  label: string;
  measure: Measure | null;
}

/**
 * A header as a period: `5月` (no word), or a period with a target/actual word
 * of the header catalogue before or after it (`5月目標`, `目標 5月`, `May
 * actual`, `Plan May`). Undefined for any other header.
 */
export function parsePeriodHeader(header: string): PeriodHeader | undefined {
  const text = header.normalize("NFKC").trim();
  const whole = periodKey(text);
  if (whole) return { key: whole, label: text, measure: null };
  for (let i = 1; i < text.length; i++) {
    const left = text.slice(0, i).replace(GLUE, "");
    const right = text.slice(i).replace(GLUE, "");
    for (const [word, period] of [
      [left, right],
      [right, left],
    ]) {
      const measure = measureOf(word);
      const key = measure && periodKey(period);
      if (key) return { key, label: period, measure };
    }
  }
  return undefined;
}

/** A problem with the period headers, for the reader's error list (row 1, the column named). */
export interface PeriodProblem {
  code: MessageCode;
  column: string;
  params: Record<string, string | number>;
}

/**
 * Groups the period headers of a header row into periods, in the order their
 * first column appears: a header without a word is the period's actual. Two
 * columns for the same period and measure, or a target without an actual,
 * are problems naming the column.
 */
export function groupPeriods(headers: readonly { column: number; text: string; period: PeriodHeader }[]): {
  periods: Period[];
  problems: PeriodProblem[];
} {
  const byKey = new Map<string, Period>();
  const problems: PeriodProblem[] = [];
  for (const { column, text, period } of headers) {
    const measure = period.measure ?? "actual";
    let p = byKey.get(period.key);
    if (!p) {
      p = { key: period.key, label: period.label, column: {}, header: {}, values: { target: [], actual: [] } };
      byKey.set(period.key, p);
    }
    const other = p.column[measure];
    if (other !== undefined) {
      const params = { period: p.label, first: other + 1, second: column + 1, measure };
      problems.push({ code: "duplicatePeriod", column: text, params });
      continue;
    }
    p.column[measure] = column;
    p.header[measure] = text;
  }
  for (const p of byKey.values())
    if (p.column.actual === undefined && p.header.target !== undefined)
      problems.push({ code: "periodNoActual", column: p.header.target, params: { period: p.label } });
  return { periods: [...byKey.values()], problems };
}

/** Where an argument names a period: its index in `tree.periods` and the measure. */
export interface PeriodRef {
  index: number;
  measure: Measure;
}

/**
 * The period an argument names, written as in the table (`5月`, `5月目標`,
 * `2026-05`): a whole header first, else the period of a header (`5月` on a
 * table of pairs is May's actual). Undefined when it names none.
 */
export function findPeriod(periods: readonly Period[], text: string): PeriodRef | undefined {
  const folded = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  for (let index = 0; index < periods.length; index++)
    for (const measure of ["actual", "target"] as const) {
      const header = periods[index].header[measure];
      if (header !== undefined && header.normalize("NFKC").toLowerCase().replace(/\s+/g, "") === folded)
        return { index, measure };
    }
  const named = parsePeriodHeader(text);
  if (!named) return undefined;
  const index = periods.findIndex((p) => p.key === named.key);
  return index < 0 ? undefined : { index, measure: named.measure ?? "actual" };
}

/** A measure named by its header words ("actual", "実績", "goal", "目標値"…), else undefined. */
export function measureOf(text: string): Measure | undefined {
  const field = headerField(text);
  return field === "actual" || field === "target" ? field : undefined;
}

/**
 * What a `field` argument names: the Target or Actual column (by any of
 * their header words; "actual" when blank), or a period's column, as its
 * values per node. Undefined when it names neither.
 */
export function fieldValues(periods: readonly Period[], text: string): Measure | (number | null)[] | undefined {
  if (text === "") return "actual";
  const measure = measureOf(text);
  if (measure) return measure;
  const ref = findPeriod(periods, text);
  return ref && periods[ref.index].values[ref.measure];
}
