/*
 * Functions Apps Script calls by name: triggers, menu items and the server
 * calls of the sidebar (google.script.run). Each becomes a top-level
 * declaration in dist/Code.js. Kept thin: the work is in the modules beside
 * this file and in src/core. Plain data in and out (no Date objects:
 * deadlines travel as ISO strings).
 */
import type { Settings } from "../core/settings";
import type { SheetPlan } from "../core/sheetPlan";
import type {
  AddResult,
  AnalysisData,
  DiagramSource,
  DiagramTable,
  Recorded,
  SavedSettings,
  SeekWritten,
  SidebarState,
  TableRead,
  WriteResult,
} from "../shared/api";
import { refreshAsOf } from "./asOf";
import { addColumns, colourSelection, detectSelection } from "./detect";
import { diagramData as dataOf, insertDiagram as insert, openDiagram } from "./diagram";
import { selectKpi as select, writeSeekTargets as writeSeek } from "./drivers";
import { serverText } from "./i18n";
import { analysisData as dataForAnalysis, recordSnapshot as record } from "./insights";
import { buildMenu, menuLang } from "./menu";
import { openSidebar, showHelpDialog, withAlert } from "./panel";
import { loadSettings, storeSettings, uiLang, userLocale } from "./settings";
import { writePlan } from "./sheetWriter";
import { refreshStatusRules } from "./statusRules";

/**
 * Adds the add-on menu, in the language setting (or, in AuthMode.NONE, where
 * no properties can be read, the user's language); touches no document.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(menuLang(e?.authMode));
  // Period sheets' as-of dates move to today; only where the add-on may touch the document.
  if (String(e?.authMode ?? "") !== "NONE") {
    try {
      refreshAsOf();
    } catch {
      // The menu matters more: an as-of date can still be set from it.
    }
  }
}

/**
 * Runs when the add-on is installed: shows the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

/** Menu: opens the sidebar on its start page. */
export function showSidebar(): void {
  openSidebar("home");
}

/** Menu: opens the sidebar on the new-tree wizard. */
export function showNewTree(): void {
  openSidebar("wizard");
}

/** Menu: opens the sidebar on the check of the selected table. */
export function showTableCheck(): void {
  openSidebar("table");
}

/**
 * Menu (no source: the table at the selection) and sidebar ({sheetName, table} or {draft}): shows the tree diagram.
 * @param {DiagramSource} source What to draw.
 */
export function showDiagram(source?: DiagramSource): void {
  openDiagram(source ?? {});
}

/** Menu: opens the sidebar on the settings. */
export function showSettings(): void {
  openSidebar("settings");
}

/** Menu: shows how to use the add-on. */
export function showHelp(): void {
  showHelpDialog();
}

/** Menu: (re)applies the status colours to the selected table; problems show as an alert. */
export function applyStatusColors(): void {
  withAlert(() => colourSelection());
}

/**
 * Sidebar: what it needs on opening.
 * @return {SidebarState} Settings, resolved language and the user's locale.
 */
export function getSidebarState(): SidebarState {
  const settings = loadSettings();
  return { settings, lang: uiLang(settings), locale: userLocale() };
}

/**
 * Sidebar: validates and stores the settings in document properties, then
 * re-colours every tree the add-on coloured with the new thresholds and colours.
 * A new language rebuilds the menu in it and opens the sidebar again (Sheets
 * sets a sidebar's title only when it opens), on the settings.
 * @param {Settings} settings Language, OKR mode, thresholds and colours.
 * @return {SavedSettings} The stored settings, how many rules were refreshed, and whether the sidebar was reopened.
 */
export function saveSettings(settings: Settings): SavedSettings {
  const before = loadSettings();
  const stored = storeSettings(settings);
  const rules = refreshStatusRules(stored, before.thresholds);
  const lang = uiLang(stored);
  buildMenu(lang);
  const reopened = lang !== uiLang(before);
  if (reopened) openSidebar("settings", { saved: rules });
  return { settings: stored, lang, locale: userLocale(), rules, reopened };
}

