/*
 * Writes a wizard draft to a NEW sheet (never over existing data): the core's
 * table layout, the function columns, formats and status colours. Every step
 * is one call per block (values, formulas, formats, backgrounds, rules), so a
 * 200-node tree costs the same number of calls as a 10-node one.
 */
import { functionColumns, rateRef, unitFormats } from "../core/columns";
import { COL, type Draft, draftGrid, evaluateDraft, normalizeDraft, TABLE_WIDTH } from "../core/draft";
import { a1 } from "../core/rules";
import type { Settings } from "../core/settings";
import type { Cell } from "../core/text";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";
import { applyStatusRules } from "./statusRules";

export interface WriteResult {
  sheetName: string;
  /** The tree table (header included), e.g. A1:K9. */
  table: string;
  /** The function columns, e.g. L1:O9. */
  functions: string;
  nodes: number;
}

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

const TEXT_COLUMNS = [COL.name, COL.id, COL.parent, COL.op, COL.unit, COL.direction, COL.owner, COL.ksf];

/** The rows to write: user text escaped, deadlines left as ISO dates for Sheets to read as dates. */
export function sheetValues(draft: Draft): Cell[][] {
  const grid = draftGrid(draft);
  return grid.map((row, r) =>
    r === 0
      ? row
      : row.map((cell, c) => (TEXT_COLUMNS.includes(c as (typeof TEXT_COLUMNS)[number]) ? asText(cell) : cell)),
  );
}

export function writeDraft(input: unknown, settings: Settings = loadSettings()): WriteResult {
  const lang = uiLang(settings);
  const t = serverText(lang);
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
  const n = draft.nodes.length;
  const height = n + 1;
  const fx = functionColumns(
    { top: 1, left: 1, height, width: TABLE_WIDTH, targetColumn: COL.target + 1, directionColumn: COL.direction + 1 },
    TABLE_WIDTH + 1,
    draft.lang,
    settings.thresholds,
  );
  const width = TABLE_WIDTH + fx.formulas.length;

  // Values: header and table in one block; the function columns' cells stay
  // empty below their first row so the formulas can spill.
  const values = sheetValues(draft).map((row, r) => [...row, ...(r === 0 ? fx.headers : fx.formulas.map(() => ""))]);
  sheet.getRange(1, 1, height, width).setValues(values as unknown[][]);
  sheet.getRange(2, fx.column, 1, fx.formulas.length).setFormulas([fx.formulas]);

  // Number formats: targets and actuals by unit, deadlines as dates, rollup and
  // required by unit, achievement as %.
  const formats = unitFormats(tree, 2);
  sheet.getRange(2, COL.target + 1, n, 2).setNumberFormats(formats);
  sheet.getRange(2, COL.deadline + 1, n, 1).setNumberFormat("yyyy-mm-dd");
  sheet.getRange(2, fx.column, n, 3).setNumberFormats(formats.map((row) => [...row, "0.0%"]));

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
  sheet.setColumnWidth(1, 220);

  if (fx.rateColumn !== null)
    applyStatusRules(
      sheet,
      { rate: rateRef(fx.rateColumn, 2), present: fx.present, ranges: [`A2:A${height}`, ...fx.colorRanges] },
      settings,
    );
  sheet.activate();
  ss.toast(t.written(sheetName, n), t.title, 5);
  return {
    sheetName,
    table: a1(1, 1, height, TABLE_WIDTH),
    functions: a1(1, fx.column, height, fx.formulas.length),
    nodes: n,
  };
}
