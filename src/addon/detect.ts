/*
 * "Use the current selection": read an existing table with the core's reader,
 * report what was understood, and add the function columns and colours beside
 * it. Nothing the user wrote is ever overwritten: the columns go into the
 * first run of empty columns to the right of the table, and the sidebar shows
 * where before anything is written.
 */

import { functionFormats } from "../core/format";
import { diagnose, findHeaderRow, outlineColumns } from "../core/layout";
import { rateKpis } from "../core/phasing";
import { a1, columnLetter } from "../core/rules";
import type { Settings } from "../core/settings";
import type { Thresholds } from "../core/status";
import { type Cell, cellText, datesAsText, isBlank } from "../core/text";
import type { Tree } from "../core/tree";
import { unitsFromFormats } from "../core/units";
import {
  columnFunction,
  functionBlock,
  functionColumns,
  presentFormula,
  rateRef,
  type TableGeometry,
  TREE_WIDTH,
} from "../functions/columns";
import { sheetDateText } from "../functions/locale";
import type { AddResult, DiagramTable, TableRead } from "../shared/api";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";
import { applyStatusRules } from "./statusRules";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Located {
  sheet: Sheet;
  geometry: TableGeometry;
  grid: Cell[][];
  /** Number formats of the range, where Sheets keeps units such as % and ¥. */
  formats: string[][];
  /** Existing function columns: first column and how many, and the achievement column. */
  /** Our function columns beside the table; `oneCall` when they are one KPI_TREE block. */
  existing: { column: number; count: number; rateColumn: number | null; oneCall: boolean } | null;
}

function columnOf(header: Cell[], text: string | undefined, left: number): number | undefined {
  if (text === undefined) return undefined;
  const k = header.findIndex((h) => cellText(h) === text);
  return k < 0 ? undefined : left + k;
}

/**
 * The table inside a range: rows above its header row and blank columns left
 * of it are cut off; so are our function columns (found by their formulas in
 * the first data row) and anything right of them, and trailing blank rows and
 * columns, so the table never reads its own results.
 */
function locate(sheet: Sheet, range: GoogleAppsScript.Spreadsheet.Range): Located {
  // Date cells as the day the sheet shows, so a KPI named by a date is found by its parent.
  const all = datesAsText(range.getValues() as Cell[][], sheetDateText());
  // A title or blank rows above the header, and blank columns left of the table, are not part of it.
  const skip = findHeaderRow(all);
  let lead = 0;
  while (lead < (all[0]?.length ?? 0) - 1 && all.every((row, r) => r < skip || isBlank(row[lead]))) lead++;
  const cut = <T>(grid: T[][]) => grid.slice(skip).map((row) => row.slice(lead));
  const values = cut(all);
  const formulas = cut(range.getFormulas());
  const formats = cut(range.getNumberFormats());
  const top = range.getRow() + skip;
  const left = range.getColumn() + lead;
  let width = values[0]?.length ?? 0;
  const firstData = formulas[1] ?? [];
  const start = firstData.findIndex((_, k) => functionBlock(firstData, k));
  let existing = blockAt(firstData, start, left + start);
  if (existing) width = start;
  let height = values.length;
  while (height > 1 && values[height - 1].slice(0, width).every(isBlank)) height--;
  while (width > 1 && values.slice(0, height).every((row) => isBlank(row[width - 1]))) width--;
  const grid = values.slice(0, height).map((row) => row.slice(0, width));
  if (!existing && height > 1) existing = besideTable(sheet, top, left, width);
  return { sheet, geometry: { top, left, height, width }, grid, formats, existing };
}

/**
 * Function columns right of a selection that left them out: our function
 * block (functionBlock) in the first data row whose first formula reads a
 * range starting at the table's top-left cell.
 */
function besideTable(sheet: Sheet, top: number, left: number, width: number): Located["existing"] {
  const start = left + width;
  const max = sheet.getMaxColumns();
  if (start > max) return null;
  const row = sheet.getRange(top + 1, start, 1, max - start + 1).getFormulas()[0];
  const corner = `${columnLetter(left)}${top}:`;
  const k = row.findIndex(
    (f, k) =>
      functionBlock(row, k) && (columnFunction(f)?.args.tree ?? "").replace(/\$/g, "").toUpperCase().startsWith(corner),
  );
  return blockAt(row, k, start + k);
}

/** Our function block whose first formula is `row[k]`, at sheet column `column`; null when none starts there (k = -1). */
function blockAt(row: readonly string[], k: number, column: number): Located["existing"] {
  const block = functionBlock(row, k);
  return block && { ...block, column, rateColumn: block.rate === null ? null : column + block.rate };
}

