// SpreadsheetApp and the objects it hands out, backed by the Workbook.
import { type GridRange, parseA1, rangeA1, shiftFormula } from "./a1";
import { BOOLEAN_CRITERIA } from "./conditional";
import type { Ctx } from "./context";
import { wrap } from "./context";
import {
  type CellStyle,
  type Criteria,
  NEW_SHEET_COLUMNS,
  NEW_SHEET_ROWS,
  type RuleModel,
  type SheetModel,
} from "./engine";
import { getImages, type ImageHost, insertImage } from "./images";
import { notImplemented, unwrap } from "./strict";

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

const GENERAL_FORMAT = "0.###############";

function check2d(values: unknown, numRows: number, numColumns: number): unknown[][] {
  if (!Array.isArray(values) || values.some((r) => !Array.isArray(r)))
    throw new Error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
  const rows = values as unknown[][];
  if (rows.length !== numRows)
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  for (const r of rows)
    if (r.length !== numColumns)
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${numColumns}.`,
      );
  return rows;
}

export class RangeImpl {
  constructor(
    private readonly _ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _r: GridRange,
  ) {}

  private get _name() {
    return this._sheet.name;
  }

  private _map<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._r.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this._r.numColumns; j++) line.push(fn(this._r.row + i, this._r.column + j));
      out.push(line);
    }
    return out;
  }

  private _each(fn: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this._r.numRows; i++)
      for (let j = 0; j < this._r.numColumns; j++) fn(this._r.row + i, this._r.column + j, i, j);
  }

  private _self(): GRange {
    return wrap<GRange>(this._ctx, "Range", this);
  }

  private _styleAll(patch: (i: number, j: number) => CellStyle): GRange {
    this._each((row, column, i, j) => this._ctx.wb.setStyle(this._name, row, column, patch(i, j)));
    return this._self();
  }

  private _styleGrid<T>(values: T[][], key: keyof CellStyle, convert: (v: T) => unknown): GRange {
    const grid = check2d(values, this._r.numRows, this._r.numColumns) as T[][];
    return this._styleAll((i, j) => ({ [key]: convert(grid[i][j]) }) as CellStyle);
  }

  getValues() {
    return this._map((row, column) => this._ctx.wb.value(this._name, row, column));
  }
  getValue() {
    return this._ctx.wb.value(this._name, this._r.row, this._r.column);
  }
  setValues(values: unknown[][]): GRange {
    const rows = check2d(values, this._r.numRows, this._r.numColumns);
    this._ctx.wb.writeValues(this._name, this._r.row, this._r.column, rows);
    return this._self();
  }
  /** Sets every cell of the range, as Apps Script does. */
  setValue(value: unknown): GRange {
    const grid = this._map(() => value);
    this._ctx.wb.writeValues(this._name, this._r.row, this._r.column, grid);
    return this._self();
  }
  getDisplayValues() {
    return this._map((row, column) => this._ctx.wb.display(this._name, row, column));
  }
  getDisplayValue() {
    return this._ctx.wb.display(this._name, this._r.row, this._r.column);
  }
  getFormulas() {
    return this._map((row, column) => this._ctx.wb.formula(this._name, row, column));
  }
  getFormula() {
    return this._ctx.wb.formula(this._name, this._r.row, this._r.column);
  }
  setFormulas(formulas: string[][]): GRange {
    const rows = check2d(formulas, this._r.numRows, this._r.numColumns) as string[][];
    this._ctx.wb.writeFormulas(this._name, this._r.row, this._r.column, rows);
    return this._self();
  }
  /** One formula for the whole range; relative references move with each cell, as in Sheets. */
  setFormula(formula: string): GRange {
    const grid = this._map((row, column) => shiftFormula(formula, row - this._r.row, column - this._r.column));
    this._ctx.wb.writeFormulas(this._name, this._r.row, this._r.column, grid);
    return this._self();
  }
  isBlank(): boolean {
    return (
      this.getValues().every((r) => r.every((v) => v === "")) && this.getFormulas().every((r) => r.every((f) => !f))
    );
  }
  clearContent(): GRange {
    this._ctx.wb.clearContent(this._name, this._r);
    return this._self();
  }
  clearFormat(): GRange {
    this._each((row, column) => this._sheet.styles.delete(`${row},${column}`));
    return this._self();
  }
  clear(): GRange {
    this.clearContent();
    return this.clearFormat();
  }

  getBackgrounds() {
    return this._map((row, column) => this._ctx.wb.background(this._name, row, column));
  }
  getBackground() {
    return this._ctx.wb.background(this._name, this._r.row, this._r.column);
  }
  setBackgrounds(colors: (string | null)[][]): GRange {
    return this._styleGrid(colors, "background", (c) => (c === null || c === "" ? undefined : normalizeColor(c)));
  }
  setBackground(color: string | null): GRange {
    const c = color === null || color === "" ? undefined : normalizeColor(color);
    return this._styleAll(() => ({ background: c }));
  }
  getFontColors() {
    return this._map((row, column) => this._ctx.wb.fontColor(this._name, row, column));
  }
  getFontColor() {
    return this._ctx.wb.fontColor(this._name, this._r.row, this._r.column);
  }
  setFontColors(colors: (string | null)[][]): GRange {
    return this._styleGrid(colors, "fontColor", (c) => (c === null ? undefined : normalizeColor(c)));
  }
  setFontColor(color: string | null): GRange {
    return this._styleAll(() => ({ fontColor: color === null ? undefined : normalizeColor(color) }));
  }
  getFontWeights() {
    return this._map((row, column) => this._ctx.wb.style(this._name, row, column).fontWeight ?? "normal");
  }
  getFontWeight() {
    return this.getFontWeights()[0][0];
  }
  setFontWeights(weights: (string | null)[][]): GRange {
    return this._styleGrid(weights, "fontWeight", (w) => (w === null ? undefined : w));
  }
  setFontWeight(weight: string | null): GRange {
    return this._styleAll(() => ({ fontWeight: weight ?? undefined }));
  }
  getNumberFormats() {
    return this._map((row, column) => this._ctx.wb.style(this._name, row, column).numberFormat ?? GENERAL_FORMAT);
  }
  getNumberFormat() {
    return this.getNumberFormats()[0][0];
  }
  setNumberFormats(formats: string[][]): GRange {
    return this._styleGrid(formats, "numberFormat", (f) => (f === GENERAL_FORMAT || f === "" ? undefined : f));
  }
  setNumberFormat(format: string): GRange {
    return this._styleAll(() => ({ numberFormat: format === GENERAL_FORMAT || format === "" ? undefined : format }));
  }
  getNotes() {
    return this._map((row, column) => this._ctx.wb.style(this._name, row, column).note ?? "");
  }
  getNote() {
    return this.getNotes()[0][0];
  }
  setNotes(notes: (string | null)[][]): GRange {
    return this._styleGrid(notes, "note", (n) => (n === null || n === "" ? undefined : String(n)));
  }
  setNote(note: string | null): GRange {
    return this._styleAll(() => ({ note: note === null || note === "" ? undefined : String(note) }));
  }
  setHorizontalAlignment(alignment: string | null): GRange {
    return this._styleAll(() => ({ horizontalAlignment: alignment ?? undefined }));
  }
  setHorizontalAlignments(alignments: (string | null)[][]): GRange {
    return this._styleGrid(alignments, "horizontalAlignment", (a) => a ?? undefined);
  }
  getHorizontalAlignment(): string {
    return this._ctx.wb.style(this._name, this._r.row, this._r.column).horizontalAlignment ?? "general";
  }
  setWrap(wrap: boolean): GRange {
    return this._styleAll(() => ({ wrap }));
  }

  getA1Notation(): string {
    return rangeA1(this._r);
  }
  getRow() {
    return this._r.row;
  }
  getColumn() {
    return this._r.column;
  }
  getLastRow() {
    return this._r.row + this._r.numRows - 1;
  }
  getLastColumn() {
    return this._r.column + this._r.numColumns - 1;
  }
  getNumRows() {
    return this._r.numRows;
  }
  getNumColumns() {
    return this._r.numColumns;
  }
  getRowIndex() {
    return this._r.row;
  }
  getGridId() {
    return this._sheet.gid;
  }
  getSheet(): GSheet {
    return wrap<GSheet>(this._ctx, "Sheet", new SheetImpl(this._ctx, this._sheet));
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return makeRange(
      this._ctx,
      this._sheet,
      this._r.row + rowOffset,
      this._r.column + columnOffset,
      numRows ?? this._r.numRows,
      numColumns ?? this._r.numColumns,
    );
  }
  /** 1-based, relative to the range; must lie inside it. */
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._r.numRows || column > this._r.numColumns)
      throw new Error("Cell reference out of range");
    return makeRange(this._ctx, this._sheet, this._r.row + row - 1, this._r.column + column - 1, 1, 1);
  }
  activate(): GRange {
    this._ctx.active = { sheet: this._sheet, range: { ...this._r } };
    this._ctx.wb.active = this._ctx.wb.sheets.indexOf(this._sheet);
    return this._self();
  }
}

/** Checks bounds the way Sheets does before any range exists. */
export function makeRange(
  ctx: Ctx,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): GRange {
  if (![row, column, numRows, numColumns].every(Number.isInteger))
    throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  if (row < 1) throw new Error("The starting row of the range is too small.");
  if (column < 1) throw new Error("The starting column of the range is too small.");
  if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
    throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  return wrap<GRange>(ctx, "Range", new RangeImpl(ctx, sheet, { row, column, numRows, numColumns }));
}

const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  gray: "#808080",
  grey: "#808080",
  orange: "#ffa500",
};

/** Sheets stores colours as lowercase #rrggbb. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join("")}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  throw new Error(`Invalid color: ${color}`);
}

/** Sheets' limits: columns per sheet, cells per spreadsheet. */
const MAX_COLUMNS = 18278;
const MAX_CELLS = 10_000_000;

/** Sheets refuses any change that would take the workbook past 10 million cells, new sheets included. */
function assertCellLimit(ctx: Ctx, added: number): void {
  const cells = ctx.wb.sheets.reduce((n, m) => n + m.maxRows * m.maxColumns, 0);
  if (cells + added > MAX_CELLS)
    throw new Error(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
}

/** Hidden sheets, kept beside the model so the workbook's shape stays untouched. */
const hiddenSheets = new WeakSet<SheetModel>();

export class SheetImpl {
  constructor(
    private readonly _ctx: Ctx,
    readonly _model: SheetModel,
  ) {}

  private _self(): GSheet {
    return wrap<GSheet>(this._ctx, "Sheet", this);
  }

  getName() {
    return this._model.name;
  }
  setName(name: string): GSheet {
    this._ctx.wb.renameSheet(this._model.name, name);
    return this._self();
  }
  getSheetName() {
    return this._model.name;
  }
  getSheetId() {
    return this._model.gid;
  }
  getIndex() {
    return this._ctx.wb.sheets.indexOf(this._model) + 1;
  }
  getParent(): GSpreadsheet {
    return spreadsheet(this._ctx);
  }
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === "string") {
      const g = parseA1(a, this._model.maxRows, this._model.maxColumns);
      const sheet = g.sheet ? this._ctx.wb.sheet(g.sheet) : this._model;
      return makeRange(this._ctx, sheet, g.row, g.column, g.numRows, g.numColumns);
    }
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return makeRange(this._ctx, this._model, a, column, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange(): GRange {
    const { lastRow, lastColumn } = this._ctx.wb.extent(this._model.name);
    return makeRange(this._ctx, this._model, 1, 1, Math.max(lastRow, 1), Math.max(lastColumn, 1));
  }
  getLastRow() {
    return this._ctx.wb.extent(this._model.name).lastRow;
  }
  getLastColumn() {
    return this._ctx.wb.extent(this._model.name).lastColumn;
  }
  getMaxRows() {
    return this._model.maxRows;
  }
  insertImage(source: unknown, column: number, row: number, ...offsets: number[]) {
    if (offsets.length) throw notImplemented("Sheet", "insertImage with offsets");
    return insertImage(this._ctx, this._model, this._imageHost(), source, column, row);
  }
  getImages() {
    return getImages(this._ctx, this._model, this._imageHost());
  }
  private _imageHost(): ImageHost {
    return { sheet: () => this._self(), cell: (row, column) => this.getRange(row, column) };
  }
  getMaxColumns() {
    return this._model.maxColumns;
  }
  /**
   * Inserts blank rows or columns, as insertRowsBefore/After and
   * insertColumnsBefore/After do: contents, formats, notes and rule ranges past
   * the insertion point move, formula references follow (a range spanning the
   * point grows). New cells take the format of the row or column named by the
   * position: the one before them for …After, after them for …Before (Google's
   * reference does not say; this is the Sheets UI and the Sheets API's
   * InsertDimension inheritFromBefore, which Apps Script is assumed to follow).
   */
  private _insert(method: string, dimension: "rows" | "columns", position: number, howMany: number, after: boolean) {
    if (![position, howMany].every(Number.isInteger) || howMany < 1)
      throw new Error(`The parameters don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
    const rows = dimension === "rows";
    const max = rows ? this._model.maxRows : this._model.maxColumns;
    if (position < 1 || position > max) throw new Error(`Those ${dimension} are out of bounds.`);
    if (!rows && max + howMany > MAX_COLUMNS)
      throw new Error(
        `This action would increase the number of columns in the workbook above the limit of ${MAX_COLUMNS}.`,
      );
    assertCellLimit(this._ctx, howMany * (rows ? this._model.maxColumns : this._model.maxRows));
    const at = after ? position + 1 : position;
    this._ctx.wb.insert(this._model.name, dimension, at, howMany, position);
    return this._self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this._insert("insertRowsAfter", "rows", afterPosition, howMany, true);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    return this._insert("insertRowsBefore", "rows", beforePosition, howMany, false);
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this._insert("insertRowAfter", "rows", afterPosition, 1, true);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this._insert("insertRowBefore", "rows", beforePosition, 1, false);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    return this._insert("insertColumnsAfter", "columns", afterPosition, howMany, true);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    return this._insert("insertColumnsBefore", "columns", beforePosition, howMany, false);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this._insert("insertColumnAfter", "columns", afterPosition, 1, true);
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this._insert("insertColumnBefore", "columns", beforePosition, 1, false);
  }
  setFrozenRows(rows: number): void {
    this._model.frozenRows = rows;
  }
  getFrozenRows() {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._model.frozenColumns = columns;
  }
  getFrozenColumns() {
    return this._model.frozenColumns;
  }
  getConditionalFormatRules(): GRule[] {
    return this._model.rules.map((r) =>
      wrap<GRule>(this._ctx, "ConditionalFormatRule", new RuleImpl(this._ctx, cloneRule(r))),
    );
  }
  /** Replaces all rules of the sheet, as Sheets does. */
  setConditionalFormatRules(rules: GRule[]): void {
    this._model.rules = rules.map((r) => cloneRule((unwrap(r) as unknown as RuleImpl)._model));
  }
  clear(): GSheet {
    this._ctx.wb.clearContent(this._model.name, {
      row: 1,
      column: 1,
      numRows: this._model.maxRows,
      numColumns: this._model.maxColumns,
    });
    this._model.styles.clear();
    return this._self();
  }
  clearContents(): GSheet {
    this._ctx.wb.clearContent(this._model.name, {
      row: 1,
      column: 1,
      numRows: this._model.maxRows,
      numColumns: this._model.maxColumns,
    });
    return this._self();
  }
  clearFormats(): GSheet {
    this._model.styles.clear();
    return this._self();
  }
  setColumnWidth(column: number, width: number): GSheet {
    this._model.columnWidths.set(column, width);
    return this._self();
  }
  setColumnWidths(start: number, count: number, width: number): GSheet {
    for (let c = start; c < start + count; c++) this._model.columnWidths.set(c, width);
    return this._self();
  }
  getColumnWidth(column: number) {
    return this._model.columnWidths.get(column) ?? 100;
  }
  /** No fonts to measure here: widths follow the longest displayed text, roughly. */
  autoResizeColumns(start: number, count: number): GSheet {
    for (let c = start; c < start + count; c++) {
      let longest = 0;
      for (let r = 1; r <= this._ctx.wb.extent(this._model.name).lastRow; r++)
        longest = Math.max(longest, [...this._ctx.wb.display(this._model.name, r, c)].length);
      this._model.columnWidths.set(c, Math.max(40, Math.min(400, 14 * longest + 10)));
    }
    return this._self();
  }
  autoResizeColumn(column: number): GSheet {
    return this.autoResizeColumns(column, 1);
  }
  hideSheet(): GSheet {
    const visible = this._ctx.wb.sheets.filter((m) => !hiddenSheets.has(m) && m !== this._model);
    // Sheets refuses to hide the last visible sheet.
    if (!visible.length) throw new Error("Sorry, it is not possible to hide all the sheets in a document.");
    hiddenSheets.add(this._model);
    return this._self();
  }
  showSheet(): GSheet {
    hiddenSheets.delete(this._model);
    return this._self();
  }
  isSheetHidden(): boolean {
    return hiddenSheets.has(this._model);
  }
  activate(): GSheet {
    this._ctx.wb.active = this._ctx.wb.sheets.indexOf(this._model);
    this._ctx.active = { sheet: this._model, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return this._self();
  }
  getActiveRange(): GRange {
    return activeRange(this._ctx);
  }
  setActiveRange(range: GRange): GRange {
    return range.activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    return (typeof range === "string" ? this.getRange(range) : range).activate();
  }
}

