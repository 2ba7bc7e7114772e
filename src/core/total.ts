/*
 * KPI_TOTAL: each KPI's total over the periods, computed so that the tree
 * still adds up. Every node is totalled in a context, set top-down:
 *
 * - a flow (the default): its values added over the periods;
 * - weighted: Σ wₜ·xₜ ÷ Σ wₜ over the periods where both are known.
 *
 * A KPI in a flow takes its own Aggregation: `last` weighs only the latest
 * period it has a value in, `avg` weighs every period alike, `rate` (a leaf)
 * has nothing to weigh it by and stays blank unless one period has a value.
 * In a `×`, the first child keeps the parent's context (the volume) and each
 * later child is weighted by the product of the children before it, so
 * 成約率 over April (100 meetings at 20%) and May (300 at 10%) is 50 ÷ 400 =
 * 12.5%, not the 15% an average gives. Weights pass down to a node's
 * subtree, so `+` children of a rate are weighted alike. A parent's total is
 * then its operator over its children's totals (+ − avg min max), Σ of its
 * per-period values in its context (×, which the weighting makes equal to
 * the product of its children's totals), or Σ numerator ÷ Σ denominator (÷
 * in a flow; a weighted ÷ weighs its children by w ÷ denominator, so its
 * total is still their ratio).
 * Linear in KPIs × periods.
 */
import { combineChildren } from "./operators";
import type { Measure } from "./periods";
import { finiteValue, rollup, type Values } from "./rollup";
import type { Tree } from "./tree";

/** A context's weights per period (NaN: the period does not count); null: every period weighs 1. */
type Weights = Float64Array | null;

interface Contexts {
  weights: Weights[];
  /** 1 where the total is a weighted mean (Σ w·x ÷ Σ w), 0 for a flow (Σ w·x). */
  mean: Uint8Array;
}

/**
 * Each KPI's total of `measure` over the first `count` periods (all by
 * default), indexed like `tree.nodes`; null where there is nothing to total.
 */
export function totals(tree: Tree, measure: Measure, count = tree.periods.length): Values {
  const perPeriod = tree.periods.slice(0, count).map((p) => rollup(tree, p.values[measure]));
  const contexts = weigh(tree, perPeriod);
  const { nodes, order } = tree;
  const out: Values = new Array(nodes.length).fill(null);
  for (let k = order.length - 1; k >= 0; k--) {
    const node = nodes[order[k]];
    const i = node.index;
    const own = () => meanOf(perPeriod, i, contexts.weights[i], contexts.mean[i] === 1);
    let total: number | null;
    if (node.op === null || node.op === "none") total = leafTotal(tree, perPeriod, contexts, i);
    else if (node.op === "product") total = own();
    else if (node.op === "ratio") total = contexts.mean[i] ? own() : ratioTotal(perPeriod, node.children);
    else total = combineChildren(node.op, node.children, out) ?? own();
    out[i] = finiteValue(tree, i, total);
  }
  return out;
}

/**
 * The contexts, top-down: a KPI's own Aggregation where it sits in a flow;
 * × children after the first weighted by the ones before; a weighted ÷'s
 * children weighted by w ÷ denominator, so its total stays their ratio.
 */
function weigh(tree: Tree, perPeriod: Values[]): Contexts {
  const { nodes, order } = tree;
  const weights: Weights[] = new Array(nodes.length).fill(null);
  const mean = new Uint8Array(nodes.length);
  for (const i of order) {
    const node = nodes[i];
    if (mean[i] === 0) {
      if (node.aggregation === "avg") mean[i] = 1;
      else if (node.aggregation === "last") {
        weights[i] = latest(perPeriod, i);
        mean[i] = 1;
      }
    }
    let w = weights[i];
    if (node.op === "ratio" && mean[i] === 1) w = times(w, perPeriod, node.children[1], true);
    node.children.forEach((c, k) => {
      if (node.op === "product" && k > 0) {
        w = times(w, perPeriod, node.children[k - 1], false);
        mean[c] = 1;
      } else mean[c] = mean[i];
      weights[c] = w;
    });
  }
  return { weights, mean };
}

/** Weights `w` (null: all 1) times (or divided by) node c's value per period; NaN where unknown or ÷ 0. */
function times(w: Weights, perPeriod: Values[], c: number, divide: boolean): Float64Array {
  const out = new Float64Array(perPeriod.length);
  for (let t = 0; t < perPeriod.length; t++) {
    const x = perPeriod[t][c];
    const wt = w ? w[t] : 1;
    out[t] = x === null || (divide && x === 0) ? Number.NaN : divide ? wt / x : wt * x;
  }
  return out;
}

/** Weight 1 on the latest period where node i has a value, NaN elsewhere (all NaN when it has none). */
function latest(perPeriod: Values[], i: number): Float64Array {
  const out = new Float64Array(perPeriod.length).fill(Number.NaN);
  for (let t = perPeriod.length - 1; t >= 0; t--)
    if (perPeriod[t][i] !== null) {
      out[t] = 1;
      break;
    }
  return out;
}

/**
 * Σ wₜ·xₜ (a flow) or Σ wₜ·xₜ ÷ Σ wₜ (a mean) over the periods where node i
 * has a value and a weight; null when there is none. A mean whose weights
 * add up to zero (no volume in any period) is the plain mean of the values.
 */
function meanOf(perPeriod: Values[], i: number, w: Weights, mean: boolean): number | null {
  let sum = 0;
  let weight = 0;
  let plain = 0;
  let count = 0;
  for (let t = 0; t < perPeriod.length; t++) {
    const x = perPeriod[t][i];
    const wt = w ? w[t] : 1;
    if (x === null || Number.isNaN(wt)) continue;
    sum += wt * x;
    weight += wt;
    plain += x;
    count++;
  }
  if (count === 0) return null;
  if (!mean) return sum;
  return weight !== 0 ? sum / weight : plain / count;
}

/** A leaf (or a scorecard parent's own values): a rate in a flow has nothing to weigh it by, so only one value totals. */
function leafTotal(tree: Tree, perPeriod: Values[], contexts: Contexts, i: number): number | null {
  const w = contexts.weights[i];
  const mean = contexts.mean[i] === 1;
  if (tree.nodes[i].aggregation === "rate" && !mean && w === null) {
    const known = perPeriod.filter((values) => values[i] !== null);
    return known.length === 1 ? known[0][i] : null;
  }
  return meanOf(perPeriod, i, w, mean);
}

/** Σ numerator ÷ Σ denominator over the periods where both are known; null when the denominator sums to 0. */
function ratioTotal(perPeriod: Values[], [a, b]: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  for (const values of perPeriod) {
    const x = values[a];
    const y = values[b];
    if (x === null || y === null) continue;
    num += x;
    den += y;
  }
  return den === 0 ? null : num / den;
}
