/*
 * Every KPI's trend, from either source a team keeps: the period columns of
 * the table (each period rolled up through the tree, so a parent's trend is
 * what its children give) or the snapshots of the history sheet. And the
 * quarterly KPI check (validation.ts) run on whichever has more periods.
 * Pure.
 */
import { type HistoryPoint, nodeKeys } from "./insights";
import { rollup } from "./rollup";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./status";
import type { Tree } from "./tree";
import { type Validation, validate } from "./validation";

/** Per node (indexed like tree.nodes), one point per period column, labelled as the headers name the period. */
export function periodTrends(tree: Tree): HistoryPoint[][] {
  const out: HistoryPoint[][] = tree.nodes.map(() => []);
  for (const p of tree.periods) {
    const actual = rollup(tree, p.values.actual);
    const target = p.column.target !== undefined ? rollup(tree, p.values.target) : null;
    for (const n of tree.nodes)
      out[n.index].push({ date: p.label, target: target ? target[n.index] : null, actual: actual[n.index] });
  }
  return out;
}

/** Per node, its snapshots from the history sheet's series (historySeries), by its key (ID, else path of names). */
export function snapshotTrends(tree: Tree, series: ReadonlyMap<string, HistoryPoint[]>): HistoryPoint[][] {
  const keys = nodeKeys(tree);
  return tree.nodes.map((n) => series.get(keys[n.index]) ?? []);
}

export type TrendSource = "periods" | "snapshots";

export interface KgiValidation {
  row: number;
  name: string;
  source: TrendSource;
  /** The KPIs under the KGI, in row order; `result`'s indexes point here. */
  kpis: { row: number; name: string }[];
  result: Validation;
}

/**
 * The KPI check for each KGI, on the period columns when the table has at
 * least as many periods as the history has snapshots, else on the snapshots.
 */
export function validateTree(
  tree: Tree,
  periods: HistoryPoint[][],
  snapshots: HistoryPoint[][],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): KgiValidation[] {
  const count = (trends: HistoryPoint[][]) => Math.max(0, ...tree.roots.map((r) => trends[r].length));
  const source: TrendSource = count(periods) >= count(snapshots) ? "periods" : "snapshots";
  const trends = source === "periods" ? periods : snapshots;
  const series = (i: number) => ({
    actual: trends[i].map((p) => p.actual),
    target: trends[i].map((p) => p.target),
    direction: tree.nodes[i].direction,
  });
  // Pre-order: a parent before its children, so each node's KGI is known when it is met (linear).
  const root = new Int32Array(tree.nodes.length);
  for (const i of tree.order) root[i] = tree.nodes[i].parent < 0 ? i : root[tree.nodes[i].parent];
  return tree.roots.map((r) => {
    const kgi = tree.nodes[r];
    const under = tree.order.filter((i) => i !== r && root[i] === r);
    return {
      row: kgi.row,
      name: kgi.name,
      source,
      kpis: under.map((i) => ({ row: tree.nodes[i].row, name: tree.nodes[i].name })),
      result: validate(series(r), under.map(series), thresholds),
    };
  });
}