function cloneRule(r: RuleModel): RuleModel {
  return { ...r, ranges: r.ranges.map((g) => ({ sheet: g.sheet, range: { ...g.range } })), values: [...r.values] };
}

function activeSheetModel(ctx: Ctx): SheetModel {
  return ctx.wb.sheets[ctx.wb.active] ?? ctx.wb.sheets[0];
}

/** The active sheet and its selected range (A1 when the add-on or a person has not selected one). */
export function activeGrid(ctx: Ctx): { sheet: SheetModel; range: GridRange } {
  const a = ctx.active && ctx.wb.sheets.includes(ctx.active.sheet) ? ctx.active : undefined;
  return a ?? { sheet: activeSheetModel(ctx), range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
}

function activeRange(ctx: Ctx): GRange {
  const { sheet, range: r } = activeGrid(ctx);
  return makeRange(ctx, sheet, r.row, r.column, r.numRows, r.numColumns);
}

class NamedRangeImpl {
  constructor(
    private readonly _ctx: Ctx,
    private _name: string,
  ) {}
  getName() {
    return this._name;
  }
  getRange(): GRange {
    const n = this._ctx.wb.namedRanges.get(this._name);
    if (!n) throw new Error(`Named range ${this._name} was removed.`);
    const g = n.range;
    return makeRange(this._ctx, this._ctx.wb.sheet(n.sheet), g.row, g.column, g.numRows, g.numColumns);
  }
  setRange(range: GRange) {
    const r = unwrap(range) as unknown as RangeImpl;
    this._ctx.wb.namedRanges.set(this._name, { sheet: r._sheet.name, range: { ...r._r } });
    return wrap(this._ctx, "NamedRange", this);
  }
  setName(name: string) {
    const n = this._ctx.wb.namedRanges.get(this._name);
    if (n) {
      this._ctx.wb.namedRanges.delete(this._name);
      this._ctx.wb.namedRanges.set(name, n);
    }
    this._name = name;
    return wrap(this._ctx, "NamedRange", this);
  }
  remove(): void {
    this._ctx.wb.namedRanges.delete(this._name);
  }
}

const NAMED_RANGE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export class SpreadsheetImpl {
  constructor(private readonly _ctx: Ctx) {}

  private _sheet(model: SheetModel): GSheet {
    return wrap<GSheet>(this._ctx, "Sheet", new SheetImpl(this._ctx, model));
  }

  getId() {
    return this._ctx.spreadsheetId;
  }
  getName() {
    return this._ctx.spreadsheetName;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._ctx.spreadsheetId}/edit`;
  }
  getSpreadsheetLocale() {
    return this._ctx.wb.options.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._ctx.wb.options.locale = locale;
  }
  getSpreadsheetTimeZone() {
    return this._ctx.wb.options.timeZone;
  }
  getSheets(): GSheet[] {
    return this._ctx.wb.sheets.map((s) => this._sheet(s));
  }
  getNumSheets() {
    return this._ctx.wb.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const model = this._ctx.wb.sheets.find((s) => s.name === name);
    return model ? this._sheet(model) : null;
  }
  getSheetById(id: number): GSheet | null {
    const model = this._ctx.wb.sheets.find((s) => s.gid === id);
    return model ? this._sheet(model) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet becomes active. */
  insertSheet(a?: string | number, b?: number): GSheet {
    let name = typeof a === "string" ? a : undefined;
    const index = typeof a === "number" ? a : b;
    if (name === undefined) {
      let n = this._ctx.wb.sheets.length + 1;
      while (this._ctx.wb.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertCellLimit(this._ctx, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const model = this._ctx.wb.addSheet(name, index);
    this._ctx.wb.active = this._ctx.wb.sheets.indexOf(model);
    this._ctx.active = undefined;
    return this._sheet(model);
  }
  deleteSheet(sheet: GSheet): void {
    this._ctx.wb.removeSheet((unwrap(sheet) as unknown as SheetImpl)._model.name);
  }
  getActiveSheet(): GSheet {
    return this._sheet(activeSheetModel(this._ctx));
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const model = (unwrap(sheet) as unknown as SheetImpl)._model;
    this._ctx.wb.active = this._ctx.wb.sheets.indexOf(model);
    this._ctx.active = undefined;
    return this._sheet(model);
  }
  getActiveRange(): GRange {
    return activeRange(this._ctx);
  }
  /** setActiveRange / setActiveSelection: the range's sheet becomes active with it, as in Sheets. */
  setActiveRange(range: GRange): GRange {
    return range.activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    return (typeof range === "string" ? this.getRange(range) : range).activate();
  }
  getRange(a1: string): GRange {
    const sheet = activeSheetModel(this._ctx);
    const g = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    const model = g.sheet ? this._ctx.wb.sheet(g.sheet) : sheet;
    return makeRange(this._ctx, model, g.row, g.column, g.numRows, g.numColumns);
  }
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this._ctx.ui.toasts.push({ message: String(message), title, timeoutSeconds });
  }
  getNamedRanges() {
    return [...this._ctx.wb.namedRanges.keys()].map((n) =>
      wrap(this._ctx, "NamedRange", new NamedRangeImpl(this._ctx, n)),
    );
  }
  setNamedRange(name: string, range: GRange): void {
    if (!NAMED_RANGE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Invalid named range name: ${name}`);
    const r = unwrap(range) as unknown as RangeImpl;
    this._ctx.wb.namedRanges.set(name, { sheet: r._sheet.name, range: { ...r._r } });
  }
  getRangeByName(name: string): GRange | null {
    const n = this._ctx.wb.namedRanges.get(name);
    if (!n) return null;
    const g = n.range;
    return makeRange(this._ctx, this._ctx.wb.sheet(n.sheet), g.row, g.column, g.numRows, g.numColumns);
  }
  removeNamedRange(name: string): void {
    if (!this._ctx.wb.namedRanges.delete(name)) throw new Error(`Named range ${name} not found.`);
  }
}

