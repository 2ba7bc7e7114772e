import { OPS, type Op } from "./operators";
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
 * A tree as columns indexed like `tree.nodes` (blank values are NaN): what
 * rollups and required values compute from, so that a table read for a custom
 * function needs no object per row (`frameOf`).
 */
export interface Frame {
  lang: Lang;
  size: number;
  /** How many roots (KGIs). */
  roots: number;
  row: Int32Array;
  name: (i: number) => string;
  parent: Int32Array;
  /** Depth as read (a level, an outline column), then from the links. */
  depth: Int32Array;
  /** Each node's operator, as its index in OPS; NO_OP on a leaf. */
  op: Uint8Array;
  target: Float64Array;
  actual: Float64Array;
  /** 1 where lower is better. */
  lower: Uint8Array;
  /** Each node's unit, as its index in `units`. */
  unit: Int32Array;
  units: string[];
  /** Aggregation per node, where the table has that column (absent: a sum). */
  aggregation: (Aggregation | undefined)[];
  /** Children of i: `kids[first[i]]` … `kids[first[i + 1] - 1]`, in order. */
  first: Int32Array;
  kids: Int32Array;
  /** Every parent before its children (pre-order). */
  order: Int32Array;
}

/**
 * Objects kept for good, one of each shape a reading's loops see (`keep`). V8
 * compiles a loop against the shapes of the objects it reads, and a shape
 * lives only while some object has it: when a garbage collection finds no
 * object of the last reading left, the next reading throws its compiled loops
 * away and compiles them again, which was two thirds of a 100k KPI_ROLLUP in
 * the bench. An object made by the same code at load keeps each shape alive.
 */
const KEPT: unknown[] = [];
export function keep<T>(exemplar: T): T {
  KEPT.push(exemplar);
  return exemplar;
}

/** A leaf's operator in a frame. */
export const NO_OP = 255;
export const opCode = (op: Op | null): number => (op === null ? NO_OP : OPS.indexOf(op));

/**
 * Numbers units as they are met: `unitCode(units, unit)` is its index in
 * `units.list`, added when new. Plain records and functions rather than a
 * class, here and in the reader: optimised code that checks an object's shape
 * then survives each call's garbage collection (a class's instances get their
 * shape as fields are added, and that shape dies with them).
 */
export interface Units {
  list: string[];
  codes: Map<string, number>;
  last: number;
}

export const newUnits = (): Units => ({ list: [], codes: new Map(), last: 0 });

export function unitCode(units: Units, unit: string): number {
  // Rows mostly repeat the unit of the row above.
  if (unit === units.list[units.last]) return units.last;
  let code = units.codes.get(unit);
  if (code === undefined) {
    code = units.list.push(unit) - 1;
    units.codes.set(unit, code);
  }
  units.last = code;
  return code;
}

/** An empty column, in place of one made later. */
const NONE = new Int32Array(0);

/** A frame for `size` nodes: no values (NaN), no parents, not linked yet (`link`). */
export function newFrame(lang: Lang, size: number, name: (i: number) => string): Frame {
  const ints = () => new Int32Array(size);
  const values = () => new Float64Array(size).fill(Number.NaN);
  const parent = ints().fill(-1);
  return {
    lang,
    size,
    roots: 0,
    name,
    row: ints(),
    parent,
    depth: ints(),
    op: new Uint8Array(size),
    target: values(),
    actual: values(),
    lower: new Uint8Array(size),
    unit: ints(),
    units: [],
    aggregation: [],
    // Made by `link`.
    first: NONE,
    kids: NONE,
    order: NONE,
  };
}
const FRAME = keep(newFrame("en", 0, String));

/**
 * Children (in row order) from the parents, roots, and the pre-order without
 * recursion, so a 1,000,000-level chain cannot overflow the stack. A node on
 * a parent loop or below one is not in the pre-order.
 */
export function link(f: Frame): void {
  const { size, parent } = f;
  // Children as one list in parent order: count each parent's, then fill each block from its end.
  const first = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) if (parent[i] >= 0) first[parent[i] + 1]++;
  for (let i = 0; i < size; i++) first[i + 1] += first[i];
  const kids = new Int32Array(first[size]);
  for (let i = size - 1; i >= 0; i--) if (parent[i] >= 0) kids[--first[parent[i] + 1]] = i;
  // Each block's end now holds its start: shift back.
  first.copyWithin(0, 1);
  first[size] = kids.length;
  // The nodes still to visit are a stack at the end of `order`, growing down: a node is met once, so the visited
  // ones (from the start) and the stack never overlap.
  const order = new Int32Array(size);
  let top = size;
  let count = 0;
  for (let i = size - 1; i >= 0; i--) if (parent[i] < 0) order[--top] = i;
  f.roots = size - top;
  while (top < size) {
    const i = order[top++];
    order[count++] = i;
    for (let c = first[i + 1] - 1; c >= first[i]; c--) order[--top] = kids[c];
  }
  Object.assign(f, { first, kids, order: order.subarray(0, count) });
}

/** The frames of trees read from a table whose nodes nobody has asked for yet. */
const FRAMES = new WeakMap<Tree, Frame>();

