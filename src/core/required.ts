import { fail } from "./errors";
import { solveChildren } from "./operators";
import { finiteValue, type OnOverflow, rollup, type Values } from "./rollup";
import type { Tree } from "./tree";

/**
 * Each node's plan: its own target, else what its children's targets roll up
 * to, else its rolled-up actual. Siblings are held at their plans while one
 * node is solved.
 */
export function plans(
  tree: Tree,
  targets: Values = rollup(tree, "target"),
  actuals: Values = rollup(tree, "actual"),
): Values {
  return tree.nodes.map((n) => n.target ?? targets[n.index] ?? actuals[n.index]);
}

/**
 * Top-down: the value each node must reach for its root to reach its target
 * (or `goal`, for a single-root tree), holding every other node at its plan.
 * Scorecard (`none`) children keep their own targets. Indexed like `tree.nodes`.
 */
export function required(
  tree: Tree,
  goal?: number | null,
  plan: Values = plans(tree),
  onOverflow?: OnOverflow,
): Values {
  if (goal !== undefined && goal !== null && tree.roots.length !== 1)
    fail(tree.lang, "goalNeedsOneRoot", {}, { count: tree.roots.length });
  const out: Values = new Array(tree.nodes.length).fill(null);
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.parent < 0) out[i] = goal ?? node.target;
    if (node.op === null) continue;
    const need = out[i];
    const children = node.children;
    if (node.op === "none" || need === null) {
      for (const c of children) out[c] = node.op === "none" ? tree.nodes[c].target : null;
      continue;
    }
    const solved = solveChildren(
      node.op,
      need,
      children.map((c) => plan[c]),
    );
    for (let k = 0; k < children.length; k++) out[children[k]] = finiteValue(tree, children[k], solved[k], onOverflow);
  }
  return out;
}
