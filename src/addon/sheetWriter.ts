/*
 * Writes the wizard's new sheet (never over existing data) as the sidebar laid
 * it out (src/core/sheetPlan.ts): the table, the function columns, formats and
 * status colours. Every step is one call per block (values, formulas, formats,
 * backgrounds, rules), so a 200-node tree costs the same number of calls as a
 * 10-node one.
 */
import { a1 } from "../core/rules";
import type { Settings } from "../core/settings";
import type { FormatBlock, SheetPlan } from "../core/sheetPlan";
import { functionColumns, rateRef } from "../functions/columns";
import type { WriteResult } from "../shared/api";
import { registerAsOf, todayText } from "./asOf";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";
import { applyStatusRules } from "./statusRules";

export const HEADER_BACKGROUND = "#1a73e8";
export const HEADER_FONT = "#ffffff";
export const KGI_BACKGROUND = "#e8f0fe";

/** "KPIツリー", then "KPIツリー (2)", "KPIツリー (3)"… whichever is free. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const name = `${base} (${k})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

const isCell = (c: unknown) => ["string", "number", "boolean"].includes(typeof c);
const isInt = (x: unknown, min: number, max: number) =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
/** An array whose every item passes `test`. */
const all = <T>(list: unknown, test: (item: T) => boolean): list is T[] => Array.isArray(list) && list.every(test);
const isRow = (row: unknown, width: number) => all(row, isCell) && row.length === width;

/** The plan as google.script.run hands it over, if it is one this writer can write: null otherwise. */
function readPlan(input: unknown): SheetPlan | null {
  const p = (input ?? {}) as SheetPlan;
  const { values, above } = p;
  const height = Array.isArray(values) ? values.length : 0;
  const width = height > 1 && Array.isArray(values[0]) ? values[0].length : 0;
  const ok =
    width > 0 &&
    values.every((row) => isRow(row, width)) &&
    isRow(p.headers, 4) &&
    (p.lang === "ja" || p.lang === "en") &&
    typeof p.base === "string" &&
    p.base.trim() !== "" &&
    (above === null
      ? p.top === 1 && p.asOf === null
      : p.top === 2 && isRow(above, above.length) && isInt(p.asOf, 0, above.length - 1)) &&
    (p.updated === null || isInt(p.updated, 0, width - 1)) &&
    [p.targetColumn, p.directionColumn, p.levels].every((c) => isInt(c, 1, width)) &&
    all(p.kgiRows, (r) => isInt(r, 2, height)) &&
    all(p.formats, isFormat) &&
    (p.ytd === null || typeof p.ytd.through === "string");
  return ok ? p : null;
}

/** A block of number formats inside the sheet's grid, one format or one per cell. */
function isFormat(f: FormatBlock): boolean {
  const { row, column, rows, columns, format } = f ?? {};
  return (
    [row, column, rows, columns].every((n) => isInt(n, 1, 1e7)) &&
    (typeof format === "string" || (all(format, (r) => isRow(r, columns)) && format.length === rows))
  );
}

/**
 * A new sheet has 1,000 rows and 26 columns, and a range past them does not
 * exist. Grows the sheet by the table's height and width, one call per
 * dimension whatever the size, so the table always fits and the sheet keeps
 * its usual blank rows below and columns to the right for the team's own use.
 */
function makeRoom(sheet: GoogleAppsScript.Spreadsheet.Sheet, height: number, width: number): void {
  sheet.insertRowsAfter(sheet.getMaxRows(), height);
  sheet.insertColumnsAfter(sheet.getMaxColumns(), width);
}

export function writePlan(input: unknown, settings: Settings = loadSettings()): WriteResult {
  const t = serverText(uiLang(settings));
  const plan = readPlan(input);
  if (!plan) throw new Error(t.badPlan);
  const { top, values, lang } = plan;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = uniqueSheetName(
    plan.base,
    ss.getSheets().map((s) => s.getName()),
  );
  const sheet = ss.insertSheet(sheetName, ss.getNumSheets());
  const today = plan.above || plan.updated !== null ? todayText(ss) : "";
  const height = values.length;
  const n = height - 1;
  const tableWidth = values[0].length;
  const geometry = {
    top,
    left: 1,
    height,
    width: tableWidth,
    targetColumn: plan.targetColumn,
    directionColumn: plan.directionColumn,
  };
  const fx = functionColumns(
    geometry,
    tableWidth + 1,
    lang,
    settings.thresholds,
    true,
    plan.ytd?.through,
    plan.ytd?.elapsed,
  );
  const width = tableWidth + fx.formulas.length;
  makeRoom(sheet, height + top - 1, width);

  // Values: header and table in one block; the function columns' cells stay
  // empty below their first row so the formulas can spill.
  const rows = values.map((row, r) => [
    ...row.map((cell, c) => (r > 0 && c === plan.updated ? today : cell)),
    ...(r === 0 ? plan.headers : fx.formulas.map(() => "")),
  ]);
  const { above } = plan;
  // Row 1 of a period sheet, padded to the sheet's width, today in its as-of cell.
  if (above)
    sheet
      .getRange(1, 1, 1, width)
      .setValues([Array.from({ length: width }, (_, c) => (c === plan.asOf ? today : (above[c] ?? "")))]);
  sheet.getRange(top, 1, height, width).setValues(rows);
  sheet.getRange(top + 1, fx.column, 1, fx.formulas.length).setFormulas([fx.formulas]);
  for (const f of plan.formats) {
    const range = sheet.getRange(f.row, f.column, f.rows, f.columns);
    if (typeof f.format === "string") range.setNumberFormat(f.format);
    else range.setNumberFormats(f.format);
  }
  styleTable(sheet, plan, width);
  if (above) registerAsOf(sheet, a1(1, (plan.asOf as number) + 1, 1, 1), today);

  // The wizard's KPI_TREE always has an achievement column: the status colours follow it.
  const names = a1(top + 1, 1, n, plan.levels);
  const { outline } = plan;
  applyStatusRules(
    sheet,
    {
      rate: rateRef(fx.rateColumn!, top + 1),
      present: fx.present,
      ranges: outline ? fx.colorRanges : [names, ...fx.colorRanges],
      nameCells: outline ? names : undefined,
    },
    settings,
  );
  sheet.activate();
  return {
    sheetName,
    table: a1(top, 1, height, tableWidth),
    functions: a1(top, fx.column, height, fx.formulas.length),
    nodes: n,
  };
}

/** Header and KGI rows: one call per property over the whole block; frozen header; names get room. */
function styleTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: SheetPlan, width: number): void {
  const { top, levels } = plan;
  const height = plan.values.length;
  const kgiRows = new Set(plan.kgiRows);
  const block = sheet.getRange(top, 1, height, width);
  const rowStyle = <T>(header: T, kgi: T, other: T) =>
    Array.from({ length: height }, (_, r) =>
      new Array<T>(width).fill(r === 0 ? header : kgiRows.has(r + 1) ? kgi : other),
    );
  block.setBackgrounds(rowStyle<string | null>(HEADER_BACKGROUND, KGI_BACKGROUND, null) as string[][]);
  block.setFontColors(rowStyle<string | null>(HEADER_FONT, null, null) as string[][]);
  block.setFontWeights(rowStyle("bold", "bold", "normal"));
  sheet.setFrozenRows(top);
  // Outline names overflow into the blank cells to their right; the last level gets the room.
  if (levels > 1) sheet.setColumnWidths(1, levels - 1, 90);
  sheet.setColumnWidth(levels, 220);
}