/** The first `count` columns right of the table that are empty over its rows. */
function plan(loc: Located, count: number): { column: number; insert: number } {
  const { sheet, geometry: g } = loc;
  const start = g.left + g.width;
  const max = sheet.getMaxColumns();
  if (start > max) return { column: start, insert: count };
  const right = sheet.getRange(g.top, start, g.height, max - start + 1).getValues();
  let run = 0;
  for (let c = 0; c < max - start + 1; c++) {
    run = right.every((row) => isBlank(row[c])) ? run + 1 : 0;
    if (run === count) return { column: start + c - count + 1, insert: 0 };
  }
  return { column: max - run + 1, insert: count - run };
}

/**
 * What Check tree reads: where the table and its function columns are, and its cells; the sidebar judges them
 * (checkedReport). With the tree when it reads (a parent without an operator still leaves a tree; the planned
 * columns wait until it has one), and the first error the reader found.
 */
function report(loc: Located, thresholds: Thresholds): { report: TableRead; tree: Tree | null; error?: string } {
  const g = loc.geometry;
  const base: TableRead = {
    sheetName: loc.sheet.getName(),
    table: a1(g.top, g.left, g.height, g.width),
    cells: { values: loc.grid as DiagramTable["values"], formats: loc.formats },
    functions: loc.existing ? a1(g.top, loc.existing.column, g.height, loc.existing.count) : null,
    planned: null,
  };
  const { tree, problems } = diagnose(loc.grid);
  const errors = problems.filter((p) => p.severity === "error");
  const error = errors[0];
  const blocking = errors.find((p) => p.code !== "missingOp");
  if (!tree || blocking) return { report: base, tree: null, error: (blocking ?? error)?.message };
  unitsFromFormats(tree, loc.grid[0], loc.formats);
  const header = loc.grid[0];
  g.targetColumn = columnOf(header, tree.headers.target, g.left);
  g.directionColumn = columnOf(header, tree.headers.direction, g.left);
  const old = loc.existing;
  // Four single-purpose columns or an older year to date: offer one KPI_TREE instead, unless one formula is the user's.
  const upgrade =
    old && !old.oneCall && old.count === 4 ? (rewrite(loc, old, tree, thresholds)?.runs ?? false) : undefined;
  // One KPI_TREE block: rollup, required, achievement, status.
  const p = old || error ? null : plan(loc, TREE_WIDTH);
  return {
    report: { ...base, planned: p && a1(g.top, p.column, g.height, TREE_WIDTH), upgrade },
    tree,
    error: error?.message,
  };
}

/** The selection, or the sheet's data when a single cell is selected. */
function selectedTable(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range {
  const selection = sheet.getActiveRange();
  return selection && (selection.getNumRows() > 1 || selection.getNumColumns() > 1) ? selection : sheet.getDataRange();
}

/** Reads the selection (or, for a single cell, the sheet's data) and reports what it understood. */
export function detectSelection(settings: Settings = loadSettings()): TableRead {
  const sheet = SpreadsheetApp.getActiveSheet();
  const range = selectedTable(sheet);
  return report(locate(sheet, range), settings.thresholds).report;
}

/**
 * The status colours for a table whose achievement column is `rateColumn`:
 * the name cells (the name column, or in an outline the cell holding the
 * name) and the achievement and status cells.
 */
function colour(loc: Located, tree: Tree | null, rateColumn: number, settings: Settings): number {
  const g = loc.geometry;
  const first = g.top + 1;
  const rows = Math.max(1, g.height - 1);
  const nameColumn = columnOf(loc.grid[0], tree?.headers.name, g.left);
  const ranges = [a1(first, rateColumn, rows, 2)];
  if (nameColumn !== undefined) ranges.unshift(a1(first, nameColumn, rows, 1));
  // Outline tables: the name is in the column of its level; colour that cell only.
  const outline = tree?.form === "outline" ? outlineColumns(loc.grid[0]) : [];
  const nameCells = outline.length ? a1(first, g.left + outline[0], rows, outline.length) : undefined;
  return applyStatusRules(
    loc.sheet,
    { rate: rateRef(rateColumn, first), present: presentFormula(g), ranges, nameCells },
    settings,
  );
}

/**
 * The first-row formulas of our function block, and what they should be for
 * the table as read now: stretched over KPI rows appended below it (rows
 * inserted inside it are covered, as Sheets stretches the ranges), and the
 * blocks earlier versions wrote become one KPI_TREE spilling over the same
 * columns, one execution per recalculation instead of three or four: four
 * single-purpose columns (KPI_ACHIEVEMENT and KPI_STATUS with or without the
 * table as their last argument; middle KPIs judged now), and a period sheet's
 * year to date (`upgrade`: how many executions it ran). Null when a formula
 * differs from ours beyond its row numbers (other thresholds, other columns,
 * other rate flags): the user's.
 */
const squash = (f: string) => f.replace(/\s+/g, "").toUpperCase();
const strip = (f: string) => f.replace(/,[^,]+\)$/, ")");
/** The as-of share cell an older actual-only year to date ends its target's ARRAYFORMULA with: `…,1,$F$1)))`. */
const ARRAYFORMULA_SHARE = /,1,(\$?[A-Z]+\$?\d+)\){3}$/;