/**
 * Sidebar: writes the wizard's tree, as the sidebar laid it out (sheetPlan), to a new sheet with the
 * function columns, formats and status colours.
 * @param {SheetPlan} plan The table's cells, formats and KGI rows, and the period sheet's row above.
 * @return {WriteResult} The new sheet's name and ranges.
 */
export function writeTree(plan: SheetPlan): WriteResult {
  return writePlan(plan);
}

/** Menu: moves every as-of date the add-on keeps to today (those typed over by hand stay), and says what it did. */
export function updateAsOfDate(): void {
  withAlert(() => {
    const r = refreshAsOf();
    return serverText(uiLang()).asOfDone(r.today, r.updated, r.kept);
  });
}

/**
 * Sidebar: reads the selected table (or the sheet's data): where it is, its cells (the sidebar judges them:
 * checkedReport), its function columns or where they would go.
 * @return {TableRead} The table's range, cells and formats, and its function columns, planned or there.
 */
export function detectTable(): TableRead {
  return detectSelection();
}

/**
 * Sidebar: adds the function columns and status colours beside a table, in
 * empty columns only.
 * @param {string} sheetName The table's sheet.
 * @param {string} table The table's A1 range, as detectTable reported it.
 * @param {string|null} expected Where the sidebar said the columns would go; nothing is written if that changed.
 * @return {AddResult} Where the columns are and how many rules were written.
 */
export function addFunctionColumns(sheetName: string, table: string, expected: string | null): AddResult {
  return addColumns(sheetName, table, expected);
}

/**
 * Sidebar: what its analysis of a table needs (the sidebar computes the health report, KSF candidates,
 * waterfalls, trends, review list and what-ifs): the table's cells and number formats, the history
 * sheet's rows of the table and today.
 * @param {string} sheetName The table's sheet.
 * @param {string} table The table's A1 range, as detectTable reported it.
 * @return {AnalysisData} Cells, formats, history rows and today.
 */
export function analysisData(sheetName: string, table: string): AnalysisData {
  return dataForAnalysis(sheetName, table);
}

/**
 * Sidebar: appends today's targets and rolled-up actuals of every KPI of the
 * table to the hidden "KPI History" sheet (one write).
 * @param {string} sheetName The table's sheet.
 * @param {string} table The table's A1 range, as detectTable reported it.
 * @return {Recorded} The date recorded (yyyy-MM-dd, the spreadsheet's time zone), how many KPIs, whether that day's values were replaced and how many days are recorded.
 */
export function recordSnapshot(sheetName: string, table: string): Recorded {
  return record(sheetName, table);
}

/**
 * Sidebar: writes the goal seek's values into the Target column (one write per run of consecutive rows; no other cell).
 * @param {string} sheetName The table's sheet.
 * @param {string} table The table's A1 range, as detectTable reported it.
 * @param {Array} read The table's cells as analysisData returned them: if the table changed since, nothing is written.
 * @param {{row: number, value: number}[]} writes The values by range row (1 = the header), as seekPlan gives them.
 * @return {{cells: number, writes: number}} How many cells and writes.
 */
export function writeSeekTargets(
  sheetName: string,
  table: string,
  read: AnalysisData["values"],
  writes: { row: number; value: number }[],
): Pick<SeekWritten, "cells" | "writes"> {
  return writeSeek(sheetName, table, read, writes);
}

/**
 * Sidebar: selects a KPI's row in the sheet.
 * @param {string} sheetName The table's sheet.
 * @param {string} table The table's A1 range.
 * @param {number} row The KPI's range row (1 = the header).
 */
export function selectKpi(sheetName: string, table: string, row: number): void {
  select(sheetName, table, row);
}

/**
 * Diagram dialog: the cells of a table detectTable read; given a PNG (base64), inserts it with its
 * top-left corner in cell (row, column) instead, replacing the add-on's previous picture of that
 * table, and says how many it replaced (one entry point for both keeps Code.js in its budget).
 */
export function diagram(sheet: string, table: string, png?: string, row?: number, col?: number): DiagramTable | number {
  return png ? insert(sheet, table, row as number, col as number, png) : dataOf(sheet, table);
}
