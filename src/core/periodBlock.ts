/*
 * The wizard's optional period block, as plain data: which periods (12
 * months, 4 quarters or 13 weeks from a start month), their headers in the
 * sheet's language (actual-only `2026年4月`, or pairs `2026年4月目標` /
 * `2026年4月実績`), and each KPI's phased targets (see phasing.ts): numbers
 * for even and cumulative phasing, live formulas over a weights row the user
 * edits for seasonality. Pure; the sheet writer places it.
 */
import { PERIOD_COUNT, PERIOD_KINDS, type PeriodKind, PHASINGS, type Phasing, phase } from "./phasing";
import { columnLetter } from "./rules";
import type { Cell, Lang } from "./text";
import { HEADER } from "./words";

export interface PeriodPlan {
  kind: PeriodKind;
  /** The first period's month, yyyy-mm (fiscal years often start in April). */
  start: string;
  /** Target and actual per period, or actual only. */
  pairs: boolean;
  phasing: Phasing;
  /** One weight per period for `weights` phasing (the row the user then edits); all 1 by default. */
  weights: number[];
}

/** A plan from outside (google.script.run): null for none, undefined when it cannot be read. */
export function parsePeriodPlan(input: unknown): PeriodPlan | null | undefined {
  if (input === null || input === undefined || input === "") return null;
  const raw = input as Partial<PeriodPlan>;
  const kind = raw.kind as PeriodKind;
  const phasing = (raw.phasing ?? "even") as Phasing;
  if (!PERIOD_KINDS.includes(kind) || !PHASINGS.includes(phasing)) return undefined;
  if (typeof raw.start !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(raw.start)) return undefined;
  const n = PERIOD_COUNT[kind];
  const given = Array.isArray(raw.weights) ? raw.weights : [];
  const weights = Array.from({ length: n }, (_, k) => (k < given.length ? Number(given[k]) : 1));
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || !weights.some((w) => w > 0)) return undefined;
  return { kind, start: raw.start, pairs: raw.pairs !== false, phasing, weights };
}

export interface PeriodSpec {
  /** The period as the headers name it: `2026年4月`, `Apr 2026`, `2026 Q1`, `W14` / `第14週`. */
  label: string;
  /** First and last day, as day numbers (days since 1970-01-01). */
  first: number;
  last: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = 86_400_000;

function monthStart(year: number, month0: number): number {
  return Math.round(Date.UTC(year, month0, 1) / DAY);
}

/** ISO 8601 week number of a day. */
function isoWeek(day: number): number {
  const d = new Date(day * DAY);
  const thursday = day + 3 - ((d.getUTCDay() + 6) % 7);
  const year = new Date(thursday * DAY).getUTCFullYear();
  return Math.floor((thursday - Math.round(Date.UTC(year, 0, 1) / DAY)) / 7) + 1;
}

/** The plan's periods in order. Weeks run from the start month's first day, seven days each. */
export function periodSpecs(plan: PeriodPlan, lang: Lang): PeriodSpec[] {
  const [y, m] = plan.start.split("-").map(Number);
  const n = PERIOD_COUNT[plan.kind];
  const first0 = monthStart(y, m - 1);
  return Array.from({ length: n }, (_, k) => {
    if (plan.kind === "week") {
      const first = first0 + 7 * k;
      const w = isoWeek(first);
      return { label: lang === "ja" ? `第${w}週` : `W${w}`, first, last: first + 6 };
    }
    const step = plan.kind === "month" ? 1 : 3;
    const first = monthStart(y, m - 1 + step * k);
    const last = monthStart(y, m - 1 + step * (k + 1)) - 1;
    const d = new Date(first * DAY);
    const [yy, mm] = [d.getUTCFullYear(), d.getUTCMonth()];
    const label =
      plan.kind === "quarter" ? `${y} Q${k + 1}` : lang === "ja" ? `${yy}年${mm + 1}月` : `${MONTHS[mm]} ${yy}`;
    return { label, first, last };
  });
}

/** The header of a period's target or actual column: `2026年4月目標`, `Apr 2026 Target`. */
export function periodHeader(label: string, field: "target" | "actual", lang: Lang): string {
  return lang === "ja" ? `${label}${HEADER.ja[field]}` : `${label} ${HEADER.en[field]}`;
}

/** The headers of the whole block, left to right: per period its target then its actual, or its actual alone. */
export function periodHeaders(plan: PeriodPlan, lang: Lang): string[] {
  const out: string[] = [];
  for (const p of periodSpecs(plan, lang)) {
    if (plan.pairs) out.push(periodHeader(p.label, "target", lang));
    out.push(plan.pairs ? periodHeader(p.label, "actual", lang) : p.label);
  }
  return out;
}

/** A day number as a Sheets date serial (days since 1899-12-30). */
export function dateSerial(day: number): number {
  return day + 25_569;
}

export interface BlockPlace {
  /** 1-based sheet row of the first KPI and column of the annual Target. */
  firstRow: number;
  targetColumn: number;
  /** 1-based column of the first period column; the weights sit in row `weightsRow` above each target column. */
  firstColumn: number;
  weightsRow: number;
}

/**
 * The block's cells below its header, one row per KPI: phased targets (numbers,
 * or with `weights` phasing formulas over the weights row, so an edited weight
 * re-phases every flow) in the target columns, blanks in the actual columns.
 * `targets` and `rates` are per KPI (see rateKpis).
 */
export function periodCells(
  plan: PeriodPlan,
  targets: readonly (number | null)[],
  rates: readonly boolean[],
  at: BlockPlace,
): Cell[][] {
  const n = PERIOD_COUNT[plan.kind];
  const width = plan.pairs ? 2 * n : n;
  const col = (k: number) => columnLetter(at.firstColumn + 2 * k);
  const weights = `$${col(0)}$${at.weightsRow}:$${col(n - 1)}$${at.weightsRow}`;
  return targets.map((target, i) => {
    const row: Cell[] = new Array(width).fill("");
    if (!plan.pairs || target === null) return row;
    const t = `$${columnLetter(at.targetColumn)}${at.firstRow + i}`;
    if (plan.phasing !== "weights") {
      // Null only where floating point cannot split the target: the cells stay blank rather than wrong.
      const values = phase(target, n, plan.phasing, rates[i], plan.weights);
      values?.forEach((v, k) => {
        row[2 * k] = v;
      });
      return row;
    }
    for (let k = 0; k < n; k++) row[2 * k] = rates[i] ? `=${t}` : `=${t}*${col(k)}$${at.weightsRow}/SUM(${weights})`;
    return row;
  });
}

/**
 * `=IFERROR(INDEX({"2026年4月";…}, MATCH($B$1, {46113;…}, 1)), "")`: the label
 * of the period holding the as-of date in `asOf` (blank before the first), for
 * the year-to-date totals' `through`.
 */
export function throughFormula(specs: readonly PeriodSpec[], asOf: string): string {
  const labels = specs.map((s) => `"${s.label.replace(/"/g, '""')}"`).join(";");
  const starts = specs.map((s) => dateSerial(s.first)).join(";");
  return `=IFERROR(INDEX({${labels}},MATCH(${asOf},{${starts}},1)),"")`;
}

/** `=MIN(1,MAX(0,(B1-start+1)/days))`: the share of the year elapsed on the as-of date, days counted inclusively. */
export function elapsedFormula(specs: readonly PeriodSpec[], asOf: string): string {
  const first = specs[0].first;
  const days = specs[specs.length - 1].last - first + 1;
  return `=MIN(1,MAX(0,(${asOf}-${dateSerial(first)}+1)/${days}))`;
}
