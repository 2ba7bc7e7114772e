/*
 * The guides' quarterly check: do the KPIs really move the KGI?
 * (「四半期ごとにKPIとKGIの相関を検証し、KPIを達成してもKGIが改善しない場合は、KPI設定を見直す」)
 * From per-period values (the period columns, or the history's snapshots),
 * for each KPI: the correlation of its period-over-period changes with the
 * KGI's, direction-aware, with how many periods it rests on; and the KPIs
 * that were achieved in periods where the KGI was not ("KPI倒れ"), as
 * candidates to revisit. Pure; never NaN: a series that does not move says so.
 */
import { achievement, DEFAULT_THRESHOLDS, type Thresholds } from "./status";
import type { Direction } from "./value";

/** Periods of KGI data the check needs before it says anything. */
export const MIN_PERIODS = 6;

export interface Series {
  /** One value per period, oldest first; null where the period has none. */
  actual: readonly (number | null)[];
  target: readonly (number | null)[];
  direction: Direction;
}

/** with: moves with the KGI (r ≥ 0.5); against: r ≤ −0.5; weak: in between; flat: no movement to compare. */
export type Link = "with" | "against" | "weak" | "flat";

export interface KpiLink {
  /** Index of the KPI in the list given. */
  index: number;
  /** Pearson correlation of the period-over-period changes (direction-aware), or null when flat. */
  r: number | null;
  link: Link;
  /** Periods whose values were used (consecutive periods where both the KPI and the KGI have an actual). */
  periods: number;
  /**
   * Why there is no correlation, when `link` is flat: the KPI or the KGI did
   * not change between periods, or one changed by the same step every period
   * (steady: nothing varies to compare).
   */
  flat?: "kpi" | "kgi" | "steady";
}

export interface Candidate {
  index: number;
  /** Periods the KPI was achieved while the KGI was not. */
  periods: number;
  /** Periods the KGI was missed (with a target and an actual). */
  missed: number;
}

export interface Validation {
  /** Periods where the KGI has an actual. */
  periods: number;
  /** False below MIN_PERIODS: nothing else is said. */
  enough: boolean;
  links: KpiLink[];
  candidates: Candidate[];
}

/** Direction-aware changes between consecutive periods where both series have a value. */
function pairedChanges(kpi: Series, kgi: Series): { a: number[]; b: number[]; periods: number } {
  const a: number[] = [];
  const b: number[] = [];
  const used = new Set<number>();
  const sign = (d: Direction) => (d === "lower" ? -1 : 1);
  for (let t = 1; t < Math.min(kpi.actual.length, kgi.actual.length); t++) {
    const [x0, x1, y0, y1] = [kpi.actual[t - 1], kpi.actual[t], kgi.actual[t - 1], kgi.actual[t]];
    if (x0 === null || x1 === null || y0 === null || y1 === null) continue;
    a.push(sign(kpi.direction) * (x1 - x0));
    b.push(sign(kgi.direction) * (y1 - y0));
    used.add(t - 1).add(t);
  }
  return { a, b, periods: used.size };
}

/** Sum of squared deviations from the mean, and the mean (two passes, scaled so large values cannot overflow). */
function spread(xs: readonly number[]): { mean: number; scale: number; ss: number } {
  const scale = Math.max(...xs.map(Math.abs)) || 1;
  const mean = xs.reduce((s, x) => s + x / scale, 0) / xs.length;
  const ss = xs.reduce((s, x) => s + (x / scale - mean) ** 2, 0);
  return { mean, scale, ss };
}

/** Pearson's r of two equally long lists, clipped to [−1, 1]; null when either does not vary. */
export function correlation(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || a.length !== b.length) return null;
  const [sa, sb] = [spread(a), spread(b)];
  if (!(sa.ss > 0) || !(sb.ss > 0)) return null;
  let cross = 0;
  for (let i = 0; i < a.length; i++) cross += (a[i] / sa.scale - sa.mean) * (b[i] / sb.scale - sb.mean);
  const r = cross / Math.sqrt(sa.ss * sb.ss);
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
}

function linkOf(index: number, kpi: Series, kgi: Series): KpiLink {
  const { a, b, periods } = pairedChanges(kpi, kgi);
  const r = correlation(a, b);
  if (r === null) {
    const still = (xs: number[]) => xs.every((x) => x === 0);
    const flat = still(a) ? "kpi" : still(b) ? "kgi" : "steady";
    return { index, r: null, link: "flat", periods, flat };
  }
  return { index, r, periods, link: r >= 0.5 ? "with" : r <= -0.5 ? "against" : "weak" };
}

/**
 * The check for one KGI and its KPIs. `thresholds` decide "achieved" as the
 * status colours do (OKR mode: 70%).
 */
export function validate(
  kgi: Series,
  kpis: readonly Series[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Validation {
  const periods = kgi.actual.filter((v) => v !== null).length;
  if (periods < MIN_PERIODS) return { periods, enough: false, links: [], candidates: [] };
  const met = (s: Series, t: number) => {
    const rate = achievement(s.actual[t] ?? null, s.target[t] ?? null, s.direction);
    return rate === null ? null : rate >= thresholds.achieved;
  };
  const missed: number[] = [];
  for (let t = 0; t < kgi.actual.length; t++) if (met(kgi, t) === false) missed.push(t);
  const candidates: Candidate[] = [];
  kpis.forEach((kpi, index) => {
    const hits = missed.filter((t) => met(kpi, t) === true).length;
    if (hits > 0) candidates.push({ index, periods: hits, missed: missed.length });
  });
  candidates.sort((x, y) => y.periods - x.periods || x.index - y.index);
  return { periods, enough: true, links: kpis.map((kpi, i) => linkOf(i, kpi, kgi)), candidates };
}
