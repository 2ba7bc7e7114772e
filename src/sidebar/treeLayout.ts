// Where each box, branch and operator of a tree diagram goes: pure geometry
// (no DOM), so the dialog, the sidebar and the exports draw the same picture
// and tests can check it without a browser. The tidy layout itself (parents
// centred on their children, siblings evenly spaced, no overlaps) is
// d3-hierarchy's Reingold–Tilford tree, linear in the number of boxes.
import { type HierarchyPointNode, hierarchy, tree } from "d3-hierarchy";
import type { Op } from "../core/operators";

/** Left to right (the KGI on the left, the default) or top-down. */
export type Orientation = "lr" | "tb";

export interface LayoutOptions {
  orientation: Orientation;
  box: { width: number; height: number };
  /** Space between neighbouring boxes of one level, and between levels. */
  gap: { sibling: number; level: number };
  margin: number;
  /** Boxes whose branches are folded away. */
  collapsed: ReadonlySet<number>;
}

/** What the layout needs of a KPI: its parent (-1 for a KGI; parents listed before children) and operator. */
export interface Shape {
  parent: number;
  op: Op | null;
}

export interface LaidBox {
  index: number;
  /** Top-left corner. */
  x: number;
  y: number;
  /** Direct children in the tree, shown or not. */
  children: number;
  collapsed: boolean;
  /** KPIs folded away under this box. */
  hidden: number;
}

export interface LaidEdge {
  parent: number;
  child: number;
  /** SVG path: an elbow from the parent's edge through the operator's point to the child. */
  d: string;
}

/** The operator of a parent, at the point where its branches meet. */
export interface LaidOp {
  parent: number;
  op: Op | null;
  x: number;
  y: number;
}

export interface TreeLayout {
  orientation: Orientation;
  boxes: LaidBox[];
  edges: LaidEdge[];
  ops: LaidOp[];
  width: number;
  height: number;
}

/** Children of each KPI and the KGIs, in list order. */
export function childLists(nodes: readonly Shape[]): { kids: number[][]; roots: number[] } {
  const kids: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    if (n.parent >= 0 && n.parent < i) kids[n.parent].push(i);
    else roots.push(i);
  });
  return { kids, roots };
}

/** Level of each KPI, the KGI being 0 (parents come first, so one pass). */
export function depths(nodes: readonly Shape[]): number[] {
  const out = new Array<number>(nodes.length).fill(0);
  nodes.forEach((n, i) => {
    if (n.parent >= 0 && n.parent < i) out[i] = out[n.parent] + 1;
  });
  return out;
}

/** How many KPIs sit under each one (its whole branch), in one backward pass. */
export function branchSizes(nodes: readonly Shape[]): number[] {
  const size = new Array<number>(nodes.length).fill(0);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const p = nodes[i].parent;
    if (p >= 0 && p < i) size[p] += size[i] + 1;
  }
  return size;
}

/** Boxes shown when the branches of `collapsed` are folded: a KPI is shown when no ancestor is folded. */
export function visibleCount(nodes: readonly Shape[], collapsed: ReadonlySet<number>): number {
  const shown = new Uint8Array(nodes.length);
  let count = 0;
  nodes.forEach((n, i) => {
    const p = n.parent >= 0 && n.parent < i ? n.parent : -1;
    if (p < 0 || (shown[p] && !collapsed.has(p))) {
      shown[i] = 1;
      count++;
    }
  });
  return count;
}

/**
 * The branches folded when a diagram opens: none up to `max` KPIs; beyond,
 * every branch below level 3 (the KGI is level 1), or below level 2 or 1 when
 * that still shows more than `max` boxes, so a 3,000-KPI table opens at once.
 */
export function initialCollapsed(nodes: readonly Shape[], max: number): Set<number> {
  if (nodes.length <= max) return new Set();
  const level = depths(nodes);
  const { kids } = childLists(nodes);
  let folded = new Set<number>();
  for (const keep of [2, 1, 0]) {
    folded = new Set(nodes.map((_, i) => i).filter((i) => level[i] === keep && kids[i].length > 0));
    if (visibleCount(nodes, folded) <= max) break;
  }
  return folded;
}

