import { fail } from "./errors";
import { combineInto, OPS } from "./operators";
import { type Frame, frameOf, fromValues, type Tree, toValues } from "./tree";

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
  return toValues(rolled(frameOf(tree), measure, onOverflow));
}

/** `rollup` over a tree's columns, NaN for blank. */
export function rolled(f: Frame, measure: Measure | ArrayLike<number | null>, onOverflow?: OnOverflow): Float64Array {
  const { order, op, first, kids } = f;
  const own = typeof measure === "string" ? f[measure] : fromValues(measure);
  const out = new Float64Array(f.size).fill(Number.NaN);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    const o = OPS[op[i]];
    if (o === undefined || o === "none" || !combineInto(o, kids, out, first[i], first[i + 1], out, i)) out[i] = own[i];
    else if (!Number.isFinite(out[i])) out[i] = finiteValue(f, i, out[i], onOverflow) ?? own[i];
  }
  return out;
}

/**
 * A computed value, or the error naming the KPI's row when it is beyond what a
 * number can hold (1e200 × 1e200, 1e308 + 1e308): a cell never shows Infinity.
 */
export function finiteValue(
  tree: Tree | Frame,
  index: number,
  value: number | null,
  onOverflow?: OnOverflow,
): number | null {
  if (value === null || Number.isFinite(value)) return value;
  if (onOverflow) {
    onOverflow(index);
    return null;
  }
  const f = "size" in tree ? tree : frameOf(tree);
  return fail(f.lang, "tooLarge", { row: f.row[index], name: f.name(index) });
}
