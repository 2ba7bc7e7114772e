/*
 * Sensitivity: how much the KGI moves, in %, when one KPI rises 1% and every
 * other KPI stays at its actual (an elasticity). One top-down pass: a node's
 * impact is its parent's impact times the parent's response to the node.
 */
import { combine, type Op } from "./operators";
import { rollup, type Values } from "./rollup";
import type { Tree } from "./tree";

/** The step of KPI_IMPACT: +1%. Through min, max and a ratio's denominator the response is measured with it. */
export const IMPACT_STEP = 0.01;

/**
 * The extreme (min or max) of the present values other than position k, for
 * every k, in one pass each way.
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

/** One child's response (see `localResponse`); `others` is the extreme of its siblings for min and max. */
function response(op: Op, v: number, k: number, parent: number, known: number, others: number | null): number {
  const step = IMPACT_STEP;
  switch (op) {
    case "sum":
      return v / parent;
    case "avg":
      return v / (known * parent);
    case "difference":
      return (k === 0 ? v : -v) / parent;
    case "product":
      return 1;
    case "ratio":
      return k === 0 ? 1 : (1 / (1 + step) - 1) / step;
    case "min":
    case "max": {
      const raised = v * (1 + step);
      const moved = others === null ? raised : op === "min" ? Math.min(raised, others) : Math.max(raised, others);
      return (moved / parent - 1) / step;
    }
    case "none":
      return 0;
  }
}

/**
 * The parent's relative change per relative change of each child
 * ((Δparent ÷ parent) ÷ (Δchild ÷ child)) when that child alone rises by
 * IMPACT_STEP. Exact and step-free for sum, difference, avg and product
 * (their response is proportional to the step); measured with the step for
 * min, max and a ratio's denominator. null where the child or the parent has
 * no value, or the parent is zero.
 */
export function localResponse(op: Op, values: Values, parent: number | null): Values {
  if (parent === null || parent === 0 || combine(op, values) !== parent) return values.map(() => null);
  const known = values.filter((v) => v !== null).length;
  const extremes =
    op === "min" ? extremeOfOthers(values, Math.min) : op === "max" ? extremeOfOthers(values, Math.max) : null;
  return values.map((v, k) => (v === null ? null : response(op, v, k, parent, known, extremes?.[k] ?? null)));
}

/**
 * KPI_IMPACT: the KGI's relative change when each KPI rises by 1% (0.01 =
 * the KGI moves 1%), others held at their actuals. The KGI itself: 1%. A
 * scorecard's (`none`) children do not move it: 0. Blank where a value on the
 * way up is missing or zero. Indexed like `tree.nodes`.
 */
export function impacts(tree: Tree): Values {
  const actual = rollup(tree, "actual");
  const elasticity: Values = new Array(tree.nodes.length).fill(null);
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.parent < 0) elasticity[i] = actual[i] === null || actual[i] === 0 ? null : 1;
    const own = elasticity[i];
    if (node.op === null || own === null) continue;
    const response =
      node.op === "none"
        ? node.children.map(() => 0)
        : localResponse(
            node.op,
            node.children.map((c) => actual[c]),
            actual[i],
          );
    node.children.forEach((c, k) => {
      const r = response[k];
      elasticity[c] = r === null ? null : own * r;
    });
  }
  return elasticity.map((e) => (e === null ? null : e * IMPACT_STEP));
}
