// The workbook behind the stand-in: cell contents and formulas live in
// HyperFormula (a real formula engine, so native formulas recalculate), and
// what Sheets keeps beside them (formats, notes, rules) lives here.
import {
  type CellValue,
  DetailedCellError,
  ExportedCellChange,
  type ExportedChange,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import { type GridRange, insertIntoFormula } from "./a1";
import { type CustomFunction, customFunctionPlugin } from "./customFunctions";
import { dateToSerial, formatNumber, generalNumber, isDateFormat, parseInput, serialToDate } from "./values";

export interface CellStyle {
  background?: string;
  numberFormat?: string;
  note?: string;
  fontWeight?: string;
  fontColor?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
}

export type Criteria =
  | "CUSTOM_FORMULA"
  | "CELL_EMPTY"
  | "CELL_NOT_EMPTY"
  | "NUMBER_GREATER_THAN"
  | "NUMBER_GREATER_THAN_OR_EQUAL_TO"
  | "NUMBER_LESS_THAN"
  | "NUMBER_LESS_THAN_OR_EQUAL_TO"
  | "NUMBER_BETWEEN"
  | "NUMBER_NOT_BETWEEN"
  | "NUMBER_EQUAL_TO"
  | "NUMBER_NOT_EQUAL_TO"
  | "TEXT_CONTAINS"
  | "TEXT_DOES_NOT_CONTAIN"
  | "TEXT_EQUAL_TO"
  | "TEXT_STARTS_WITH"
  | "TEXT_ENDS_WITH";

/** A conditional-format rule as stored: ranges, one boolean condition, the format it applies. */
export interface RuleModel {
  ranges: { sheet: string; range: GridRange }[];
  criteria?: Criteria;
  values: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface SheetModel {
  name: string;
  /** Apps Script's getSheetId(): stable across renames. */
  gid: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  styles: Map<string, CellStyle>;
  rules: RuleModel[];
  columnWidths: Map<number, number>;
}

/** A cell value as Apps Script returns it from getValues(). */
export type SheetsValue = string | number | boolean | Date;

/** A sheet made by insertSheet (or a new spreadsheet) has 1,000 rows and 26 columns (A:Z). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const DEFAULT_BACKGROUND = "#ffffff";
const DEFAULT_FONT_COLOR = "#000000";

const key = (row: number, column: number) => `${row},${column}`;

/** Sheets shows HyperFormula's #SPILL! as #REF! ("Array result was not expanded…"). */
function sheetsError(e: DetailedCellError): string {
  return e.type === "SPILL" ? "#REF!" : e.value;
}

export interface WorkbookOptions {
  locale: string;
  timeZone: string;
}

export class Workbook {
  hf: HyperFormula;
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, { sheet: string; range: GridRange }>();
  active = 0;
  private nextGid = 0;
  private functions = new Map<string, CustomFunction>();
  /** Formula cells to enter again once evaluation is over (spill size learned, or spill unblocked). */
  pending = new Map<string, SimpleCellAddress>();
  /** Apps Script passes Date objects: the bundle and the tests share this constructor. */
  DateCtor: DateConstructor = Date;
  /** Spill sizes the custom functions learned, keyed by formula cell ("sheet,row,col", 0-based). */
  learnedSizes?: Map<string, unknown>;
  /** Executions per custom function since the last clear: a test counts what one recalculation costs. */
  functionRuns = new Map<string, number>();

  constructor(readonly options: WorkbookOptions) {
    this.hf = this.buildEngine({});
  }

  private config() {
    return {
      licenseKey: "gpl-v3",
      // Sheets' only row limit is 10 million cells per spreadsheet (checked by the Sheet);
      // HyperFormula's default of 40,000 rows would refuse inserts Sheets allows.
      maxRows: 10_000_000,
      useArrayArithmetic: false,
      dateFormats: ["YYYY/MM/DD", "YYYY-MM-DD", "MM/DD/YYYY"],
      functionPlugins: [
        ...HyperFormula.getAllFunctionPlugins(),
        ...(this.functions.size ? [customFunctionPlugin(this, this.functions)] : []),
      ],
    };
  }

  private buildEngine(contents: Record<string, RawCellContent[][]>): HyperFormula {
    return HyperFormula.buildFromSheets(contents, this.config());
  }

  /** Registers custom functions: rebuilds the engine with the same contents. */
  setCustomFunctions(functions: Map<string, CustomFunction>): void {
    const contents: Record<string, RawCellContent[][]> = {};
    for (const s of this.sheets) contents[s.name] = this.hf.getSheetSerialized(this.id(s.name));
    this.hf.destroy();
    this.functions = functions;
    const names: Record<string, string> = {};
    for (const name of functions.keys()) names[name] = name;
    HyperFormula.getLanguage("enGB").extendFunctions(names);
    this.hf = this.buildEngine(contents);
    for (const s of this.sheets) this.recheckSheet(s.name);
    this.settle();
  }

  id(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`stand-in: no sheet named ${sheet}`);
    return id;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`stand-in: no sheet named ${name}`);
    return s;
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.hf.addSheet(name);
    const model: SheetModel = {
      name,
      gid: this.nextGid++,
      maxRows: NEW_SHEET_ROWS,
      maxColumns: NEW_SHEET_COLUMNS,
      frozenRows: 0,
      frozenColumns: 0,
      styles: new Map(),
      rules: [],
      columnWidths: new Map(),
    };
    this.sheets.splice(index, 0, model);
    return model;
  }

  removeSheet(name: string): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.hf.removeSheet(this.id(name));
    this.sheets = this.sheets.filter((s) => s.name !== name);
    this.active = Math.min(this.active, this.sheets.length - 1);
    this.settle();
  }

  renameSheet(from: string, to: string): void {
    if (from === to) return;
    if (this.sheets.some((s) => s.name.toLowerCase() === to.toLowerCase()))
      throw new Error(`A sheet with the name "${to}" already exists. Please enter another name.`);
    this.hf.renameSheet(this.id(from), to);
    this.sheet(from).name = to;
    for (const s of this.sheets) for (const r of s.rules) for (const g of r.ranges) if (g.sheet === from) g.sheet = to;
    for (const n of this.namedRanges.values()) if (n.sheet === from) n.sheet = to;
  }

  /**
   * Inserts `count` blank rows or columns so the first new one is number `at`
   * (1-based), as Sheet.insertRows/ColumnsBefore/After do: HyperFormula moves
   * cells and rewrites formula references (a range spanning the insertion point
   * grows); formats, notes, column widths, rule ranges and their formulas,
   * named ranges and frozen rows/columns move the same way. New cells take the
   * format (not the note) of the row or column `inheritFrom`, if given.
   */
  insert(sheet: string, dimension: "rows" | "columns", at: number, count: number, inheritFrom?: number): void {
    const model = this.sheet(sheet);
    const rows = dimension === "rows";
    const id = this.id(sheet);
    const moved = (n: number) => (n >= at ? n + count : n);
    // Spill sizes learned per formula cell move with their cells, before HyperFormula recalculates there.
    if (this.learnedSizes) {
      const sizes = [...this.learnedSizes];
      this.learnedSizes.clear();
      for (const [k, size] of sizes) {
        const [s, r, c] = k.split(",").map(Number);
        const next = s !== id ? k : rows ? `${s},${moved(r + 1) - 1},${c}` : `${s},${r},${moved(c + 1) - 1}`;
        this.learnedSizes.set(next, size);
      }
    }
    const changes = rows ? this.hf.addRows(id, [at - 1, count]) : this.hf.addColumns(id, [at - 1, count]);
    if (rows) model.maxRows += count;
    else model.maxColumns += count;
    const span = (start: number, size: number) => {
      const first = moved(start);
      return { start: first, size: moved(start + size - 1) - first + 1 };
    };

    const styles = new Map<string, CellStyle>();
    for (const [k, style] of model.styles) {
      const [r, c] = k.split(",").map(Number);
      styles.set(rows ? key(moved(r), c) : key(r, moved(c)), style);
    }
    if (inheritFrom !== undefined) {
      const source = moved(inheritFrom);
      for (const [k, style] of [...styles]) {
        const [r, c] = k.split(",").map(Number);
        if ((rows ? r : c) !== source) continue;
        const { note: _note, ...format } = style;
        if (!Object.keys(format).length) continue;
        for (let n = at; n < at + count; n++) styles.set(rows ? key(n, c) : key(r, n), { ...format });
      }
    }
    model.styles = styles;

    if (!rows) {
      const widths = new Map<number, number>();
      for (const [c, w] of model.columnWidths) widths.set(moved(c), w);
      const inherited = inheritFrom === undefined ? undefined : widths.get(moved(inheritFrom));
      if (inherited !== undefined) for (let n = at; n < at + count; n++) widths.set(n, inherited);
      model.columnWidths = widths;
    }

    const shiftRange = (r: GridRange) => {
      if (rows) {
        const s = span(r.row, r.numRows);
        r.row = s.start;
        r.numRows = s.size;
      } else {
        const s = span(r.column, r.numColumns);
        r.column = s.start;
        r.numColumns = s.size;
      }
    };
    for (const rule of model.rules) {
      if (rule.criteria === "CUSTOM_FORMULA")
        rule.values = rule.values.map((v, i) =>
          i === 0 ? insertIntoFormula(String(v), sheet, dimension, at, count) : v,
        );
    }
    for (const s of this.sheets)
      for (const rule of s.rules) for (const g of rule.ranges) if (g.sheet === sheet) shiftRange(g.range);
    for (const n of this.namedRanges.values()) if (n.sheet === sheet) shiftRange(n.range);
    if (rows && at <= model.frozenRows) model.frozenRows += count;
    if (!rows && at <= model.frozenColumns) model.frozenColumns += count;

    this.noteSpills(changes);
    this.recheckSheet(sheet);
    this.settle();
  }

  style(sheet: string, row: number, column: number): CellStyle {
    return this.sheet(sheet).styles.get(key(row, column)) ?? {};
  }

  setStyle(sheet: string, row: number, column: number, patch: CellStyle): void {
    const styles = this.sheet(sheet).styles;
    const next = { ...styles.get(key(row, column)), ...patch };
    for (const k of Object.keys(next) as (keyof CellStyle)[]) if (next[k] === undefined) delete next[k];
    styles.set(key(row, column), next);
  }

  private address(sheet: string, row: number, column: number): SimpleCellAddress {
    return { sheet: this.id(sheet), row: row - 1, col: column - 1 };
  }

  /** Writes what a script passes to setValue(s): strings are read as if typed. */
  writeValues(sheet: string, row: number, column: number, values: unknown[][]): void {
    // Array.from, not map: the bundle's arrays come from another realm, and
    // HyperFormula tells a 2-D array from a value with instanceof Array.
    const content: RawCellContent[][] = Array.from(values, (line, r) =>
      Array.from(line, (v, c) => this.toContent(sheet, row + r, column + c, v)),
    );
    this.write(this.address(sheet, row, column), content);
  }

  /** setFormulas: a formula per cell; "" clears, other text is a value. */
  writeFormulas(sheet: string, row: number, column: number, formulas: string[][]): void {
    this.writeValues(sheet, row, column, formulas);
  }

  private toContent(sheet: string, row: number, column: number, v: unknown): RawCellContent {
    const { timeZone } = this.options;
    if (v === null || v === undefined) return null;
    if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
      const d = v as Date;
      const serial = dateToSerial(d, timeZone);
      if (!this.style(sheet, row, column).numberFormat)
        this.setStyle(sheet, row, column, {
          numberFormat: Number.isInteger(serial) ? "yyyy-mm-dd" : "yyyy-mm-dd h:mm:ss",
        });
      return serial;
    }
    if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
    if (typeof v === "boolean") return v;
    const text = String(v);
    // A cell formatted as plain text keeps strings as typed, formulas included.
    if (this.style(sheet, row, column).numberFormat === "@" && !text.startsWith("'")) return text ? `'${text}` : null;
    const parsed = parseInput(text);
    switch (parsed.kind) {
      case "empty":
        return null;
      case "formula":
        return parsed.formula;
      case "text":
        // The apostrophe keeps HyperFormula from reading the text as a number or date.
        return `'${parsed.text}`;
      case "boolean":
        return parsed.value;
      case "number":
        if (parsed.format && !this.style(sheet, row, column).numberFormat)
          this.setStyle(sheet, row, column, { numberFormat: parsed.format });
        return parsed.value;
    }
  }

  private write(at: SimpleCellAddress, content: RawCellContent[][]): void {
    // New contents: a spill size learned for the old formula no longer holds.
    const learned = this.learnedSizes;
    if (learned?.size)
      for (let r = 0; r < content.length; r++)
        for (let c = 0; c < content[r].length; c++) learned.delete(`${at.sheet},${at.row + r},${at.col + c}`);
    // Sheets writes a block at once: a formula spilling over cells the same write clears (a row of
    // [formula, "", "", ""] over old formulas) must see them cleared, so the block is set with evaluation deferred.
    const formula = (c: RawCellContent) => typeof c === "string" && c.startsWith("=");
    const changes = content.some((row) => row.some(formula))
      ? this.hf.batch(() => {
          this.hf.setCellContents(
            at,
            content.map((row) => row.map((c) => (formula(c) ? null : c))),
          );
          this.hf.setCellContents(at, content);
        })
      : this.hf.setCellContents(at, content);
    this.noteSpills(changes);
    this.settle();
  }

  private noteSpills(changes: readonly ExportedChange[]): void {
    for (const ch of changes) {
      if (!(ch instanceof ExportedCellChange)) continue;
      const a = ch.address;
      if (ch.newValue instanceof DetailedCellError && ch.newValue.type === "SPILL")
        this.pending.set(`${a.sheet},${a.row},${a.col}`, a);
    }
  }

  /** Re-enters formulas needing it: HyperFormula neither re-spills when a blocker is cleared nor resizes a spill. */
  settle(): void {
    for (let pass = 0; pass < 5 && this.pending.size; pass++) {
      const todo = [...this.pending.values()];
      this.pending.clear();
      for (const a of todo) {
        const formula = this.hf.getCellFormula(a);
        if (formula === undefined) continue;
        this.noteSpills(this.hf.setCellContents(a, [[formula]]));
      }
    }
  }

  private recheckSheet(name: string): void {
    const id = this.id(name);
    const values = this.hf.getSheetValues(id);
    values.forEach((line, row) => {
      line.forEach((v, col) => {
        if (v instanceof DetailedCellError && v.type === "SPILL")
          this.pending.set(`${id},${row},${col}`, { sheet: id, row, col });
      });
    });
  }

  clearContent(sheet: string, r: GridRange): void {
    const empty = Array.from({ length: r.numRows }, () => Array.from({ length: r.numColumns }, () => null));
    this.write(this.address(sheet, r.row, r.column), empty);
  }

  raw(sheet: string, row: number, column: number): CellValue {
    return this.hf.getCellValue(this.address(sheet, row, column));
  }

  formula(sheet: string, row: number, column: number): string {
    return this.hf.getCellFormula(this.address(sheet, row, column)) ?? "";
  }

  isDate(sheet: string, row: number, column: number): boolean {
    const format = this.style(sheet, row, column).numberFormat;
    if (format) return isDateFormat(format);
    const type = this.hf.getCellValueDetailedType(this.address(sheet, row, column));
    return type === "NUMBER_DATE" || type === "NUMBER_DATETIME";
  }

  /** getValues(): "" for empty, numbers, booleans, Date for date-formatted cells, error text for errors. */
  value(sheet: string, row: number, column: number): SheetsValue {
    const v = this.raw(sheet, row, column);
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return sheetsError(v);
    if (typeof v === "number" && this.isDate(sheet, row, column)) {
      const d = serialToDate(v, this.options.timeZone);
      return new this.DateCtor(d.getTime());
    }
    return v;
  }

  /** getDisplayValues(): the text a person sees in the cell. */
  display(sheet: string, row: number, column: number): string {
    const v = this.raw(sheet, row, column);
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return sheetsError(v);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number") {
      const format = this.style(sheet, row, column).numberFormat;
      if (format) return formatNumber(v, format, this.options.timeZone);
      if (this.isDate(sheet, row, column)) return formatNumber(v, "yyyy/mm/dd", this.options.timeZone);
      return generalNumber(v);
    }
    return v;
  }

  /** The error message behind an error cell, as Sheets' tooltip shows it. */
  errorMessage(sheet: string, row: number, column: number): string | undefined {
    const v = this.raw(sheet, row, column);
    if (!(v instanceof DetailedCellError)) return undefined;
    if (v.type === "SPILL") return "Array result was not expanded because it would overwrite data.";
    return v.message;
  }

  background(sheet: string, row: number, column: number): string {
    return this.style(sheet, row, column).background ?? DEFAULT_BACKGROUND;
  }

  fontColor(sheet: string, row: number, column: number): string {
    return this.style(sheet, row, column).fontColor ?? DEFAULT_FONT_COLOR;
  }

  /** Bounding box of cells holding content (values, formulas, spilled results). */
  extent(sheet: string): { lastRow: number; lastColumn: number } {
    const values = this.hf.getSheetValues(this.id(sheet));
    let lastRow = 0;
    let lastColumn = 0;
    values.forEach((line, r) => {
      line.forEach((v, c) => {
        if (v !== null && v !== undefined) {
          lastRow = Math.max(lastRow, r + 1);
          lastColumn = Math.max(lastColumn, c + 1);
        }
      });
    });
    return { lastRow, lastColumn };
  }
}
