/*
 * What a KPI manager asks of an existing tree: where do we stand, which
 * targets do not add up, which KPI would move the KGI most, and how have the
 * numbers moved over time. Pure: the add-on reads the table and the history
 * sheet, the sidebar shows the result.
 */
import { bottlenecks } from "./analysis";
import { checkTargets, mismatchMessage } from "./check";
import { designChecks, designMessage } from "./design";
import { required } from "./required";
import { rollup } from "./rollup";
import { achievement, type Status, statusOf, type Thresholds } from "./status";
import { type Cell, cellText, type Lang } from "./text";
import type { Tree } from "./tree";
import { checkUnits, unitIssueMessage } from "./units";
import { type Direction, parseNumber } from "./value";

export interface NodeSummary {
  row: number;
  name: string;
  unit: string;
  depth: number;
  target: number | null;
  /** Rolled-up actual. */
  actual: number | null;
  required: number | null;
  /** Which way the KPI is better: a requirement shown rounds up (higher) or down (lower). */
  direction: Direction;
  rate: number | null;
  status: Status;
}

export interface HealthReport {
  nodes: number;
  depth: number;
  roots: NodeSummary[];
  statusCounts: Record<Status, number>;
  /** Parents whose target is not what their children's targets give (e.g. ¥4,800万 vs ¥5,000万), with the sentence to show. */
  mismatches: { row: number; name: string; stated: number; computed: number; gap: number; message: string }[];
  /** Unit problems (件 + 円), as sentences in the tree's language. */
  units: string[];
  /** Design checks (SMART leaves, owner load, same-name siblings, more than one KGI), as sentences. */
  design: string[];
  /**
   * Leaves that move their KGI most if they alone reach target, largest first
   * (top 5): the KSF candidates. `kgiRow` names the KGI that `rootIfHit` is for.
   */
  bottlenecks: {
    row: number;
    name: string;
    rate: number | null;
    rootIfHit: number;
    gain: number;
    kgiRow: number;
    /** Already marked as a focus item (KSF) in the table. */
    ksf: boolean;
  }[];
  /** The leaf KPIs that are off track, worst first: the ones a team acts on. */
  offTrack: NodeSummary[];
  /** The KGIs and parents that are off track (as a result of their children), worst first. */
  offTrackAbove: NodeSummary[];
}

export function summaries(tree: Tree, thresholds: Thresholds): NodeSummary[] {
  const actual = rollup(tree, "actual");
  const need = required(tree);
  return tree.nodes.map((n) => {
    const target = n.target ?? need[n.index];
    const rate = achievement(actual[n.index], target, n.direction);
    return {
      row: n.row,
      name: n.name,
      unit: n.unit,
      depth: n.depth,
      target,
      actual: actual[n.index],
      required: need[n.index],
      direction: n.direction,
      rate,
      status: statusOf(rate, thresholds),
    };
  });
}

/** The index of each node's KGI. */
function rootsOf(tree: Tree): number[] {
  const root: number[] = new Array(tree.nodes.length);
  for (const i of tree.order) root[i] = tree.nodes[i].parent < 0 ? i : root[tree.nodes[i].parent];
  return root;
}

/** Off-track KPIs, worst first, split into leaves (actionable) and the KGIs and parents above them. */
function offTrackSplit(tree: Tree, all: NodeSummary[]): Pick<HealthReport, "offTrack" | "offTrackAbove"> {
  const off = all
    .map((s, i) => ({ s, leaf: tree.nodes[i].children.length === 0 }))
    .filter((x) => x.s.status === "offTrack")
    .sort((a, b) => (a.s.rate ?? 0) - (b.s.rate ?? 0));
  return {
    offTrack: off.filter((x) => x.leaf).map((x) => x.s),
    offTrackAbove: off.filter((x) => !x.leaf).map((x) => x.s),
  };
}

/** The sidebar reads a table as one tree, so every KGI after the first counts; an overloaded owner is said once. */
function designSentences(tree: Tree, lang: Lang): string[] {
  const owners = new Set<string>();
  return designChecks(tree, true)
    .filter((issue) => {
      if (issue.kind !== "ownerLoad") return true;
      if (owners.has(issue.owner)) return false;
      owners.add(issue.owner);
      return true;
    })
    .map((issue) => designMessage(tree, issue, lang));
}

