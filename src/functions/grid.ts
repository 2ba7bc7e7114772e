import { fail } from "../core/errors";
import { type Cell, cellText, type Lang, toGrid } from "../core/text";
import { sheetLanguage } from "./locale";

export type Output = (number | string | null)[][] | number | string | null;

/** The cells of one element-wise call, and which row of the ranges they sit in (1-based), for error messages. */
export type ElementFn = (cells: Cell[], row: number) => number | string | null;

/**
 * Applies `fn` cell by cell over same-sized ranges; a single cell is used
 * everywhere (like Sheets' array arithmetic). Returns a scalar for scalar input.
 */
export function elementwise(lang: Lang, args: unknown[], fn: ElementFn): Output {
  const grids = args.map((a) => (a === undefined ? [[null]] : toGrid(a)));
  const big = grids.filter((g) => g.length * (g[0]?.length ?? 0) > 1);
  const rows = big[0]?.length ?? 1;
  const cols = big[0]?.[0]?.length ?? 1;
  for (const g of big)
    if (g.length !== rows || g[0].length !== cols)
      fail(lang, "badSize", {}, { sizes: big.map((x) => `${x.length}×${x[0].length}`).join(", ") });
  const out = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      fn(
        grids.map((g) => (big.includes(g) ? g[r][c] : g[0]?.[0])),
        r + 1,
      ),
    ),
  );
  return rows === 1 && cols === 1 ? out[0][0] : out;
}

/** Sheets shows an empty array as an error: give one blank cell instead. */
export function column(values: (number | string | null)[][]): Output {
  return values.length ? values : "";
}

export function optionalText(arg: unknown): string {
  return cellText(toGrid(arg)[0]?.[0]);
}

/**
 * The last guard on what a custom function returns: a number that is not
 * finite never reaches a cell. The core refuses overflow where it happens,
 * naming the KPI; this catches anything that slips through, naming the row of
 * the output (`firstRow` = the range row of its first line; null for one cell).
 */
export function finiteOutput(output: Output, firstRow: number | null): Output {
  const lines = Array.isArray(output) ? output : [[output]];
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r];
    for (let c = 0; c < line.length; c++)
      if (typeof line[c] === "number" && !Number.isFinite(line[c]))
        fail(sheetLanguage(), "tooLarge", firstRow === null ? {} : { row: firstRow + r });
  }
  return output;
}
