/*
 * A table already in the sheet, for the sidebar's analysis (health check,
 * bottlenecks, what-if, history: computed in the sidebar from what this reads),
 * and history snapshots kept in a sheet of their own. Each operation costs the
 * same number of Spreadsheet calls whatever the table's size: one getValues for
 * the table, one for the history sheet, one setValues per snapshot.
 */
import { HISTORY_HEADER, historyDays, historyRows, label, snapshotRows } from "../core/insights";
import { readTree } from "../core/layout";
import type { Settings } from "../core/settings";
import { asText, type Cell, datesAsText, type Lang } from "../core/text";
import type { Tree } from "../core/tree";
import { unitsFromFormats } from "../core/units";
import { sheetDateText } from "../functions/locale";
import type { AnalysisData, Recorded } from "../shared/api";
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
  const { values, formats } = tableCells(c, sheetName, table);
  const tree = readTree(values);
  unitsFromFormats(tree, values[0], formats);
  return tree;
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

/**
 * What the sidebar analyses (src/sidebar/analysisData.ts): the table's cells and number formats, the
 * history sheet's rows of this table, and today. One read of the table, one of the history sheet.
 */
export function analysisData(sheetName: string, table: string): AnalysisData {
  const c = context();
  const { values, formats } = tableCells(c, sheetName, table);
  const sheet = c.ss.getSheetByName(HISTORY_SHEET);
  const history = sheet
    ? historyRows(datesAsText(sheet.getDataRange().getValues(), sheetDateText()), label(sheetName, table))
    : [];
  return { sheetName, table, values, formats, history, today: todayText(c.ss) } as AnalysisData;
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
