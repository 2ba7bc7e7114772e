/*
 * Phasing an annual target into periods (months, quarters, weeks) for the
 * wizard's period block. Pure. A flow (orders, revenue, leads) is split so
 * that its periods add back to the annual target exactly, in floating point,
 * as Sheets' SUM adds them left to right; a rate (a % KPI, a unit price, any
 * later factor of a product, a ratio) is the same in every period: copied,
 * never divided.
 */
import type { Op } from "./operators";
import { unitKind } from "./units";

export type PeriodKind = "month" | "quarter" | "week";
export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "week"];
/** How many periods a year holds per kind: 12 months, 4 quarters, 13 weeks (one quarter of weeks). */
export const PERIOD_COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, week: 13 };

/** even: ÷ n; weights: by a weights row the user edits; cumulative: each period holds the running total. */
export type Phasing = "even" | "weights" | "cumulative";
export const PHASINGS: readonly Phasing[] = ["even", "weights", "cumulative"];

/**
 * Shares of `total` in proportion to `weights` (≥ 0, at least one > 0), adding
 * back to `total` exactly when summed left to right: the last share is what
 * the others leave, nudged by the last bits floating point loses. Null when
 * the weights cannot share anything (none positive, a negative or not a number).
 */
export function split(total: number, weights: readonly number[]): number[] | null {
  if (weights.length === 0 || weights.some((w) => !Number.isFinite(w) || w < 0)) return null;
  const sum = weights.reduce((a, w) => a + w, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) return null;
  const out = weights.map((w) => total * (w / sum));
  if (out.some((v) => !Number.isFinite(v))) return null;
  const last = weights.length - 1;
  // When the sum of the others ties halfway between two floats, no last share lands on the total:
  // a one-ulp nudge of the largest other share breaks the tie (a few tries at most).
  let largest = 0;
  for (let k = 1; k < last; k++) if (Math.abs(out[k]) > Math.abs(out[largest])) largest = k;
  for (let attempt = 0; attempt < 8; attempt++) {
    let before = 0;
    for (let k = 0; k < last; k++) before += out[k];
    out[last] = exactRest(total, before);
    if (before + out[last] === total) return out;
    out[largest] = nextToward(out[largest], attempt % 2 ? -1 : 1);
  }
  return null;
}

/** x such that before + x === total in floating point, if one exists near total − before. */
function exactRest(total: number, before: number): number {
  let x = total - before;
  // At most a few steps: each moves x by one unit in its last place towards the target.
  for (let step = 0; step < 64 && before + x !== total; step++) x = nextToward(x, before + x < total ? 1 : -1);
  return x;
}

const BUFFER = new DataView(new ArrayBuffer(8));

/** The next float after `x` upwards (+1) or downwards (−1). */
function nextToward(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  BUFFER.setFloat64(0, x);
  const bits = BUFFER.getBigUint64(0);
  BUFFER.setBigUint64(0, x > 0 === dir > 0 ? bits + 1n : bits - 1n);
  return BUFFER.getFloat64(0);
}

/**
 * One KPI's values per period. A flow is split by the weights (all 1 for
 * `even`); `cumulative` gives the running totals of that split, the last being
 * the annual target itself. A rate is copied into every period. Null when the
 * weights cannot share (see `split`).
 */
export function phase(
  total: number,
  n: number,
  how: Phasing,
  rate: boolean,
  weights: readonly number[] = [],
): number[] | null {
  if (rate) return new Array<number>(n).fill(total);
  const shares = split(total, how === "weights" ? weights.slice(0, n) : new Array<number>(n).fill(1));
  if (!shares || shares.length !== n) return null;
  if (how !== "cumulative") return shares;
  let run = 0;
  const out = shares.map((s) => (run += s));
  out[n - 1] = total;
  return out;
}

/** What the rate rule needs of a KPI: its unit, its operator and its parent's (by index, -1 for the KGI). */
export interface PhasingNode {
  unit: string;
  op: Op | "" | null;
  parent: number;
}

/**
 * Which KPIs are rates (copied into every period, never divided), decided
 * top-down, parents before children (`nodes` in pre-order):
 * - a % unit (`%`, `率`) is a rate;
 * - a parent computed by ÷ is a rate (CVR = conversions ÷ sessions), and its children are flows;
 * - under ×, the first child is the volume (a flow when the parent is one) and every later child
 *   a rate (close rate, unit price: 件 × 円/件);
 * - under +, −, avg, min, max, a child is what its parent is (a sum of flows is a flow);
 * - under a scorecard (none), and for the KGI, a flow unless its unit says %.
 */
export function rateKpis(nodes: readonly PhasingNode[]): boolean[] {
  const rate: boolean[] = new Array(nodes.length).fill(false);
  const firstChild = new Map<number, number>();
  nodes.forEach((n, i) => {
    const p = n.parent;
    if (p >= 0 && !firstChild.has(p)) firstChild.set(p, i);
    let inherited = false;
    if (p >= 0) {
      const op = nodes[p].op;
      if (op === "product") inherited = firstChild.get(p) === i ? rate[p] : true;
      else if (op === "ratio" || op === "none" || !op) inherited = false;
      else inherited = rate[p];
    }
    rate[i] = unitKind(n.unit) === "percent" || n.op === "ratio" || inherited;
  });
  return rate;
}