function rewrite(loc: Located, existing: NonNullable<Located["existing"]>, tree: Tree, thresholds: Thresholds) {
  const g = loc.geometry;
  const { column } = existing;
  const cells = loc.sheet.getRange(g.top + 1, column, 1, existing.count);
  const current = cells.getFormulas()[0];
  // A period sheet's KPI_TREE keeps its year to date (`total`, `share`: the as-of period's cells); before, KPI_TOTAL
  // took it as `through`, and with actual-only periods an ARRAYFORMULA ended in the share.
  const {
    through,
    total = through,
    share = ARRAYFORMULA_SHARE.exec(current[1] ?? "")?.[1],
  } = columnFunction(current[0])?.args ?? {};
  // The ARRAYFORMULA's rate flags cover the rows it was written for: KPI rows appended since get theirs from KPI_TREE.
  const rates = rateKpis(tree.nodes).slice(0, (current[1] ?? "").split(";").length);
  const fx = (oneCall: boolean) =>
    functionColumns(g, column, tree.lang, thresholds, oneCall, total, share, rates).formulas;
  const was = fx(existing.oneCall);
  // KPI_ACHIEVEMENT and KPI_STATUS of the four columns were written without the table too; the year to date's never.
  const older = through ? was : was.map((f, k) => (k > 1 ? strip(f) : f));
  if (was.length !== existing.count) return null;
  const shape = (f: string) => squash(f).replace(/([A-Z]\$?)\d+/g, "$1#");
  if (!current.every((f, k) => shape(f) === shape(was[k]) || shape(f) === shape(older[k]))) return null;
  const next = existing.oneCall || existing.count < 4 ? was : fx(true);
  // What the sidebar offers to replace (TableRead.upgrade): the four single-purpose columns (true), or a year to
  // date's executions per edit: KPI_TOTAL twice, KPI_ACHIEVEMENT, KPI_STATUS (4); with actuals only, the target's
  // ARRAYFORMULA is no custom function (3).
  const runs = !through ? true : share ? 3 : 4;
  return { cells, current, next, runs };
}

/**
 * Adds the function columns beside the table at `table` on `sheetName`, into
 * empty columns only, then the status colours. `expected` is where the sidebar
 * told the user they would go: if the sheet changed since, nothing is written.
 */
export function addColumns(
  sheetName: string,
  table: string,
  expected: string | null,
  settings: Settings = loadSettings(),
): AddResult {
  const lang = uiLang(settings);
  const t = serverText(lang);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(t.noTable);
  const loc = locate(sheet, sheet.getRange(table));
  const { report: r, tree, error } = report(loc, settings.thresholds);
  if (!tree || error) throw new Error(error ?? t.noTable);
  if (loc.existing) {
    const w = rewrite(loc, loc.existing, tree, settings.thresholds);
    const updated = !!w && w.current.some((f, k) => squash(f) !== squash(w.next[k]));
    if (updated) w.cells.setFormulas([w.next]);
    const rules = loc.existing.rateColumn ? colour(loc, tree, loc.existing.rateColumn, settings) : 0;
    return {
      sheetName,
      functions: r.functions as string,
      added: false,
      updated,
      rules,
    };
  }
  if (!r.planned || (expected !== null && expected !== r.planned)) throw new Error(t.changed);
  const g = loc.geometry;
  const p = plan(loc, TREE_WIDTH);
  if (p.insert > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), p.insert);
  const fx = functionColumns(g, p.column, tree.lang, settings.thresholds);
  const k = fx.formulas.length;
  sheet.getRange(g.top, p.column, 1, k).setValues([fx.headers]).setFontWeight("bold");
  sheet.getRange(g.top + 1, p.column, 1, k).setFormulas([fx.formulas]);
  // Rollup and required by unit, achievement as %, in one call; KPI_TREE's achievement column gets the colours.
  if (g.height > 1) sheet.getRange(g.top + 1, p.column, g.height - 1, 3).setNumberFormats(functionFormats(tree));
  const rules = colour(loc, tree, fx.rateColumn!, settings);
  return { sheetName, functions: r.planned, added: true, updated: false, rules };
}

/** Menu: colour the table at the selection, whose function columns must exist. */
export function colourSelection(settings: Settings = loadSettings()): string {
  const t = serverText(uiLang(settings));
  const sheet = SpreadsheetApp.getActiveSheet();
  const range = selectedTable(sheet);
  const loc = locate(sheet, range);
  if (!loc.existing?.rateColumn) throw new Error(t.noAchievement);
  const { tree } = report(loc, settings.thresholds);
  colour(loc, tree, loc.existing.rateColumn, settings);
  return t.colored(Math.max(0, loc.geometry.height - 1));
}
