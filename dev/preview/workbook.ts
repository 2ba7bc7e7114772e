// Files a team opens in the preview: `npm start -- table.csv book.xlsx`. Each CSV file and each
// visible worksheet of an .xlsx file becomes one sheet of the stand-in, with its values, formulas
// (recalculated by the stand-in) and number formats. ExcelJS reads .xlsx; it never reaches dist/.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { Standin } from "../standin";
import { formatNumber, UnsupportedFormat } from "../standin/values";
import { parseCsv } from "./sample";

/** One sheet to add: rows of values ("=…" strings are formulas) and, optionally, number formats. */
export interface LoadedSheet {
  name: string;
  rows: unknown[][];
  formats?: string[][];
}

type Cell = ExcelJS.Cell;

/** What Sheets would hold after importing the cell: a formula as "=…", else its value. */
function cellInput(cell: Cell): unknown {
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  if ("result" in v) return v.result ?? "";
  if ("error" in v) return String(v.error);
  return cell.text;
}

export async function readXlsx(file: string): Promise<LoadedSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets: LoadedSheet[] = [];
  book.eachSheet((ws) => {
    if (ws.state !== "visible") return;
    const rows: unknown[][] = [];
    const formats: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push([]);
      formats.push([]);
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        rows[r - 1].push(cellInput(cell));
        formats[r - 1].push(renderable(cell.numFmt, `${ws.name}!${cell.address}`));
      }
    }
    sheets.push({ name: ws.name, rows, formats });
  });
  return sheets;
}

/** A workbook's number format, when the stand-in renders it as Sheets does; else dropped, and said so. */
function renderable(format: string | undefined, where: string): string {
  if (!format || format === "General") return "";
  try {
    formatNumber(-1234.5, format, "UTC");
    return format;
  } catch (e) {
    if (!(e instanceof UnsupportedFormat)) throw e;
    console.warn(`${where}: ${e.message} The preview shows the value unformatted.`);
    return "";
  }
}

/** The sheets of one file the preview was started with (.csv or .xlsx). */
export async function readTableFile(file: string): Promise<LoadedSheet[]> {
  if (/\.xlsx$/i.test(file)) return readXlsx(file);
  if (/\.csv$/i.test(file))
    return [{ name: basename(file).replace(/\.csv$/i, ""), rows: parseCsv(readFileSync(file, "utf8")) }];
  throw new Error(`${file}: the preview opens .csv and .xlsx files`);
}

/** Adds the sheet after the others, as Sheets' import does ("name (2)" when the name is taken). */
export function addSheet(s: Standin, loaded: LoadedSheet, source: string): void {
  const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
  let name = loaded.name.slice(0, 90) || "Sheet";
  for (let n = 2; ss.getSheetByName(name); n++) name = `${loaded.name.slice(0, 85)} (${n})`;
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  const width = Math.max(1, ...loaded.rows.map((r) => r.length));
  const height = loaded.rows.length;
  if (!height) return;
  if (height > sheet.getMaxRows() || width > sheet.getMaxColumns())
    throw new Error(
      `${source}: "${loaded.name}" is larger than the preview's ${sheet.getMaxRows()}×${sheet.getMaxColumns()} sheet`,
    );
  const pad = <T>(rows: T[][], blank: T) => rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? blank));
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(pad(loaded.rows, "" as unknown));
  if (loaded.formats?.some((r) => r.some(Boolean))) range.setNumberFormats(pad(loaded.formats, ""));
}
