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
import type { Direction } from "./value";

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

/** One KPI's trends as the sidebar gets them: `points` from snapshots, `periods` from the period columns. */
export interface KpiTrend {
  row: number;
  name: string;
  unit: string;
  /** The row of its KGI (its own row for a KGI). */
  kgiRow: number;
  direction: Direction;
  points: HistoryPoint[];
  periods: HistoryPoint[];
}

export interface KgiValidation {
  row: number;
  name: string;
  source: TrendSource;
  /** The KPIs under the KGI, in tree order; `result`'s indexes point here. */
  kpis: { row: number; name: string }[];
  result: Validation;
}

/**
 * The KPI check for each KGI (its KPIs are the trends naming it as their
 * KGI), on the period columns when they hold at least as many periods as the
 * history has snapshots, else on the snapshots.
 */
export function validateTrends(
  trends: readonly KpiTrend[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): KgiValidation[] {
  const kgis = trends.filter((t) => t.kgiRow === t.row);
  const count = (pick: (t: KpiTrend) => HistoryPoint[]) => Math.max(0, ...kgis.map((t) => pick(t).length));
  const source: TrendSource = count((t) => t.periods) >= count((t) => t.points) ? "periods" : "snapshots";
  const series = (t: KpiTrend) => {
    const points = source === "periods" ? t.periods : t.points;
    return { actual: points.map((p) => p.actual), target: points.map((p) => p.target), direction: t.direction };
  };
  return kgis.map((kgi) => {
    const under = trends.filter((t) => t.kgiRow === kgi.row && t !== kgi);
    return {
      row: kgi.row,
      name: kgi.name,
      source,
      kpis: under.map((t) => ({ row: t.row, name: t.name })),
      result: validate(series(kgi), under.map(series), thresholds),
    };
  });
}

/** Each node's KGI (its root's index), in one pass over the pre-order. */
export function kgiOf(tree: Tree): Int32Array {
  const root = new Int32Array(tree.nodes.length);
  for (const i of tree.order) root[i] = tree.nodes[i].parent < 0 ? i : root[tree.nodes[i].parent];
  return root;
}
