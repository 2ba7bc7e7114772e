import { fail } from "./errors";
import { OPS, solveInto } from "./operators";
import { finiteValue, type OnOverflow, rolled, type Values } from "./rollup";
import { type Frame, frameOf, fromValues, type Tree, toValues } from "./tree";

/**
 * Each node's plan: its own target, else what its children's targets roll up
 * to, else its rolled-up actual. Siblings are held at their plans while one
 * node is solved.
 */
export function plans(tree: Tree, targets?: Values, actuals?: Values): Values {
  const f = frameOf(tree);
  return toValues(planned(f, targets && fromValues(targets), actuals && fromValues(actuals)));
}

/** `plans` over a tree's columns, NaN for blank. */
export function planned(
  f: Frame,
  targets: Float64Array = rolled(f, "target"),
  actuals: Float64Array = rolled(f, "actual"),
): Float64Array {
  const out = new Float64Array(f.size);
  for (let i = 0; i < f.size; i++) {
    const own = f.target[i];
    out[i] = Number.isNaN(own) ? (Number.isNaN(targets[i]) ? actuals[i] : targets[i]) : own;
  }
  return out;
}

/**
 * Top-down: the value each node must reach for its root to reach its target
 * (or `goal`, for a single-root tree), holding every other node at its plan.
 * Scorecard (`none`) children keep their own targets. Indexed like `tree.nodes`.
 */
export function required(tree: Tree, goal?: number | null, plan?: Values, onOverflow?: OnOverflow): Values {
  const f = frameOf(tree);
  return toValues(needed(f, goal, plan ? fromValues(plan) : planned(f), onOverflow));
}

/** `required` over a tree's columns, NaN for blank. */
export function needed(
  f: Frame,
  goal: number | null | undefined,
  plan: Float64Array,
  onOverflow?: OnOverflow,
): Float64Array {
  if (goal !== undefined && goal !== null && f.roots !== 1) fail(f.lang, "goalNeedsOneRoot", {}, { count: f.roots });
  const { order, op, first, kids } = f;
  const out = new Float64Array(f.size).fill(Number.NaN);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (f.parent[i] < 0) out[i] = goal ?? f.target[i];
    const o = OPS[op[i]];
    if (o === undefined) continue;
    const need = out[i];
    if (o === "none" || Number.isNaN(need)) {
      for (let c = first[i]; c < first[i + 1]; c++) out[kids[c]] = o === "none" ? f.target[kids[c]] : Number.NaN;
      continue;
    }
    solveInto(o, need, plan, kids, first[i], first[i + 1], out);
    for (let c = first[i]; c < first[i + 1]; c++)
      if (!Number.isFinite(out[kids[c]]) && !Number.isNaN(out[kids[c]]))
        out[kids[c]] = finiteValue(f, kids[c], out[kids[c]], onOverflow) ?? Number.NaN;
  }
  return out;
}
