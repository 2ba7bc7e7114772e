import type { Direction } from "./value";

export type Status = "achieved" | "atRisk" | "offTrack" | "noData";

export interface Thresholds {
  /** Achievement rate from which a KPI counts as achieved (1 = 100%). */
  achieved: number;
  /** Achievement rate from which it is at risk rather than off track. */
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { achieved: 1, atRisk: 0.8 };
/** OKR mode: 70% of a stretch goal counts as success. */
export const OKR_THRESHOLDS: Thresholds = { achieved: 0.7, atRisk: 0.4 };

/**
 * Achievement rate, 1 = on target. For a positive target this is
 * actual ÷ target (higher is better) or 2 − actual ÷ target (lower is better:
 * churn 3% target, 4% actual → 66.7%; 1.5% → 150%). In general
 * 1 ± (actual − target) ÷ |target|, so negative targets (a loss limit) work too.
 * A zero target (or one so tiny the ratio overflows) gives 1 when the actual is
 * on the right side of it or equal, else 0.
 * Blank when either value is missing; never Infinity or NaN.
 */
export function achievement(actual: number | null, target: number | null, direction: Direction): number | null {
  const rate = rateOf(actual ?? Number.NaN, target ?? Number.NaN, direction);
  return Number.isNaN(rate) ? null : rate;
}

/**
 * `achievement` over values with NaN for blank (a frame's columns), NaN when
 * blank: a number that may be null is boxed, one object per KPI.
 */
export function rateOf(actual: number, target: number, direction: Direction): number {
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return Number.NaN;
  const gain = direction === "lower" ? target - actual : actual - target;
  let rate = 1 + gain / Math.abs(target);
  // 1e308 against -1e308: the difference overflows, the rate (3) does not.
  if (!Number.isFinite(gain)) {
    const scale = Math.abs(target);
    rate = 1 + (direction === "lower" ? target / scale - actual / scale : actual / scale - target / scale);
  }
  // A zero target, or one so small that the ratio overflows, is met or missed.
  if (!Number.isFinite(rate)) return gain >= 0 ? 1 : 0;
  return rate;
}

/** The status of an achievement rate; no data for a blank one (null, or NaN in a column). */
export function statusOf(rate: number | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (rate === null || Number.isNaN(rate)) return "noData";
  if (rate >= thresholds.achieved - 1e-12) return "achieved";
  if (rate >= thresholds.atRisk - 1e-12) return "atRisk";
  return "offTrack";
}
