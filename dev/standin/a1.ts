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

/**
 * Moves the relative references of a formula by (dRows, dCols), leaving `$`-anchored
 * parts and string literals alone: how Sheets applies a conditional-format custom
 * formula, written for the top-left cell, to every other cell of the range.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name: copy through the closing quote.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/.exec(formula.slice(i));
    const prev = formula[i - 1] ?? "";
    if (m && !/[\w.]/.test(prev)) {
      const col = m[1] ? m[2] : columnLetter(columnNumber(m[2]) + dCols);
      const row = m[3] ? m[4] : String(Number(m[4]) + dRows);
      out += `${m[1]}${col}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    const word = /^[\w.]+/.exec(formula.slice(i));
    const step = word ? word[0].length : 1;
    out += formula.slice(i, i + step);
    i += step;
  }
  return out;
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/;
const COLUMNS_REF = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(])/;
const ROWS_REF = /^(\$?)(\d+):(\$?)(\d+)(?![\w(.])/;

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
  const cell = (m: RegExpExecArray, here: boolean) => {
    if (!here) return m[0];
    const column = rows ? m[2] : columnLetter(move(columnNumber(m[2])));
    const row = rows ? move(Number(m[4])) : Number(m[4]);
    return `${m[1]}${column}${m[3]}${row}`;
  };
  let out = "";
  let i = 0;
  // Whether the next reference is on `sheet` (false after another sheet's name and "!").
  let here = true;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const prev = formula[i - 1] ?? "";
    const ch = formula[i];
    if (ch === '"') {
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
      const whole = rows ? ROWS_REF.exec(rest) : COLUMNS_REF.exec(rest);
      if (whole) {
        const end = (n: string) => (rows ? String(move(Number(n))) : columnLetter(move(columnNumber(n))));
        out += here ? `${whole[1]}${end(whole[2])}:${whole[3]}${end(whole[4])}` : whole[0];
        i += whole[0].length;
        here = true;
        continue;
      }
      const first = CELL_REF.exec(rest);
      if (first) {
        out += cell(first, here);
        i += first[0].length;
        const second = formula[i] === ":" ? CELL_REF.exec(formula.slice(i + 1)) : null;
        if (second) {
          out += `:${cell(second, here)}`;
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