export function spreadsheet(ctx: Ctx): GSpreadsheet {
  return wrap<GSpreadsheet>(ctx, "Spreadsheet", new SpreadsheetImpl(ctx));
}

// ---------- Conditional format rules ----------

class BooleanConditionImpl {
  constructor(private readonly _m: RuleModel) {}
  getCriteriaType() {
    return this._m.criteria;
  }
  getCriteriaValues() {
    return [...this._m.values];
  }
  getBackground() {
    return this._m.background ?? null;
  }
  getFontColor() {
    return this._m.fontColor ?? null;
  }
  getBold() {
    return this._m.bold ?? null;
  }
  getItalic() {
    return this._m.italic ?? null;
  }
  getStrikethrough() {
    return this._m.strikethrough ?? null;
  }
  getUnderline() {
    return this._m.underline ?? null;
  }
}

export class RuleImpl {
  constructor(
    private readonly _ctx: Ctx,
    readonly _model: RuleModel,
  ) {}
  getRanges(): GRange[] {
    return this._model.ranges.map((g) =>
      makeRange(
        this._ctx,
        this._ctx.wb.sheet(g.sheet),
        g.range.row,
        g.range.column,
        g.range.numRows,
        g.range.numColumns,
      ),
    );
  }
  getBooleanCondition() {
    return this._model.criteria ? wrap(this._ctx, "BooleanCondition", new BooleanConditionImpl(this._model)) : null;
  }
  getGradientCondition() {
    return null;
  }
  copy(): GBuilder {
    return wrap<GBuilder>(
      this._ctx,
      "ConditionalFormatRuleBuilder",
      new RuleBuilderImpl(this._ctx, cloneRule(this._model)),
    );
  }
}

