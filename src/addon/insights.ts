/*
 * The analysis a KPI manager asks of a table already in the sheet: health
 * check, bottlenecks, what-if, and history snapshots kept in a sheet of their
 * own. One getValues per table read, one setValues per snapshot.
 */
import { whatIf } from "../core/analysis";
import {
  type HealthReport,
  type HistoryPoint,
  healthReport,
  historySeries,
  nodeKeys,
  snapshotRows,
} from "../core/insights";
import { readTree } from "../core/layout";
import { rollup } from "../core/rollup";
import type { Cell, Lang } from "../core/text";
import type { Tree } from "../core/tree";
import { loadSettings } from "./settings";
import { asText } from "./sheetWriter";

export const HISTORY_SHEET = "KPI History";

export interface Analysis {
  sheetName: string;
  table: string;
  lang: Lang;
  report: HealthReport;
  /** Each KGI's series from the history sheet, oldest first. */
  history: { name: string; points: HistoryPoint[] }[];
}

function readTable(sheetName: string, table: string): Tree {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`Sheet "${sheetName}" no longer exists. / シート「${sheetName}」が見つかりません。`);
  return readTree(sheet.getRange(table).getValues());
}

function label(sheetName: string, table: string): string {
  return `${sheetName}!${table}`;
}

export function analyzeTable(sheetName: string, table: string): Analysis {
  const tree = readTable(sheetName, table);
  const report = healthReport(tree, loadSettings().thresholds);
  const history = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_SHEET);
  const series = history ? historySeries(history.getDataRange().getValues(), label(sheetName, table)) : new Map();
  const keys = nodeKeys(tree);
  return {
    sheetName,
    table,
    lang: tree.lang,
    report,
    history: tree.roots.map((r) => ({ name: tree.nodes[r].name, points: series.get(keys[r]) ?? [] })),
  };
}

/**
 * Appends today's targets and rolled-up actuals of every KPI to the history
 * sheet (created, hidden, on first use). Dates and names are written as text
 * so Sheets neither re-reads them as dates in another time zone nor as formulas.
 */
export function recordSnapshot(sheetName: string, table: string): { date: string; rows: number } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tree = readTable(sheetName, table);
  const date = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");
  const rows = snapshotRows(tree, date, label(sheetName, table)).map((row) => row.map((cell: Cell) => asText(cell)));
  let history = ss.getSheetByName(HISTORY_SHEET);
  if (!history) {
    history = ss.insertSheet(HISTORY_SHEET, ss.getNumSheets());
    history.getRange(1, 1, 1, 6).setValues([["date", "table", "key", "name", "target", "actual"]]);
    history.hideSheet();
  }
  history.getRange(history.getLastRow() + 1, 1, rows.length, 6).setValues(rows);
  ss.toast(
    tree.lang === "ja"
      ? `${date} の値を記録しました（${rows.length} 指標）。`
      : `Recorded ${rows.length} KPIs for ${date}.`,
  );
  return { date, rows: rows.length };
}

export interface WhatIfResult {
  /** Per KGI: rolled-up actual now and with the changes. */
  roots: { name: string; before: number | null; after: number | null; target: number | null }[];
}

/** What-if: the KGIs' rolled-up actuals if some KPIs (by range row) had other actuals. Nothing is written. */
export function whatIfTable(
  sheetName: string,
  table: string,
  changes: { row: number; actual: number }[],
): WhatIfResult {
  const tree = readTable(sheetName, table);
  const byRow = new Map(tree.nodes.map((n) => [n.row, n.index]));
  const overrides = new Map<number, number>();
  for (const c of changes) {
    const i = byRow.get(c.row);
    if (i !== undefined && Number.isFinite(c.actual)) overrides.set(i, c.actual);
  }
  const before = rollup(tree, "actual");
  const after = whatIf(tree, overrides);
  const targets = rollup(tree, "target");
  return {
    roots: tree.roots.map((r) => ({
      name: tree.nodes[r].name,
      before: before[r],
      after: after[r],
      target: tree.nodes[r].target ?? targets[r],
    })),
  };
}
