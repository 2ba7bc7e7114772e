/** Cell values as Sheets hands them to scripts. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Lang = "ja" | "en";

/**
 * A value built on first use and kept: lookup tables stay out of the bundle's
 * load, which Sheets pays on every custom-function call.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/** Distinct texts a reader keeps: the values and units a table repeats, bounded where every cell differs. */
const READER_MEMORY = 4096;

/** `read(cell)`, remembered in `seen` for each distinct text (numbers, blanks and booleans are read directly). */
export function remembered<C extends Cell, T>(seen: Map<string, T>, cell: C, read: (cell: C) => T): T {
  if (typeof cell !== "string") return read(cell);
  const known = seen.get(cell);
  if (known !== undefined || seen.has(cell)) return known as T;
  const value = read(cell);
  if (seen.size < READER_MEMORY) seen.set(cell, value);
  return value;
}

/**
 * Folds full-width forms, case and spacing so that `Ｐａｒｅｎｔ ＩＤ`, `parent_id`
 * and `ParentID` compare equal.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-・]+/g, "");
}

export function isBlank(cell: unknown): boolean {
  return typeof cell === "string" ? trimmed(cell) === "" : cell === null || cell === undefined;
}

/**
 * Whether a character may be one that `trim` removes (JavaScript's white
 * space and line ends). Most texts neither start nor end with one: they are
 * used as they are, without a call to trim per cell.
 */
function maySpace(c: number): boolean {
  if (c <= 0x20) return true;
  // No string or regular expression per character: ×, ÷ and − sit in this range on every operator cell.
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text` without the white space around it: `trim`, called only where an end may be white space (never on ""). */
const trimmed = (text: string): string =>
  text !== "" && (maySpace(text.charCodeAt(0)) || maySpace(text.charCodeAt(text.length - 1))) ? text.trim() : text;

/** A Date from any realm (Sheets' own, or the test runner's handed to the bundle). */
export function isDate(cell: unknown): cell is Date {
  return typeof cell === "object" && cell !== null && Object.prototype.toString.call(cell) === "[object Date]";
}

/**
 * A cell shown as the user would read it, for names and error messages. Date
 * cells reach the core as text of the spreadsheet's day (`datesAsText`); a
 * Date that did not is written as its UTC day.
 */
export function cellText(cell: unknown): string {
  if (typeof cell === "string") return trimmed(cell);
  if (cell === null || cell === undefined) return "";
  if (isDate(cell)) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(text);
}

/**
 * Turns whatever Sheets passed (a scalar for a 1×1 range, ragged arrays from
 * tests or other callers) into a rectangular 2-D array.
 */
export function toGrid(input: unknown): Cell[][] {
  const rows: unknown[] = Array.isArray(input) ? input : [[input]];
  // What Sheets passes is already rectangular: use it as it is, without copying every row.
  if (isRectangular(rows)) return rows as Cell[][];
  const grid = rows.map((row) => (Array.isArray(row) ? row : [row]) as Cell[]);
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  return grid.map((row) => {
    const copy = row.slice();
    while (copy.length < width) copy.push("");
    return copy;
  });
}

function isRectangular(rows: unknown[]): boolean {
  const first = rows[0];
  if (!Array.isArray(first)) return false;
  const width = first.length;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== width) return false;
  }
  return true;
}

/** True when a cell of `cells` (rows of cells, or cells) is a Date: one plain pass, as cheap as reading the cells. */
function holdsDate(cells: unknown[]): boolean {
  // An index loop: for…of makes an iterator result per row wherever V8 runs it unoptimised (seen in Code.js).
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) if (isDate(row[c])) return true;
    } else if (isDate(row)) return true;
  }
  return false;
}

/** A Date as the day the spreadsheet shows it: yyyy-mm-dd in the spreadsheet's time zone. */
export type DateText = (date: Date) => string;

/**
 * `cells` (a grid, or one cell) with each Date replaced by the day the
 * spreadsheet shows (`dateText`): a Date cell holds an instant, midnight in the
 * spreadsheet's zone, which is the day before in UTC east of Greenwich. So a
 * KPI named 2024-01-01 is found by a parent typed 2024-01-01, and messages show
 * the day the user typed. The same cells when there is no Date.
 */
export function datesAsText<T>(cells: T, dateText: DateText): T {
  const text = (c: unknown) => (isDate(c) ? (Number.isNaN(c.getTime()) ? "" : dateText(c)) : c);
  if (!Array.isArray(cells)) return text(cells) as T;
  if (!holdsDate(cells)) return cells;
  return cells.map((row) => (Array.isArray(row) ? row.map(text) : text(row))) as T;
}

/**
 * What the user typed stays text: Sheets parses a written string as if typed
 * (`=…` becomes a formula, `+1` a number, `'x` loses its quote), and a leading
 * apostrophe is the documented way to say "this is text". Numbers stay numbers.
 */
export function asText(value: Cell): Cell {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}