type Point = HierarchyPointNode<number>;

/** d3's tidy tree over the shown KPIs; a virtual root (-1) holds several KGIs. */
function tidy(nodes: readonly Shape[], options: LayoutOptions): Point[] {
  const { kids, roots } = childLists(nodes);
  const { box, gap, orientation } = options;
  const across = orientation === "lr" ? box.height : box.width;
  const along = orientation === "lr" ? box.width : box.height;
  const top = roots.length === 1 ? roots[0] : -1;
  const root = hierarchy<number>(top, (i) =>
    i < 0 ? roots : options.collapsed.has(i) || kids[i].length === 0 ? null : kids[i],
  );
  const laid = tree<number>()
    .nodeSize([across + gap.sibling, along + gap.level])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(root);
  return laid.descendants().filter((d) => d.data >= 0);
}

/** Boxes, branches and operators of the shown part of the tree, in list order, with the drawing's size. */
export function layoutTree(nodes: readonly Shape[], options: LayoutOptions): TreeLayout {
  if (nodes.length === 0)
    return { orientation: options.orientation, boxes: [], edges: [], ops: [], width: 0, height: 0 };
  const { box, orientation, margin } = options;
  const lr = orientation === "lr";
  const points = tidy(nodes, options);
  const { kids } = childLists(nodes);
  const sizes = branchSizes(nodes);
  // d3 puts a node's breadth in x and its depth in y; the top-left corners follow from the orientation.
  const corner = (p: Point) => (lr ? { x: p.y, y: p.x - box.height / 2 } : { x: p.x - box.width / 2, y: p.y });
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const p of points) {
    const c = corner(p);
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y);
  }
  const at = new Map<number, LaidBox>();
  for (const p of points) {
    const c = corner(p);
    const i = p.data;
    const collapsed = options.collapsed.has(i) && kids[i].length > 0;
    at.set(i, {
      index: i,
      x: c.x - minX + margin,
      y: c.y - minY + margin,
      children: kids[i].length,
      collapsed,
      hidden: collapsed ? sizes[i] : 0,
    });
  }
  const boxes = [...at.values()].sort((a, b) => a.index - b.index);
  const { edges, ops } = branches(nodes, boxes, at, options);
  let width = 0;
  let height = 0;
  for (const b of boxes) {
    width = Math.max(width, b.x + box.width + margin);
    height = Math.max(height, b.y + box.height + margin);
  }
  return { orientation, boxes, edges, ops, width, height };
}

/** The elbows from each shown parent to its shown children, meeting at the parent's operator. */
function branches(
  nodes: readonly Shape[],
  boxes: LaidBox[],
  at: Map<number, LaidBox>,
  options: LayoutOptions,
): { edges: LaidEdge[]; ops: LaidOp[] } {
  const { box, gap } = options;
  const lr = options.orientation === "lr";
  const edges: LaidEdge[] = [];
  const ops: LaidOp[] = [];
  for (const b of boxes) {
    const parent = nodes[b.index].parent;
    const p = parent >= 0 ? at.get(parent) : undefined;
    if (!p) continue;
    if (lr) {
      const [x0, y0, mid] = [p.x + box.width, p.y + box.height / 2, p.x + box.width + gap.level / 2];
      edges.push({ parent, child: b.index, d: `M${x0} ${y0}H${mid}V${b.y + box.height / 2}H${b.x}` });
    } else {
      const [x0, y0, mid] = [p.x + box.width / 2, p.y + box.height, p.y + box.height + gap.level / 2];
      edges.push({ parent, child: b.index, d: `M${x0} ${y0}V${mid}H${b.x + box.width / 2}V${b.y}` });
    }
  }
  for (const b of boxes) {
    if (b.collapsed || b.children === 0) continue;
    const x = lr ? b.x + box.width + gap.level / 2 : b.x + box.width / 2;
    const y = lr ? b.y + box.height / 2 : b.y + box.height + gap.level / 2;
    ops.push({ parent: b.index, op: nodes[b.index].op, x, y });
  }
  return { edges, ops };
}
