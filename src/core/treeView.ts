import { requiredAmounts } from "./format";
import { plans, required } from "./required";
import { rollup, type Values } from "./rollup";
import { achievement, type Status, statusOf, type Thresholds } from "./status";
import type { Tree } from "./tree";

/** What one recalculation of a tree shows for each KPI, indexed like `tree.nodes`. */
export interface TreeView {
  /** Rolled-up actual (KPI_ROLLUP). */
  actual: Values;
  /** Required value (KPI_REQUIRED), as the sheet shows it: counts and yen rounded toward the safe side. */
  required: Values;
  /** What the KPI is judged against: its own target, else (a parent without one) its rolled-up target. */
  target: Values;
  /** Achievement of the rolled-up actual against that target, direction-aware. */
  rate: Values;
  status: Status[];
}

/**
 * What each KPI is judged against: its own target, else (a parent without
 * one) the target its children roll up to. Indexed like `tree.nodes`.
 */
export function judgedTargets(tree: Tree, targets: Values = rollup(tree, "target")): Values {
  return tree.nodes.map((node) => node.target ?? targets[node.index]);
}

/**
 * Rollup, required value, achievement and status of every KPI from one
 * reading of the table, each rollup computed once (KPI_TREE). A parent without
 * its own target is judged against the target its children roll up to, so a
 * middle KPI is coloured like the others instead of "no data".
 */
export function treeView(tree: Tree, thresholds: Thresholds, goal?: number | null): TreeView {
  const targets = rollup(tree, "target");
  const actual = rollup(tree, "actual");
  const need = required(tree, goal, plans(tree, targets, actual));
  const n = tree.nodes.length;
  const target = judgedTargets(tree, targets);
  const rate: Values = new Array(n).fill(null);
  const status: Status[] = new Array(n).fill("noData");
  for (const node of tree.nodes) {
    const i = node.index;
    rate[i] = achievement(actual[i], target[i], node.direction);
    status[i] = statusOf(rate[i], thresholds);
  }
  return { actual, required: requiredAmounts(tree, need), target, rate, status };
}
