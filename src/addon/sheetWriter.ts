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
import { a1 } from "../core/rules";
import type { Settings } from "../core/settings";
import type { Cell } from "../core/text";
import { functionColumns, rateRef, unitFormats } from "../functions/columns";
import type { WriteResult } from "../shared/api";
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
  return table.grid.map((row, r) => (r === 0 ? row : row.map((cell, c) => (text.has(c) ? asText(cell) : cell))));
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

export function writeDraft(input: unknown, layoutInput?: unknown, settings: Settings = loadSettings()): WriteResult {
  const lang = uiLang(settings);
  const t = serverText(lang);
  const layout: SheetLayout | null = parseLayout(layoutInput);
  if (!layout) throw new Error(t.badLayout);
  const draft = normalizeDraft(input);
  const evaluation = evaluateDraft(draft, lang, settings.thresholds);
  const errors = evaluation.issues.filter((i) => i.level === "error");
  if (errors.length || !evaluation.tree) throw new Error(t.draftErrors + errors.map((e) => e.message).join(" "));
  const tree = evaluation.tree;

  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(t.writing, t.title, -1);
  const sheetName = uniqueSheetName(
    serverText(draft.lang).sheetBase,
    ss.getSheets().map((s) => s.getName()),
  );
  const sheet = ss.insertSheet(sheetName, ss.getNumSheets());
  const table = draftTable(draft, layout);
  const { col } = table;
  const n = draft.nodes.length;
  const height = n + 1;
  const fx = functionColumns(
    { top: 1, left: 1, height, width: table.width, targetColumn: col.target + 1, directionColumn: col.direction + 1 },
    table.width + 1,
    draft.lang,
    settings.thresholds,
  );
  const width = table.width + fx.formulas.length;
  makeRoom(sheet, height, width);

  // Values: header and table in one block; the function columns' cells stay
  // empty below their first row so the formulas can spill.
  const values = sheetValues(table).map((row, r) => [...row, ...(r === 0 ? fx.headers : fx.formulas.map(() => ""))]);
  sheet.getRange(1, 1, height, width).setValues(values as unknown[][]);
  sheet.getRange(2, fx.column, 1, fx.formulas.length).setFormulas([fx.formulas]);

  // Number formats: targets and actuals by unit, deadlines as dates, rollup and
  // required by unit, achievement as %.
  const formats = unitFormats(tree, 2);
  sheet.getRange(2, col.target + 1, n, 2).setNumberFormats(formats);
  sheet.getRange(2, col.deadline + 1, n, 1).setNumberFormat("yyyy-mm-dd");
  sheet.getRange(2, fx.column, n, 3).setNumberFormats(formats.map((row) => [...row, RATE_FORMAT]));

  // Header and KGI rows: one call per property over the whole block.
  const kgiRows = new Set(tree.roots.map((i) => tree.nodes[i].row));
  const block = sheet.getRange(1, 1, height, width);
  const rowStyle = <T>(header: T, kgi: T, other: T) =>
    Array.from({ length: height }, (_, r) =>
      new Array<T>(width).fill(r === 0 ? header : kgiRows.has(r + 1) ? kgi : other),
    );
  block.setBackgrounds(rowStyle<string | null>(HEADER_BACKGROUND, KGI_BACKGROUND, null) as string[][]);
  block.setFontColors(rowStyle<string | null>(HEADER_FONT, null, null) as string[][]);
  block.setFontWeights(rowStyle("bold", "bold", "normal"));
  sheet.setFrozenRows(1);
  // Outline names overflow into the blank cells to their right; the last level gets the room.
  const levels = table.nameColumns.length;
  if (levels > 1) sheet.setColumnWidths(1, levels - 1, 90);
  sheet.setColumnWidth(levels, 220);

  if (fx.rateColumn !== null) {
    const names = a1(2, 1, n, levels);
    applyStatusRules(
      sheet,
      layout === "outline"
        ? { rate: rateRef(fx.rateColumn, 2), present: fx.present, ranges: fx.colorRanges, nameCells: names }
        : { rate: rateRef(fx.rateColumn, 2), present: fx.present, ranges: [names, ...fx.colorRanges] },
      settings,
    );
  }
  sheet.activate();
  ss.toast(t.written(sheetName, n), t.title, 5);
  return {
    sheetName,
    table: a1(1, 1, height, table.width),
    functions: a1(1, fx.column, height, fx.formulas.length),
    nodes: n,
  };
}
