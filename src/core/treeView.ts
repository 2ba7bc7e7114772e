import { requiredAmounts } from "./format";
import { needed, planned } from "./required";
import { rolled, type Values } from "./rollup";
import { rateOf, type Status, statusOf, type Thresholds } from "./status";
import { type Frame, frameOf, type Tree, toValues } from "./tree";

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
export function judgedTargets(tree: Tree): Values {
  return toValues(judged(frameOf(tree)));
}

/** `judgedTargets` over a tree's columns, NaN for blank. */
function judged(f: Frame, targets = rolled(f, "target")): Float64Array {
  const out = targets.slice();
  for (let i = 0; i < f.size; i++) if (!Number.isNaN(f.target[i])) out[i] = f.target[i];
  return out;
}

/** `treeView` as columns, NaN for blank: what KPI_TREE writes. */
export type ViewColumns = { [K in keyof TreeView]: K extends "status" ? Status[] : Float64Array };

/**
 * Rollup, required value, achievement and status of every KPI from one
 * reading of the table, each rollup computed once (KPI_TREE). A parent without
 * its own target is judged against the target its children roll up to, so a
 * middle KPI is coloured like the others instead of "no data".
 */
export function viewColumns(tree: Tree, thresholds: Thresholds, goal?: number | null): ViewColumns {
  const f = frameOf(tree);
  const targets = rolled(f, "target");
  const actual = rolled(f, "actual");
  const need = needed(f, goal, planned(f, targets, actual));
  const target = judged(f, targets);
  const rate = new Float64Array(f.size);
  const status: Status[] = new Array(f.size);
  for (let i = 0; i < f.size; i++) {
    rate[i] = rateOf(actual[i], target[i], f.lower[i] ? "lower" : "higher");
    status[i] = statusOf(rate[i], thresholds);
  }
  return { actual, required: requiredAmounts(f, need), target, rate, status };
}

/** `viewColumns` as lists, null for blank. */
export function treeView(tree: Tree, thresholds: Thresholds, goal?: number | null): TreeView {
  const v = viewColumns(tree, thresholds, goal);
  return {
    actual: toValues(v.actual),
    required: toValues(v.required),
    target: toValues(v.target),
    rate: toValues(v.rate),
    status: v.status,
  };
}
