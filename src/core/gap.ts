/*
 * Gap attribution: how much of the KGI's gap (actual − target) each KPI
 * explains, in the KGI's unit, so that the leaves' shares add up to the whole
 * gap and each parent shows the sum of its subtree.
 *
 * One top-down pass. Each node's own gap is measured against its plan (its
 * target, else what its children's targets give, else its actual). A parent's
 * share is split over its children by the exact decomposition of its operator:
 * - sum, difference, avg: linear (a child's gap, signed, ÷ the count for avg);
 * - product and ratio of positive values: in log space (LMDI): child i takes
 *   L(A, C) · ln(aᵢ ÷ cᵢ) of the parent's A − C, where L is the logarithmic
 *   mean; the shares add up exactly and do not depend on the order;
 * - min, max, and products or ratios with a zero or negative value (no log):
 *   along the straight path from the plans to the actuals (Aumann–Shapley),
 *   averaging the operator's gradient at PATH_STEPS midpoints.
 * Each step is a factor (the parent's unit → the KGI's unit) carried down, so
 * a pure product tree gives each leaf L(KGI actual, KGI target) · ln(aᵢ ÷ cᵢ).
 * What the children's values do not explain — a parent target that its
 * children's targets do not give (see KPI_CHECK), a parent actual typed
 * rather than computed, a child without an actual (counted as on plan) — is
 * spread over the children in proportion to the size of their shares (evenly
 * when they have none), so the sum stays exact.
 */
import { combine, type Op } from "./operators";
import { plans } from "./required";
import { rollup, type Values } from "./rollup";
import type { Tree } from "./tree";

/** Midpoints on the straight path for operators without a closed form. */
export const PATH_STEPS = 200;

/** Logarithmic mean of two positive numbers: (a − b) ÷ (ln a − ln b), a when they are equal. */
export function logMean(a: number, b: number): number {
  if (Math.abs(a - b) <= 1e-12 * Math.max(a, b)) return (a + b) / 2;
  return (a - b) / (Math.log(a) - Math.log(b));
}

/** The operator's partial derivative in each operand at `point` (null operands excluded, 0). */
function gradient(op: Op, point: number[]): number[] {
  const n = point.length;
  switch (op) {
    case "product": {
      const out: number[] = new Array(n);
      let prefix = 1;
      for (let k = 0; k < n; k++) {
        out[k] = prefix;
        prefix *= point[k];
      }
      let suffix = 1;
      for (let k = n - 1; k >= 0; k--) {
        out[k] *= suffix;
        suffix *= point[k];
      }
      return out;
    }
    case "ratio":
      return point[1] === 0 ? [Number.NaN, Number.NaN] : [1 / point[1], -point[0] / (point[1] * point[1])];
    case "min":
    case "max": {
      let best = 0;
      for (let k = 1; k < n; k++) if (op === "min" ? point[k] < point[best] : point[k] > point[best]) best = k;
      return point.map((_, k) => (k === best ? 1 : 0));
    }
    case "sum":
      return point.map(() => 1);
    case "avg":
      return point.map(() => 1 / n);
    case "difference":
      return point.map((_, k) => (k === 0 ? 1 : -1));
    case "none":
      return point.map(() => 0);
  }
}

/**
 * How much of the parent's change, in the parent's unit, one unit of each
 * child's own gap (actual − plan) carries: 1 for a sum, ±1 for a difference,
 * 1/n for avg, L(A, C) ÷ L(aᵢ, cᵢ) for a positive product (negative for a
 * ratio's denominator), else the gradient averaged along the path. 0 for a
 * child without values; null when the path crosses a zero denominator.
 */