/**
 * The columns of `tree`: those of its reading while its nodes were never asked
 * for, else made from its nodes (which callers may have changed since).
 */
export function frameOf(tree: Tree): Frame {
  const known = FRAMES.get(tree);
  if (known) return known;
  const { nodes } = tree;
  const f = newFrame(tree.lang, nodes.length, (i) => nodes[i].name);
  const units = newUnits();
  f.units = units.list;
  nodes.forEach((node, i) => {
    f.row[i] = node.row;
    f.parent[i] = node.parent;
    f.op[i] = opCode(node.op);
    f.target[i] = node.target ?? Number.NaN;
    f.actual[i] = node.actual ?? Number.NaN;
    f.lower[i] = node.direction === "lower" ? 1 : 0;
    f.unit[i] = unitCode(units, node.unit);
  });
  link(f);
  return f;
}

/** How each read tree makes its nodes and pre-order when first asked for: its frame, and the maker of its nodes. */
const MAKERS = new WeakMap<Tree, [Frame, () => KpiNode[]]>();
const makers = (t: unknown) => MAKERS.get(t as Tree) as [Frame, () => KpiNode[]];

/** `value` as the tree's own `key` from now on; its columns are no longer what it computes from. */
function settle(t: Tree, key: "nodes" | "order", value: unknown): unknown {
  FRAMES.delete(t);
  Object.defineProperty(t, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * The made-on-first-use properties: the same getter and setter functions for
 * every tree (what each tree makes is in MAKERS), so every read tree has one
 * hidden class and the code reading trees stays compiled (see `keep`).
 */
const LAZY = Object.getOwnPropertyDescriptors({
  get order() {
    return settle(this as Tree, "order", Array.from(makers(this)[0].order));
  },
  set order(value) {
    settle(this as Tree, "order", value);
  },
  get nodes() {
    return settle(this as Tree, "nodes", makers(this)[1]());
  },
  set nodes(value) {
    settle(this as Tree, "nodes", value);
  },
});

/**
 * A tree read into `frame`, whose nodes and pre-order are made on first use;
 * from then on its nodes (which callers may change) are what it computes from.
 */
export function framed(
  lang: Lang,
  form: HierarchyForm,
  roots: number[],
  rowCount: number,
  headers: Tree["headers"],
  periods: Period[],
  frame: Frame,
  nodes: () => KpiNode[],
): Tree {
  const t = { lang, form, roots, rowCount, headers, periods } as Tree;
  FRAMES.set(t, frame);
  MAKERS.set(t, [frame, nodes]);
  return Object.defineProperties(t, LAZY);
}
keep(framed("en", "parent", [], 0, {}, [], FRAME, () => []));

/** A value of a frame (NaN for blank) as a list holds it (null for blank). */
export function orNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** Values with NaN for blank, as lists with null for blank. */
export function toValues(values: Float64Array): (number | null)[] {
  return Array.from(values, orNull);
}

/** Lists with null for blank as values with NaN for blank. */
export function fromValues(values: ArrayLike<number | null>): Float64Array {
  return Float64Array.from(values, (v) => v ?? Number.NaN);
}

/** Output index of a node: one value per data row, header excluded. */
export function outputIndex(node: KpiNode): number {
  return node.row - 2;
}

/** One column per data row, blank where a row holds no node. */
export function toColumn(tree: Tree, values: ArrayLike<number | string | null>): (number | string | null)[][] {
  return toColumns(tree, [values]);
}

/** A blank row of each width, kept: rows are copies of it (`slice`). */
const BLANK_ROWS: null[][] = [];

/**
 * One row per data row with one cell per list of values (indexed like
 * `tree.nodes`; NaN is blank), blank where a row holds no node. Each row is a
 * copy of a kept blank row of its width, then filled: it starts able to hold
 * anything (`new Array(width)` changed its kind of elements as numbers, then
 * text or null, came in) and, unlike a literal, is never moved to the old
 * generation by V8 from the start (a result's rows outlive collections; made
 * there, 100k rows took 5 to 8 times as long). The list is made at its full
 * length (pushed, it is copied again and again once large).
 */
export function toColumns(
  tree: Tree,
  columns: readonly ArrayLike<number | string | null>[],
): (number | string | null)[][] {
  const rows = FRAMES.get(tree)?.row ?? tree.nodes.map((node) => node.row);
  // The node on each data row (-1: none).
  const at = new Int32Array(tree.rowCount).fill(-1);
  for (let i = 0; i < rows.length; i++) at[rows[i] - 2] = i;
  const width = columns.length;
  BLANK_ROWS[width] ??= Array.from(columns, () => null);
  const blank = BLANK_ROWS[width];
  const out: (number | string | null)[][] = new Array(at.length);
  for (let r = 0; r < at.length; r++) {
    const i = at[r];
    const line: (number | string | null)[] = blank.slice();
    // NaN is blank (orNull leaves text as it is).
    if (i >= 0) for (let c = 0; c < width; c++) line[c] = orNull(columns[c][i] as number);
    out[r] = line;
  }
  return out;
}