/** `lang` is the language of the sentences (the user's), independent of the table's headers. */
export function healthReport(tree: Tree, thresholds: Thresholds, lang: Lang = tree.lang): HealthReport {
  const all = summaries(tree, thresholds);
  const statusCounts: Record<Status, number> = { achieved: 0, atRisk: 0, offTrack: 0, noData: 0 };
  for (const s of all) statusCounts[s.status]++;
  const named = (i: number) => ({ row: tree.nodes[i].row, name: tree.nodes[i].name });
  const need = all.map((s) => s.required);
  const root = rootsOf(tree);
  return {
    nodes: tree.nodes.length,
    depth: all.reduce((m, s) => Math.max(m, s.depth + 1), 0),
    roots: tree.roots.map((r) => all[r]),
    statusCounts,
    mismatches: checkTargets(tree)
      .filter((c) => !c.ok)
      .map((c) => ({
        ...named(c.node),
        stated: c.stated,
        computed: c.computed,
        gap: c.gap,
        message: mismatchMessage(tree, c, lang, { row: true, need }),
      })),
    units: checkUnits(tree).map((issue) => unitIssueMessage(issue, tree, lang)),
    design: designSentences(tree, lang),
    bottlenecks: bottlenecks(tree)
      .filter((b) => b.gain > 0)
      .slice(0, 5)
      .map((b) => ({
        ...named(b.node),
        rate: b.rate,
        rootIfHit: b.rootIfHit,
        gain: b.gain,
        kgiRow: tree.nodes[root[b.node]].row,
        ksf: tree.nodes[b.node].ksf,
      })),
    ...offTrackSplit(tree, all),
  };
}

/* History: one row per KPI per snapshot in a sheet of its own. */

export const HISTORY_HEADER = ["date", "table", "key", "name", "target", "actual"] as const;

/** A KPI's identity across snapshots: its ID, else the path of names from its KGI. */
export function nodeKeys(tree: Tree): string[] {
  const keys: string[] = new Array(tree.nodes.length);
  for (const i of tree.order) {
    const n = tree.nodes[i];
    keys[i] = n.id ? `#${n.id}` : n.parent < 0 ? n.name : `${keys[n.parent]} › ${n.name}`;
  }
  return keys;
}

/** Rows to append for a snapshot taken on `date` (yyyy-mm-dd) of the table `table` (Sheet!A1:K20). */
export function snapshotRows(tree: Tree, date: string, table: string): Cell[][] {
  const keys = nodeKeys(tree);
  const actual = rollup(tree, "actual");
  const target = rollup(tree, "target");
  // A stated target wins over what the children give: the history shows the goal the team set.
  return tree.order.map((i) => [
    date,
    table,
    keys[i],
    tree.nodes[i].name,
    tree.nodes[i].target ?? target[i],
    actual[i],
  ]);
}

/**
 * The date (yyyy-mm-dd) of a history row of the table `table`; null for other
 * tables, headers and damaged rows. A date typed back in as a Date cell arrives
 * as its day's text (`datesAsText`, in the spreadsheet's time zone).
 */
function historyDate(row: Cell[], table: string): string | null {
  const date = cellText(row[0]);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && cellText(row[1]) === table ? date : null;
}

/**
 * How the history sheet names a table: its sheet and top-left cell, which stay
 * put when the team adds a KPI row (the range as a whole would not).
 */
export function label(sheetName: string, table: string): string {
  return `${sheetName}!${table.split(":")[0].replace(/\$/g, "").toUpperCase()}`;
}

/** The history rows of the table `table`: its snapshots, without the other tables' rows and the header. */
export function historyRows(rows: Cell[][], table: string): Cell[][] {
  return rows.filter((row) => historyDate(row, table) !== null);
}

/** The days the table `table` has snapshots for, oldest first. */
export function historyDays(rows: Cell[][], table: string): string[] {
  const days = new Set<string>();
  for (const row of rows) {
    const date = historyDate(row, table);
    if (date !== null) days.add(date);
  }
  return [...days].sort();
}

export interface HistoryPoint {
  date: string;
  target: number | null;
  actual: number | null;
}

/**
 * Each KPI's series for one table, oldest first; a later snapshot on the same
 * date replaces an earlier one. Rows of other tables, headers and damaged rows
 * are skipped, so a hand-edited history sheet cannot break the sidebar.
 */
export function historySeries(rows: Cell[][], table: string): Map<string, HistoryPoint[]> {
  const byKey = new Map<string, Map<string, HistoryPoint>>();
  for (const row of rows) {
    const date = historyDate(row, table);
    if (date === null) continue;
    const key = cellText(row[2]);
    const points = byKey.get(key) ?? new Map<string, HistoryPoint>();
    points.set(date, {
      date,
      target: parseNumber(row[4])?.value ?? null,
      actual: parseNumber(row[5])?.value ?? null,
    });
    byKey.set(key, points);
  }
  const out = new Map<string, HistoryPoint[]>();
  for (const [key, points] of byKey)
    out.set(
      key,
      [...points.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    );
  return out;
}
