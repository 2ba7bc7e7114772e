/*
 * Writes a wizard draft to a NEW sheet (never over existing data): the core's
 * table in the ID/parent or the outline layout, the function columns, formats and status colours. Every step
 * is one call per block (values, formulas, formats, backgrounds, rules), so a
 * 200-node tree costs the same number of calls as a 10-node one.
 */

import {
  type DraftTable,
  draftTable,
  evaluateDraft,
  normalizeDraft,
  parseLayout,
  type SheetLayout,
} from "../core/draft";
import { RATE_FORMAT } from "../core/format";
import { elapsedFormula, type PeriodPlan, parsePeriodPlan, periodSpecs, throughFormula } from "../core/periodBlock";
import { rateKpis } from "../core/phasing";
import { a1 } from "../core/rules";
import type { Settings } from "../core/settings";
import type { Cell, Lang } from "../core/text";
import type { Tree } from "../core/tree";
import { type FunctionColumns, functionColumns, rateRef, unitFormats, ytdColumns } from "../functions/columns";
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

/**
 * What the user typed stays text: Sheets parses a written string as if typed
 * (`=…` becomes a formula, `+1` a number, `'x` loses its quote), and a leading
 * apostrophe is the documented way to say "this is text". Numbers stay numbers.
 */
export function asText(value: Cell): Cell {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** The rows to write: user text escaped, deadlines left as ISO dates for Sheets to read as dates. */
export function sheetValues(table: DraftTable): Cell[][] {
  const text = new Set(table.textColumns);
  // Period headers stay text: Sheets would read `2026年4月` or `Apr 2026` typed into a cell as a date.
  const period = table.periods?.first ?? table.width;
  return table.grid.map((row, r) =>
    row.map((cell, c) => ((r === 0 ? c >= period : text.has(c)) ? asText(cell) : cell)),
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

/** What the wizard adds to the plain table, from outside: a period block and the review columns. */
export interface WriteOptions {
  periods: PeriodPlan | null;
  review: boolean;
}

/** Options from google.script.run; undefined when the period settings cannot be read. */
export function parseWriteOptions(input: unknown): WriteOptions | undefined {
  const raw = (input ?? {}) as { periods?: unknown; review?: unknown };
  const periods = parsePeriodPlan(raw.periods);
  return periods === undefined ? undefined : { periods, review: raw.review === true };
}

/** The draft's tree, checked as the editor checks it: the server refuses what the sidebar would. */
function checkedTree(input: unknown, lang: Lang, settings: Settings) {
  const t = serverText(lang);
  const draft = normalizeDraft(input);
  const evaluation = evaluateDraft(draft, lang, settings.thresholds);
  const errors = evaluation.issues.filter((i) => i.level === "error");
  if (errors.length || !evaluation.tree) throw new Error(t.draftErrors + errors.map((e) => e.message).join(" "));
  return { draft, tree: evaluation.tree };
}

export function writeDraft(
  input: unknown,
  layoutInput?: unknown,
  optionsInput?: unknown,
  settings: Settings = loadSettings(),
): WriteResult {
  const lang = uiLang(settings);
  const t = serverText(lang);
  const layout: SheetLayout | null = parseLayout(layoutInput);
  if (!layout) throw new Error(t.badLayout);
  const options = parseWriteOptions(optionsInput);
  if (!options) throw new Error(t.badPeriods);
  const { draft, tree } = checkedTree(input, lang, settings);

  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(t.writing, t.title, -1);
  const sheetName = uniqueSheetName(
    serverText(draft.lang).sheetBase,
    ss.getSheets().map((s) => s.getName()),
  );
  const sheet = ss.insertSheet(sheetName, ss.getNumSheets());
  const today = options.periods || options.review ? todayText(ss) : "";
  // A period sheet keeps its first row for the as-of date (and the weights): the table starts below it.
  const top = options.periods ? 2 : 1;
  const table = draftTable(draft, layout, {
    periods: options.periods,
    review: options.review ? { asOf: today } : null,
    top,
  });
  const n = draft.nodes.length;
  const height = n + 1;
  const geometry = {
    top,
    left: 1,
    height,
    width: table.width,
    targetColumn: table.col.target + 1,
    directionColumn: table.col.direction + 1,
  };
  const above = table.periods ? aboveTable(table, draft.lang, today, tree) : null;
  const fx = above
    ? ytdColumns(geometry, table.width + 1, draft.lang, settings.thresholds, above.refs)
    : functionColumns(geometry, table.width + 1, draft.lang, settings.thresholds);
  const width = table.width + fx.formulas.length;
  makeRoom(sheet, height + top - 1, width);

  // Values: header and table in one block; the function columns' cells stay
  // empty below their first row so the formulas can spill.
  const values = sheetValues(table).map((row, r) => [...row, ...(r === 0 ? fx.headers : fx.formulas.map(() => ""))]);
  if (above) sheet.getRange(1, 1, 1, width).setValues([pad(above.cells, width)] as unknown[][]);
  sheet.getRange(top, 1, height, width).setValues(values as unknown[][]);
  sheet.getRange(top + 1, fx.column, 1, fx.formulas.length).setFormulas([fx.formulas]);
  formatTable(sheet, table, tree, fx, top);
  styleTable(sheet, table, tree, top, width);
  if (above) registerAsOf(sheet, AS_OF_CELL, today);

  if (fx.rateColumn !== null) {
    const levels = table.nameColumns.length;
    const names = a1(top + 1, 1, n, levels);
    const rate = rateRef(fx.rateColumn, top + 1);
    applyStatusRules(
      sheet,
      layout === "outline"
        ? { rate, present: fx.present, ranges: fx.colorRanges, nameCells: names }
        : { rate, present: fx.present, ranges: [names, ...fx.colorRanges] },
      settings,
    );
  }
  sheet.activate();
  ss.toast(t.written(sheetName, n), t.title, 5);
  return {
    sheetName,
    table: a1(top, 1, height, table.width),
    functions: a1(top, fx.column, height, fx.formulas.length),
    nodes: n,
  };
}

function pad(row: Cell[], width: number): Cell[] {
  return [...row, ...new Array<Cell>(Math.max(0, width - row.length)).fill("")].slice(0, width);
}

/** The cell holding the as-of date on a period sheet; its label is in A1. */
export const AS_OF_CELL = "B1";

/**
 * The row above a period sheet's table: the as-of date (B1), the period it
 * falls in (D1, the year-to-date totals' `through`), for actual-only periods
 * the share of the year elapsed (F1), and with weights phasing the weights
 * over each period's target column (the row the user edits for seasonality).
 */
function aboveTable(table: DraftTable, lang: Lang, today: string, tree: Tree) {
  const t = serverText(lang);
  const block = table.periods as NonNullable<DraftTable["periods"]>;
  const specs = periodSpecs(block.plan, lang);
  const asOf = `$${AS_OF_CELL[0]}$${AS_OF_CELL.slice(1)}`;
  const cells: Cell[] = [t.asOfLabel, today, t.throughLabel, throughFormula(specs, asOf)];
  if (!block.plan.pairs) cells.push(t.elapsedLabel, elapsedFormula(specs, asOf));
  if (block.plan.pairs && block.plan.phasing === "weights") {
    while (cells.length < block.first - 1) cells.push("");
    cells[block.first - 1] = t.weightsLabel;
    block.plan.weights.forEach((w, k) => {
      cells[block.first + 2 * k] = w;
      cells[block.first + 2 * k + 1] = "";
    });
  }
  const rates = rateKpis(tree.nodes.map((n) => ({ unit: n.unit, op: n.op, parent: n.parent })));
  return { cells, refs: { through: "$D$1", elapsed: block.plan.pairs ? null : "$F$1", rates } };
}

/**
 * Number formats: targets and actuals by unit (the period columns too),
 * deadlines and review dates as dates, rollup and required (or the
 * year-to-date totals) by unit, achievement as %.
 */
function formatTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: DraftTable,
  tree: Tree,
  fx: FunctionColumns,
  top: number,
): void {
  const { col } = table;
  const n = tree.nodes.length;
  const first = top + 1;
  const values = table.col.actual === undefined ? 1 : 2;
  sheet.getRange(first, col.target + 1, n, values).setNumberFormats(unitFormats(tree, values));
  sheet.getRange(first, col.deadline + 1, n, 1).setNumberFormat("yyyy-mm-dd");
  if (col.updated !== undefined) sheet.getRange(first, col.updated + 1, n, 1).setNumberFormat("yyyy-mm-dd");
  if (table.periods) {
    const width = table.periods.headers.length;
    sheet.getRange(first, table.periods.first + 1, n, width).setNumberFormats(unitFormats(tree, width));
    sheet.getRange(AS_OF_CELL).setNumberFormat("yyyy-mm-dd");
  }
  sheet
    .getRange(first, fx.column, n, 3)
    .setNumberFormats(unitFormats(tree, 2, true).map((row) => [...row, RATE_FORMAT]));
}

/** Header and KGI rows: one call per property over the whole block; frozen header; names get room. */
function styleTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: DraftTable,
  tree: Tree,
  top: number,
  width: number,
): void {
  const height = tree.nodes.length + 1;
  const kgiRows = new Set(tree.roots.map((i) => tree.nodes[i].row));
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
  const levels = table.nameColumns.length;
  if (levels > 1) sheet.setColumnWidths(1, levels - 1, 90);
  sheet.setColumnWidth(levels, 220);
}
