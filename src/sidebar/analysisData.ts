/*
 * The analysis of a table already in the sheet, computed in the sidebar from
 * what the server read (analysisData: the table's cells and formats, its
 * history rows, today), so that none of it weighs on Code.js, which Sheets
 * loads for every custom-function call: health check, KSF candidates,
 * waterfalls, trends, review cells, and the what-if on the same tree.
 */
import { whatIf } from "../core/analysis";
import { gapWaterfalls, type SeekPlan, sensitivityRanking } from "../core/drivers";
import { healthReport, historySeries, label, summaries } from "../core/insights";
import { readTree } from "../core/layout";
import type { ReviewCells } from "../core/review";
import { rollup } from "../core/rollup";
import { achievement, type Thresholds } from "../core/status";
import { type Cell, cellText, type Lang } from "../core/text";
import type { Tree } from "../core/tree";
import { kgiOf, periodTrends, snapshotTrends } from "../core/trends";
import { unitsFromFormats } from "../core/units";
import { headerField } from "../core/words";
import type { Analysis, AnalysisData, SeekWritten, WhatIfResult } from "../shared/api";

/** An analysis, with the tree its what-if and goal seek run on and the cells it was read from. */
export interface Analysed {
  analysis: Analysis;
  tree: Tree;
  read: AnalysisData["values"];
}

/**
 * The goal seek's "write as targets": the sought values of every plan, and what the sidebar shows after
 * the server wrote them (how many cells and writes, and whether each KGI's target now combines).
 */
export function seekWrites(plans: readonly SeekPlan[]): { row: number; value: number }[] {
  return plans.flatMap((p) => p.writes).sort((a, b) => a.row - b.row);
}

export function seekWritten(plans: readonly SeekPlan[], done: { cells: number; writes: number }): SeekWritten {
  return {
    ...done,
    roots: plans.map((p) => ({ row: p.row, name: p.name, unit: p.unit, goal: p.goal, combined: p.combined })),
  };
}

/** The table's tree (units from the number formats, as the server's readers take them) and its analysis in `lang`. */
export function analysisOf(data: AnalysisData, lang: Lang, thresholds: Thresholds): Analysed {
  const { values } = data;
  const tree = readTree(values);
  unitsFromFormats(tree, values[0], data.formats);
  const snapshots = snapshotTrends(tree, historySeries(data.history, label(data.sheetName, data.table)));
  const periods = periodTrends(tree);
  const kgi = kgiOf(tree);
  const analysis: Analysis = {
    sheetName: data.sheetName,
    table: data.table,
    lang,
    report: healthReport(tree, thresholds, lang),
    leaves: summaries(tree, thresholds).filter((_, i) => tree.nodes[i].children.length === 0),
    waterfalls: gapWaterfalls(tree),
    sensitivity: sensitivityRanking(tree),
    ksfRows: tree.nodes.filter((n) => n.ksf && n.parent >= 0).map((n) => n.row),
    history: tree.order.map((i) => {
      const n = tree.nodes[i];
      return {
        row: n.row,
        name: n.name,
        unit: n.unit,
        kgiRow: tree.nodes[kgi[i]].row,
        direction: n.direction,
        points: snapshots[i],
        periods: periods[i],
      };
    }),
    review: { ...reviewCells(values, tree), today: data.today },
  };
  return { analysis, tree, read: values };
}

/** The Review and Updated cells of each KPI as text (dates already the spreadsheet's days), for the review list. */
function reviewCells(values: Cell[][], tree: Tree): ReviewCells {
  const header = values[0] ?? [];
  const find = (f: "review" | "updated") => header.findIndex((h) => headerField(cellText(h)) === f);
  const [review, updated] = [find("review"), find("updated")];
  if (review < 0) return { columns: null, rows: [] };
  const text = (r: Cell[], c: number) => (c < 0 ? "" : cellText(r[c]));
  return {
    columns: { review: text(header, review), updated: text(header, updated) },
    rows: tree.nodes.map((n) => ({
      row: n.row,
      name: n.name,
      cadence: text(values[n.row - 1], review),
      updated: text(values[n.row - 1], updated),
    })),
  };
}

/**
 * What-if: the KGIs' rolled-up actuals if some KPIs (by range row) had other
 * actuals; `refused(row)` is the error for a row that is not a KPI or an
 * actual that is not a finite number (refused rather than guessed).
 */
export function whatIfOf(
  tree: Tree,
  changes: { row: number; actual: number }[],
  refused: (row: number) => string,
): WhatIfResult {
  const byRow = new Map(tree.nodes.map((n) => [n.row, n.index]));
  const overrides = new Map<number, number>();
  for (const change of changes) {
    const i = byRow.get(change.row);
    if (i === undefined || !Number.isFinite(change.actual)) throw new Error(refused(change.row));
    overrides.set(i, change.actual);
  }
  const before = rollup(tree, "actual");
  const after = whatIf(tree, overrides);
  const targets = rollup(tree, "target");
  return {
    roots: tree.roots.map((r) => {
      const n = tree.nodes[r];
      const target = n.target ?? targets[r];
      return {
        row: n.row,
        name: n.name,
        unit: n.unit,
        target,
        before: before[r],
        after: after[r],
        rateBefore: achievement(before[r], target, n.direction),
        rateAfter: achievement(after[r], target, n.direction),
      };
    }),
  };
}
