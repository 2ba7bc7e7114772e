// A1 notation, as Sheets writes and reads it. Rows and columns are 1-based here,
// like the Apps Script API; the engine (HyperFormula) is 0-based.

export interface GridRange {
  sheet?: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeA1(r: Pick<GridRange, "row" | "column" | "numRows" | "numColumns">): string {
  const start = cellA1(r.row, r.column);
  return r.numRows === 1 && r.numColumns === 1
    ? start
    : `${start}:${cellA1(r.row + r.numRows - 1, r.column + r.numColumns - 1)}`;
}

/** Sheet names with spaces or symbols are quoted in formulas and A1 strings. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses "A1", "A1:H30", "Sheet1!A1", "'My sheet'!B2:C", "A:A", "2:3".
 * Open ends extend to the sheet's size, as in Sheets.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridRange {
  let sheet: string | undefined;
  let ref = text.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [a, b = a] = ref.split(":");
  const p = PART.exec(a);
  const q = PART.exec(b);
  if (!p || !q || (!p[1] && !p[2]) || (!q[1] && !q[2])) throw new Error(`Range not found`);
  const c1 = p[1] ? columnNumber(p[1]) : 1;
  const r1 = p[2] ? Number(p[2]) : 1;
  const c2 = q[1] ? columnNumber(q[1]) : maxColumns;
  const r2 = q[2] ? Number(q[2]) : maxRows;
  if (r1 < 1 || c1 < 1) throw new Error(`Range not found`);
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { sheet, row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/;
const COLUMNS_REF = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(])/;
const ROWS_REF = /^(\$?)(\d+):(\$?)(\d+)(?![\w(.])/;

/** A reference found in a formula: one cell (`$A$1`, either end of `A1:B2`), whole columns (`A:C`) or whole rows (`2:5`). */
type Reference = { kind: "cell"; match: RegExpExecArray } | { kind: "columns" | "rows"; match: RegExpExecArray };

/**
 * Walks a formula and rewrites each reference with `rewrite`, leaving string
 * literals, function names and sheet names alone. `here` says whether the
 * reference is on `sheet` (false after another sheet's name and "!").
 */
function mapReferences(formula: string, sheet: string, rewrite: (ref: Reference, here: boolean) => string): string {
  let out = "";
  let i = 0;
  let here = true;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const prev = formula[i - 1] ?? "";
    if (formula[i] === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const quoted = /^'((?:[^']|'')*)'!/.exec(rest);
    const bare = /^([A-Za-z_][\w.]*)!/.exec(rest);
    const qualifier = quoted ?? (!/[\w.]/.test(prev) ? bare : null);
    if (qualifier) {
      const name = quoted ? qualifier[1].replace(/''/g, "'") : qualifier[1];
      here = name.toLowerCase() === sheet.toLowerCase();
      out += qualifier[0];
      i += qualifier[0].length;
      continue;
    }
    if (!/[\w.$]/.test(prev)) {
      const columns = COLUMNS_REF.exec(rest);
      const whole = columns ?? ROWS_REF.exec(rest);
      if (whole) {
        out += rewrite({ kind: columns ? "columns" : "rows", match: whole }, here);
        i += whole[0].length;
        here = true;
        continue;
      }
      const first = CELL_REF.exec(rest);
      if (first) {
        out += rewrite({ kind: "cell", match: first }, here);
        i += first[0].length;
        const second = formula[i] === ":" ? CELL_REF.exec(formula.slice(i + 1)) : null;
        if (second) {
          out += `:${rewrite({ kind: "cell", match: second }, here)}`;
          i += 1 + second[0].length;
        }
        here = true;
        continue;
      }
    }
    const word = /^[\w.]+/.exec(rest);
    const step = word ? word[0].length : 1;
    out += formula.slice(i, i + step);
    i += step;
  }
  return out;
}

/**
 * Moves the relative references of a formula by (dRows, dCols), leaving `$`-anchored
 * parts and string literals alone: how Sheets applies a conditional-format custom
 * formula, written for the top-left cell, to every other cell of the range.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  return mapReferences(formula, "", ({ kind, match: m }) => {
    if (kind !== "cell") return m[0];
    const col = m[1] ? m[2] : columnLetter(columnNumber(m[2]) + dCols);
    const row = m[3] ? m[4] : String(Number(m[4]) + dRows);
    return `${m[1]}${col}${m[3]}${row}`;
  });
}

/**
 * Rewrites the references of a formula on `sheet` after `count` rows or columns
 * were inserted so the first new one is number `at`: what Sheets does to every
 * formula, conditional-format ones included. Each end of a reference moves when
 * it lies at or past `at`, `$` or not, so a range spanning the insertion point
 * grows. References qualified with another sheet's name stay.
 */
export function insertIntoFormula(
  formula: string,
  sheet: string,
  dimension: "rows" | "columns",
  at: number,
  count: number,
): string {
  const rows = dimension === "rows";
  const move = (n: number) => (n >= at ? n + count : n);
  const end = (n: string) => (rows ? String(move(Number(n))) : columnLetter(move(columnNumber(n))));
  return mapReferences(formula, sheet, ({ kind, match: m }, here) => {
    if (!here || kind === (rows ? "columns" : "rows")) return m[0];
    if (kind !== "cell") return `${m[1]}${end(m[2])}:${m[3]}${end(m[4])}`;
    const column = rows ? m[2] : end(m[2]);
    const row = rows ? end(m[4]) : m[4];
    return `${m[1]}${column}${m[3]}${row}`;
  });
}