export class RuleBuilderImpl {
  constructor(
    private readonly _ctx: Ctx,
    private readonly _m: RuleModel = { ranges: [], values: [] },
  ) {}
  private _self(): GBuilder {
    return wrap<GBuilder>(this._ctx, "ConditionalFormatRuleBuilder", this);
  }
  private _when(criteria: Criteria, ...values: unknown[]): GBuilder {
    this._m.criteria = criteria;
    this._m.values = values;
    return this._self();
  }
  whenFormulaSatisfied(formula: string) {
    if (!String(formula).startsWith("=")) throw new Error("Invalid formula: custom formulas start with =.");
    return this._when("CUSTOM_FORMULA", formula);
  }
  whenCellEmpty() {
    return this._when("CELL_EMPTY");
  }
  whenCellNotEmpty() {
    return this._when("CELL_NOT_EMPTY");
  }
  whenNumberGreaterThan(n: number) {
    return this._when("NUMBER_GREATER_THAN", n);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this._when("NUMBER_GREATER_THAN_OR_EQUAL_TO", n);
  }
  whenNumberLessThan(n: number) {
    return this._when("NUMBER_LESS_THAN", n);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this._when("NUMBER_LESS_THAN_OR_EQUAL_TO", n);
  }
  whenNumberBetween(a: number, b: number) {
    return this._when("NUMBER_BETWEEN", a, b);
  }
  whenNumberNotBetween(a: number, b: number) {
    return this._when("NUMBER_NOT_BETWEEN", a, b);
  }
  whenNumberEqualTo(n: number) {
    return this._when("NUMBER_EQUAL_TO", n);
  }
  whenNumberNotEqualTo(n: number) {
    return this._when("NUMBER_NOT_EQUAL_TO", n);
  }
  whenTextContains(t: string) {
    return this._when("TEXT_CONTAINS", t);
  }
  whenTextDoesNotContain(t: string) {
    return this._when("TEXT_DOES_NOT_CONTAIN", t);
  }
  whenTextEqualTo(t: string) {
    return this._when("TEXT_EQUAL_TO", t);
  }
  whenTextStartsWith(t: string) {
    return this._when("TEXT_STARTS_WITH", t);
  }
  whenTextEndsWith(t: string) {
    return this._when("TEXT_ENDS_WITH", t);
  }
  withCriteria(criteria: Criteria, args: unknown[]) {
    if (!(criteria in BOOLEAN_CRITERIA))
      throw notImplemented("ConditionalFormatRuleBuilder", `withCriteria(${criteria})`);
    return this._when(criteria, ...args);
  }
  setBackground(color: string | null) {
    this._m.background = color === null ? null : normalizeColor(color);
    return this._self();
  }
  setFontColor(color: string | null) {
    this._m.fontColor = color === null ? null : normalizeColor(color);
    return this._self();
  }
  setBold(bold: boolean | null) {
    this._m.bold = bold;
    return this._self();
  }
  setItalic(italic: boolean | null) {
    this._m.italic = italic;
    return this._self();
  }
  setStrikethrough(v: boolean | null) {
    this._m.strikethrough = v;
    return this._self();
  }
  setUnderline(v: boolean | null) {
    this._m.underline = v;
    return this._self();
  }
  setRanges(ranges: GRange[]) {
    this._m.ranges = ranges.map((range) => {
      const r = unwrap(range) as unknown as RangeImpl;
      return { sheet: r._sheet.name, range: { ...r._r } };
    });
    return this._self();
  }
  getRanges(): GRange[] {
    return new RuleImpl(this._ctx, this._m).getRanges();
  }
  getBooleanCondition() {
    return new RuleImpl(this._ctx, this._m).getBooleanCondition();
  }
  /** Sheets refuses a rule without ranges or condition when it is saved; fail here, earlier and louder. */
  build(): GRule {
    if (!this._m.criteria) throw new Error("A conditional format rule needs a condition (e.g. whenFormulaSatisfied).");
    return wrap<GRule>(this._ctx, "ConditionalFormatRule", new RuleImpl(this._ctx, cloneRule(this._m)));
  }
  copy(): GBuilder {
    return wrap<GBuilder>(
      this._ctx,
      "ConditionalFormatRuleBuilder",
      new RuleBuilderImpl(this._ctx, cloneRule(this._m)),
    );
  }
}

export function spreadsheetApp(ctx: Ctx): typeof SpreadsheetApp {
  const app = {
    AuthMode: { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" },
    BooleanCriteria: BOOLEAN_CRITERIA,
    getActiveSpreadsheet: () => spreadsheet(ctx),
    getActive: () => spreadsheet(ctx),
    getActiveSheet: () => new SpreadsheetImpl(ctx).getActiveSheet(),
    getActiveRange: () => activeRange(ctx),
    setActiveSheet: (sheet: GSheet) => new SpreadsheetImpl(ctx).setActiveSheet(sheet),
    getUi: () => ctx.makeUi(),
    newConditionalFormatRule: () => wrap<GBuilder>(ctx, "ConditionalFormatRuleBuilder", new RuleBuilderImpl(ctx)),
    /** Writes are applied at once here: nothing to flush. */
    flush: () => {},
  };
  return wrap<typeof SpreadsheetApp>(ctx, "SpreadsheetApp", app);
}
