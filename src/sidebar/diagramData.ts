// What the diagram draws, in pre-order: the wizard's draft with the figures
// the editor shows, or a table read as Check tree reads it with KPI_TREE's
// figures (rolled-up actual, target, required value, achievement, status),
// for the table's Target and Actual columns or for one of its periods.
import type { DraftNode, Evaluation } from "../core/draft";
import { diagnose } from "../core/layout";
import type { Thresholds } from "../core/status";
import type { Lang } from "../core/text";
import type { Period, Tree } from "../core/tree";
import { treeView } from "../core/treeView";
import { unitsFromFormats } from "../core/units";
import type { DiagramNode, DiagramTable } from "../shared/api";

/** Each draft node's parent (the nearest earlier node one level up), with a stack: linear. */
function draftParents(nodes: readonly DraftNode[]): number[] {
  const stack: number[] = [];
  return nodes.map((n, i) => {
    while (stack.length && nodes[stack[stack.length - 1]].depth >= n.depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    return parent;
  });
}

export function draftDiagram(nodes: readonly DraftNode[], e: Evaluation): DiagramNode[] {
  const parents = draftParents(nodes);
  return nodes.map((n, i) => ({
    name: n.name,
    parent: parents[i],
    op: n.op || null,
    unit: n.unit,
    actual: e.rollupActual[i] ?? null,
    target: n.target ?? e.rollupTarget[i] ?? null,
    required: e.required[i] ?? null,
    rate: e.rate[i] ?? null,
    status: e.status[i] ?? "noData",
    ksf: n.ksf,
    owner: n.owner,
    direction: n.direction,
  }));
}

/**
 * A table's tree as Check tree reads it (a parent without an operator is
 * drawn with "?"); any other problem the reader finds is thrown, naming its
 * row, column and fix (in `lang` when the range is blank: no header to take it from).
 */
export function readDiagramTree(cells: DiagramTable, lang?: Lang): Tree {
  const { tree, problems } = diagnose(cells.values, lang);
  const blocking = problems.find((p) => p.severity === "error" && p.code !== "missingOp");
  if (!tree || blocking) throw new Error((blocking ?? problems[0])?.message ?? "");
  unitsFromFormats(tree, cells.values[0], cells.formats);
  return tree;
}

/** The tree with a period's values in place of the Target and Actual columns (blank where it has no such column). */
function inPeriod(tree: Tree, period: Period): Tree {
  const pick = (m: "target" | "actual", i: number) => (period.column[m] === undefined ? null : period.values[m][i]);
  return { ...tree, nodes: tree.nodes.map((n, i) => ({ ...n, target: pick("target", i), actual: pick("actual", i) })) };
}

/** The tree in pre-order with KPI_TREE's figures (rollup, target, required, rate, status), for a period or the table's own columns. */
export function tableDiagram(tree: Tree, thresholds: Thresholds, period: number | null = null): DiagramNode[] {
  const source = period === null ? tree : inPeriod(tree, tree.periods[period]);
  const view = treeView(source, thresholds);
  const at = new Array<number>(tree.nodes.length);
  tree.order.forEach((i, k) => {
    at[i] = k;
  });
  return tree.order.map((i) => {
    const n = tree.nodes[i];
    return {
      name: n.name,
      parent: n.parent < 0 ? -1 : at[n.parent],
      op: n.children.length ? n.op : null,
      unit: n.unit,
      actual: view.actual[i],
      target: view.target[i],
      required: view.required[i],
      rate: view.rate[i],
      status: view.status[i],
      ksf: n.ksf,
      owner: n.owner,
      direction: n.direction,
    };
  });
}
