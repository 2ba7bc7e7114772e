import { fail } from "./errors";
import { combineChildren } from "./operators";
import type { Tree } from "./tree";

export type Measure = "target" | "actual";
export type Values = (number | null)[];
/**
 * Told each node whose computed value is beyond what a number can hold, which
 * then counts as blank: the table check lists every such node and reads on.
 * Without it the first is thrown as the error naming the KPI's row.
 */
export type OnOverflow = (index: number) => void;

/**
 * Bottom-up: a leaf gives its own value, a parent its operator over its
 * children's rolled-up values, falling back to its own value when that cannot
 * be computed; `none` keeps the node's own value. Indexed like `tree.nodes`.
 * `measure` names the Target or Actual column, or gives one value per node
 * (a period's column).
 */
export function rollup(tree: Tree, measure: Measure | ArrayLike<number | null>, onOverflow?: OnOverflow): Values {
  const { nodes, order } = tree;
  const out: Values = new Array(nodes.length).fill(null);
  // A measure reads each node's own value; a list (a period's column, indexed like `nodes`) is read instead.
  const values = typeof measure === "string" ? null : measure;
  for (let k = order.length - 1; k >= 0; k--) {
    const node = nodes[order[k]];
    const own = values ? values[node.index] : node[measure as Measure];
    if (node.op === null || node.op === "none") {
      out[node.index] = own;
      continue;
    }
    out[node.index] = finiteValue(tree, node.index, combineChildren(node.op, node.children, out), onOverflow) ?? own;
  }
  return out;
}

/**
 * A computed value, or the error naming the KPI's row when it is beyond what a
 * number can hold (1e200 × 1e200, 1e308 + 1e308): a cell never shows Infinity.
 */
export function finiteValue(tree: Tree, index: number, value: number | null, onOverflow?: OnOverflow): number | null {
  if (value === null || Number.isFinite(value)) return value;
  if (onOverflow) {
    onOverflow(index);
    return null;
  }
  const node = tree.nodes[index];
  return fail(tree.lang, "tooLarge", { row: node.row, name: node.name });
}