export function gapFactors(op: Op, actuals: Values, plan: Values): Values {
  const n = actuals.length;
  const inUse = plan.map((c) => c !== null);
  const a = actuals.map((x, k) => x ?? plan[k]);
  const c = plan;
  if (op === "sum" || op === "difference") return a.map((_, k) => (!inUse[k] ? 0 : op === "difference" && k ? -1 : 1));
  const used = inUse.filter(Boolean).length;
  if (op === "avg") return a.map((_, k) => (inUse[k] ? 1 / used : 0));
  if (op === "none" || used === 0) return a.map(() => 0);
  // The rest need every operand, except min and max, which skip blanks as MIN and MAX do.
  if ((op === "product" || op === "ratio") && used < n) return a.map(() => 0);
  const idx = inUse.flatMap((u, k) => (u ? [k] : []));
  const x = idx.map((k) => a[k] as number);
  const y = idx.map((k) => c[k] as number);
  const out: Values = new Array(n).fill(0);
  if ((op === "product" || op === "ratio") && x.every((v) => v > 0) && y.every((v) => v > 0)) {
    const total = logMean(combine(op, x) as number, combine(op, y) as number);
    idx.forEach((k, j) => {
      out[k] = ((op === "ratio" && j === 1 ? -1 : 1) * total) / logMean(x[j], y[j]);
    });
    return out;
  }
  const mean = new Array(x.length).fill(0);
  for (let s = 0; s < PATH_STEPS; s++) {
    const t = (s + 0.5) / PATH_STEPS;
    const g = gradient(
      op,
      x.map((xv, j) => y[j] + t * (xv - y[j])),
    );
    for (let j = 0; j < g.length; j++) mean[j] += g[j] / PATH_STEPS;
  }
  if (mean.some((m) => !Number.isFinite(m))) return out.map(() => null);
  idx.forEach((k, j) => {
    out[k] = mean[j];
  });
  return out;
}

/**
 * Splits `share` (in the KGI's unit) over the children: each takes
 * `scale × factor × own gap`, and what that leaves over is spread in
 * proportion to the size of those shares, evenly among children with a plan
 * when they have none. null for every child when no child has a plan.
 */
function splitShare(share: number, base: Values, hasPlan: boolean[]): Values {
  const left = share - base.reduce<number>((s, b) => s + (b ?? 0), 0);
  const weight = base.reduce<number>((s, b) => s + Math.abs(b ?? 0), 0);
  const count = hasPlan.filter(Boolean).length;
  if (count === 0) return base.map(() => null);
  return base.map((b, k) => {
    if (!hasPlan[k]) return null;
    const own = b ?? 0;
    return own + (weight > 0 ? (left * Math.abs(own)) / weight : left / count);
  });
}

/**
 * KPI_GAP: each KPI's share of its KGI's gap (actual − target), in the KGI's
 * unit; a parent shows the sum of its subtree. Blank for a whole tree whose
 * KGI has no actual or no target, for the children of a scorecard (`none`),
 * and under a KPI without a plan. Indexed like `tree.nodes`.
 */
export function gaps(tree: Tree): Values {
  const actual = rollup(tree, "actual");
  const targets = rollup(tree, "target");
  const plan = plans(tree);
  const share: Values = new Array(tree.nodes.length).fill(null);
  const scale: number[] = new Array(tree.nodes.length).fill(0);
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.parent < 0) {
      const target = node.target ?? targets[i];
      const now = actual[i];
      share[i] = target === null || now === null ? null : now - target;
      scale[i] = 1;
    }
    const own = share[i];
    if (node.op === null || node.op === "none" || own === null) continue;
    const kids = node.children;
    const factors = gapFactors(
      node.op,
      kids.map((c) => actual[c]),
      kids.map((c) => plan[c]),
    );
    const base = kids.map((c, k) => {
      const f = factors[k];
      const a = actual[c] ?? plan[c];
      const p = plan[c];
      return f === null || a === null || p === null ? null : scale[i] * f * (a - p);
    });
    const split = splitShare(
      own,
      base,
      kids.map((c) => plan[c] !== null),
    );
    kids.forEach((c, k) => {
      share[c] = split[k];
      scale[c] = scale[i] * (factors[k] ?? 0);
    });
  }
  return share;
}
