import type { Op } from "./operators";
import type { Cell, Lang } from "./text";
import type { Direction } from "./value";

export type Field =
  | "name"
  | "id"
  | "parent"
  | "level"
  | "op"
  | "target"
  | "actual"
  | "unit"
  | "direction"
  | "owner"
  | "deadline"
  | "ksf"
  | "review"
  | "updated"
  | "aggregation";

export type HierarchyForm = "parent" | "level" | "outline";

export interface KpiNode {
  /** Position in `Tree.nodes`. */
  index: number;
  /** Row in the user's range; 1 is the header. */
  row: number;
  name: string;
  id: string;
  /** Index of the parent node, -1 for a root (a KGI). */
  parent: number;
  children: number[];
  depth: number;
  /** How children combine; null on leaves. */
  op: Op | null;
  target: number | null;
  actual: number | null;
  direction: Direction;
  unit: string;
  owner: string;
  deadline: Cell;
  ksf: boolean;
  /** How it adds up over periods (the Aggregation column); absent: a sum. */
  aggregation?: Aggregation;
}

/** How a KPI adds up over periods: flows are summed, stocks take the latest value, rates are weighted. */
export type Aggregation = "sum" | "last" | "avg" | "rate";

/** One period of a table (src/core/periods.ts): its columns (0-based) and headers, and its values per node. */
export interface Period {
  /** The period, folded: what `5月`, `5月目標` and `5月実績` share. */
  key: string;
  /** The period as written (`5月`, `May`, `2026-04-01`). */
  label: string;
  column: Partial<Record<"target" | "actual", number>>;
  header: Partial<Record<"target" | "actual", string>>;
  /** Indexed like `tree.nodes`. */
  values: Record<"target" | "actual", (number | null)[]>;
}

/** A leaf's children: one shared empty list, never changed (frozen), so a leaf costs no list of its own. */
export const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

export interface Tree {
  lang: Lang;
  form: HierarchyForm;
  nodes: KpiNode[];
  roots: number[];
  /** Every parent before its children, children in row order (pre-order). */
  order: number[];
  /** Data rows in the range (header excluded): the height of every function's output. */
  rowCount: number;
  /** Header text per recognised column, as the user typed it. */
  headers: Partial<Record<Field, string>>;
  /** The period columns, in table order (none for a table with only Target/Actual). */
  periods: Period[];
}

/**
 * Pre-order walk without recursion, so a 10,000-level chain cannot overflow the
 * stack. Nodes it never reaches (`reached` 0) sit on a parent loop or below one.
 */
export function preorder(tree: Pick<Tree, "nodes" | "roots">): { order: number[]; reached: Uint8Array } {
  const order: number[] = [];
  const reached = new Uint8Array(tree.nodes.length);
  const stack = tree.roots.slice().reverse();
  while (stack.length) {
    const i = stack.pop() as number;
    reached[i] = 1;
    order.push(i);
    const children = tree.nodes[i].children;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return { order, reached };
}

/** Output index of a node: one value per data row, header excluded. */
export function outputIndex(node: KpiNode): number {
  return node.row - 2;
}

/** One column per data row, blank where a row holds no node. */
export function toColumn(tree: Tree, values: ArrayLike<number | string | null>): (number | string | null)[][] {
  return toColumns(tree, [values]);
}

/** One row per data row with one cell per list of values (indexed like `tree.nodes`), blank where a row holds no node. */
export function toColumns(
  tree: Tree,
  columns: readonly ArrayLike<number | string | null>[],
): (number | string | null)[][] {
  const width = columns.length;
  const out: (number | string | null)[][] = new Array(tree.rowCount);
  for (let r = 0; r < tree.rowCount; r++) out[r] = new Array(width).fill(null);
  for (const node of tree.nodes) {
    const row = out[outputIndex(node)];
    for (let c = 0; c < width; c++) row[c] = columns[c][node.index];
  }
  return out;
}
