/*
 * Sensitivity: how much the KGI moves, in %, when one KPI rises 1% and every
 * other KPI stays at its actual (an elasticity).
 */
import { combine, type Op } from "./operators";
import { rollup, type Values } from "./rollup";
import type { Tree } from "./tree";

/** The step of KPI_IMPACT: +1%. Through min, max and a ratio's denominator the response is measured with it. */
export const IMPACT_STEP = 0.01;

/**
 * The present values other than position k folded by `pick` (their min, max
 * or product), for every k, in one pass each way.
 */
function extremeOfOthers(values: Values, pick: (a: number, b: number) => number): Values {
  const n = values.length;
  const before: Values = new Array(n).fill(null);
  let run: number | null = null;
  for (let k = 0; k < n; k++) {
    before[k] = run;
    const v = values[k];
    if (v !== null) run = run === null ? v : pick(run, v);
  }
  const out: Values = new Array(n).fill(null);
  run = null;
  for (let k = n - 1; k >= 0; k--) {
    const b = before[k];
    out[k] = b === null ? run : run === null ? b : pick(b, run);
    const v = values[k];
    if (v !== null) run = run === null ? v : pick(run, v);
  }
  return out;
}

/**
 * How much the parent moves per unit of one child (∂parent ÷ ∂child), that
 * child alone changing; `others` is the extreme of its siblings for min and max.
 * Exact for sum, avg, difference, product and a ratio's numerator; measured
 * with the +1% step for min, max and a ratio's denominator.
 */
function partial(op: Op, values: Values, k: number, parent: number, others: number | null): number {
  const v = values[k] as number;
  // others: the extreme of the siblings (min, max), their product (product), how many have a value (avg).
  switch (op) {
    case "sum":
      return 1;
    case "avg":
      return 1 / (others as number);
    case "difference":
      return k === 0 ? 1 : -1;
    case "product":
      return others ?? 1; // no other factor: the empty product
    case "ratio":
      return k === 0 ? 1 / (values[1] as number) : (parent / (1 + IMPACT_STEP) - parent) / (v * IMPACT_STEP);
    case "min":
    case "max": {
      // A child at zero moves the extreme one for one while it is the strict extreme.
      if (v === 0) return others === null || (op === "min" ? others > 0 : others < 0) ? 1 : 0;
      const raised = v * (1 + IMPACT_STEP);
      const moved = others === null ? raised : op === "min" ? Math.min(raised, others) : Math.max(raised, others);
      return (moved - parent) / (v * IMPACT_STEP);
    }
    case "none":
      return 0;
  }
}

/**
 * ∂parent ÷ ∂child for each child; null where the child or the parent has no
 * value, or the parent is not what its children give (its own value).
 */
export function localPartials(op: Op, values: Values, parent: number | null): Values {
  if (parent === null || combine(op, values) !== parent) return values.map(() => null);
  const known = values.filter((v) => v !== null).length;
  const others =
    op === "min"
      ? extremeOfOthers(values, Math.min)
      : op === "max"
        ? extremeOfOthers(values, Math.max)
        : op === "product"
          ? extremeOfOthers(values, (a, b) => a * b)
          : null;
  return values.map((v, k) =>
    v === null ? null : partial(op, values, k, parent, op === "avg" ? known : (others?.[k] ?? null)),
  );
}

/**
 * KPI_IMPACT: the KGI's relative change when each KPI rises by 1% (0.01 =
 * the KGI moves 1%), others held at their actuals. The KGI itself: 1%. A
 * scorecard's (`none`) children do not move it: 0. One top-down pass carries
 * ∂KGI ÷ ∂KPI (a chain of partials, so a zero on the way up — profit 0 =
 * revenue − cost — does not hide its children); the impact is that slope ×
 * the KPI ÷ the KGI. Blank where a value on the way up is missing or the KGI
 * is zero. Indexed like `tree.nodes`.
 */
export function impacts(tree: Tree): Values {
  const actual = rollup(tree, "actual");
  const slope: Values = new Array(tree.nodes.length).fill(null);
  const kgi: Values = new Array(tree.nodes.length).fill(null);
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.parent < 0) {
      slope[i] = 1;
      kgi[i] = actual[i];
    }
    const own = slope[i];
    if (node.op === null || own === null) continue;
    const partials =
      node.op === "none"
        ? node.children.map(() => 0)
        : localPartials(
            node.op,
            node.children.map((c) => actual[c]),
            actual[i],
          );
    node.children.forEach((c, k) => {
      const r = partials[k];
      slope[c] = r === null ? null : own * r;
      kgi[c] = kgi[i];
    });
  }
  return slope.map((s, i) => {
    const v = actual[i];
    const g = kgi[i];
    return s === null || v === null || g === null || g === 0 ? null : ((s * v) / g) * IMPACT_STEP;
  });
}
