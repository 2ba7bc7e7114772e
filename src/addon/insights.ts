/*
 * The analysis a KPI manager asks of a table already in the sheet: health
 * check, bottlenecks, what-if, and history snapshots kept in a sheet of their
 * own. Each operation costs the same number of Spreadsheet calls whatever the
 * table's size: one getValues for the table, one for the history sheet, one
 * setValues per snapshot.
 */
import { whatIf } from "../core/analysis";
import { gapWaterfalls, sensitivityRanking } from "../core/drivers";
import {
  HISTORY_HEADER,
  type HistoryPoint,
  healthReport,
  historyDays,
  historySeries,
  snapshotRows,
  summaries,
} from "../core/insights";
import { readTree } from "../core/layout";
import type { ReviewCells } from "../core/review";
import { rollup } from "../core/rollup";
import type { Settings } from "../core/settings";
import { achievement } from "../core/status";
import { asText, type Cell, cellText, datesAsText, type Lang } from "../core/text";
import type { Tree } from "../core/tree";
import { kgiOf, periodTrends, snapshotTrends } from "../core/trends";
import { unitsFromFormats } from "../core/units";
import { headerField } from "../core/words";
import { sheetDateText } from "../functions/locale";
import type { Analysis, Recorded, WhatIfResult } from "../shared/api";
import { todayText } from "./asOf";
import { type ServerText, serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";

export const HISTORY_SHEET = "KPI History";

export interface Context {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  lang: Lang;
  t: ServerText;
}

export function context(): Context {
  const settings = loadSettings();
  const lang = uiLang(settings);
  return { ss: SpreadsheetApp.getActiveSpreadsheet(), settings, lang, t: serverText(lang) };
}

/**
 * One getValues (the core's reader names the row and column of anything it
 * cannot read) and one getNumberFormats, for the units Sheets keeps there.
 */
export function readTable(c: Context, sheetName: string, table: string): Tree {
  return readTableGrid(c, sheetName, table).tree;
}

/** The sheet named `sheetName`, or an error saying it is gone. */
export function sheetOf(c: Context, sheetName: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = c.ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(c.t.noSheet(sheetName));
  return sheet;
}

/** A table's cells (dates as the spreadsheet's days) and number formats: one getValues, one getNumberFormats. */
export function tableCells(c: Context, sheetName: string, table: string): { values: Cell[][]; formats: string[][] } {
  const range = sheetOf(c, sheetName).getRange(table);
  return { values: datesAsText(range.getValues(), sheetDateText()), formats: range.getNumberFormats() };
}

/** readTable, with the cells as read (dates as the spreadsheet's days), for columns the tree does not keep. */
export function readTableGrid(c: Context, sheetName: string, table: string): { tree: Tree; values: Cell[][] } {
  const { values, formats } = tableCells(c, sheetName, table);
  const tree = readTree(values);
  unitsFromFormats(tree, values[0], formats);
  return { tree, values };
}

/**
 * How the history sheet names a table: its sheet and top-left cell, which stay
 * put when the team adds a KPI row (the range as a whole would not).
 */
export function label(sheetName: string, table: string): string {
  return `${sheetName}!${table.split(":")[0].replace(/\$/g, "").toUpperCase()}`;
}

export function analyzeTable(sheetName: string, table: string): Analysis {
  const c = context();
  const { tree, values } = readTableGrid(c, sheetName, table);
  const report = healthReport(tree, c.settings.thresholds, c.lang);
  const history = c.ss.getSheetByName(HISTORY_SHEET);
  const series = history
    ? historySeries(datesAsText(history.getDataRange().getValues(), sheetDateText()), label(sheetName, table))
    : new Map<string, HistoryPoint[]>();
  const snapshots = snapshotTrends(tree, series);
  const periods = periodTrends(tree);
  const today = todayText(c.ss);
  const kgi = kgiOf(tree);
  return {
    sheetName,
    table,
    lang: c.lang,
    report,
    leaves: summaries(tree, c.settings.thresholds).filter((_, i) => tree.nodes[i].children.length === 0),
    waterfalls: gapWaterfalls(tree),
    sensitivity: sensitivityRanking(tree),
    ksfRows: tree.nodes.filter((n) => n.ksf && n.parent >= 0).map((n) => n.row),
    history: tree.order.map((i) => {
      const n = tree.nodes[i];
      const kgiRow = tree.nodes[kgi[i]].row;
      return {
        row: n.row,
        name: n.name,
        unit: n.unit,
        kgiRow,
        direction: n.direction,
        points: snapshots[i],
        periods: periods[i],
      };
    }),
    review: { ...reviewCells(values, tree), today },
  };
}

/** The Review and Updated cells of each KPI as text (dates already the spreadsheet's days), for the sidebar's review list. */
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
 * Appends today's targets and rolled-up actuals of every KPI to the history
 * sheet (created, hidden, on first use). Dates and names are written as text
 * so Sheets neither re-reads them as dates in another time zone nor as formulas.
 * "Today" is the spreadsheet's date, in its time zone. Says whether today was
 * recorded before (the series keeps a day's last values) and how many days are.
 */
export function recordSnapshot(sheetName: string, table: string): Recorded {
  const c = context();
  const { ss } = c;
  const tree = readTable(c, sheetName, table);
  const date = todayText(ss);
  const name = label(sheetName, table);
  const rows: Cell[][] = snapshotRows(tree, date, name).map((row) =>
    row.map((cell) => (cell === null ? "" : asText(cell))),
  );
  const count = rows.length;
  // Two editors recording at once would both append after the same last row:
  // the document lock makes the read-then-write of the history sheet atomic.
  const lock = LockService.getDocumentLock();
  lock.waitLock(20_000);
  let before: string[];
  try {
    before = appendHistory(ss, rows, name);
  } finally {
    lock.releaseLock();
  }
  ss.toast(c.t.recorded(date, count), c.t.title, 5);
  const replaced = before.includes(date);
  return { date, rows: count, replaced, days: before.length + (replaced ? 0 : 1) };
}

/** Appends the rows; returns the days the table had values for before (one read of the date and table columns). */
function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: Cell[][], table: string): string[] {
  let history = ss.getSheetByName(HISTORY_SHEET);
  let first: number;
  let before: string[] = [];
  if (!history) {
    const active = ss.getActiveSheet();
    history = ss.insertSheet(HISTORY_SHEET, ss.getNumSheets());
    // insertSheet activates the new sheet: put the user back where they were.
    active.activate();
    history.hideSheet();
    rows.unshift([...HISTORY_HEADER]);
    first = 1;
  } else {
    const last = history.getLastRow();
    if (last > 0)
      before = historyDays(datesAsText(history.getRange(1, 1, last, 2).getValues(), sheetDateText()), table);
    first = last + 1;
  }
  // A range past the sheet's last row does not exist: grow the sheet first.
  const missing = first + rows.length - 1 - history.getMaxRows();
  if (missing > 0) history.insertRowsAfter(history.getMaxRows(), missing);
  history.getRange(first, 1, rows.length, HISTORY_HEADER.length).setValues(rows as unknown[][]);
  return before;
}

/** What-if: the KGIs' rolled-up actuals if some KPIs (by range row) had other actuals. Nothing is written. */
export function whatIfTable(
  sheetName: string,
  table: string,
  changes: { row: number; actual: number }[],
): WhatIfResult {
  const c = context();
  const tree = readTable(c, sheetName, table);
  const byRow = new Map(tree.nodes.map((n) => [n.row, n.index]));
  const overrides = new Map<number, number>();
  for (const change of changes ?? []) {
    const i = byRow.get(change?.row);
    if (i === undefined) throw new Error(c.t.notAKpi(Number(change?.row)));
    // JSON turns NaN and Infinity into null: refuse rather than guess.
    if (typeof change.actual !== "number" || !Number.isFinite(change.actual))
      throw new Error(c.t.notANumber(change.row));
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
