/*
 * The function columns placed beside a tree table: one formula each, in the
 * first data row, whose result spills down the column (one array formula
 * instead of a formula per row). Pure strings, written from the registry's
 * declarations (`formula`) and recognised by them again (`columnFunction`);
 * shared by the sheet writer and by "add the function columns" on an
 * existing table.
 */
import { a1, columnLetter, formulaNumber } from "../core/rules";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../core/status";
import type { Lang } from "../core/text";
import { FUNCTION_HEADERS } from "../core/words";
import { KPI_ACHIEVEMENT, KPI_REQUIRED, KPI_ROLLUP, KPI_STATUS, KPI_TOTAL, KPI_TREE } from "./customFunctions";
import { type CustomFunction, type FormulaArgs, formula, type ParamSpec, parseCall } from "./registry";

/** Where a tree table sits, 1-based sheet coordinates; the header is row `top`. */
export interface TableGeometry {
  top: number;
  left: number;
  /** Rows including the header. */
  height: number;
  width: number;
  /** Absolute columns of the target and direction fields, when the table has them. */
  targetColumn?: number;
  directionColumn?: number;
}

export interface FunctionColumns {
  /** First function column (1-based). */
  column: number;
  headers: string[];
  /** One formula per column, for the first data row. */
  formulas: string[];
  /** Column of the achievement rate, if there is one (needs a target column). */
  rateColumn: number | null;
  /** Ranges the status colours cover: the achievement and status cells. */
  colorRanges: string[];
  /** Condition (for the first data row) true on rows that hold something. */
  present: string;
}

/** The thresholds as a formula literal: `{0.7,0.4}`. */
function thresholdsArg(t: Thresholds): string {
  return `{${formulaNumber(t.achieved)},${formulaNumber(t.atRisk)}}`;
}

/**
 * The functions the add-on writes beside a table: KPI_TREE alone (one call
 * filling the four columns), or the single-purpose ones, one per column; and
 * KPI_TOTAL, which began an older period sheet's year-to-date block.
 */
export const COLUMN_FUNCTIONS: readonly CustomFunction[] = [
  KPI_TREE,
  KPI_ROLLUP,
  KPI_REQUIRED,
  KPI_ACHIEVEMENT,
  KPI_STATUS,
  KPI_TOTAL,
];

/** KPI_TREE's columns, left to right: rollup, required, achievement, status (as FUNCTION_HEADERS). */
export const TREE_WIDTH = 4;
const TREE_RATE = 2;

/**
 * The function block whose first formula is `formulas[start]` (a first data
 * row's formulas): how many columns it covers and where its achievement
 * column is (offset from `start`), or null when no column function starts there.
 * Four columns for KPI_TREE and for the year to date the wizard wrote before it
 * (KPI_TOTAL, KPI_TOTAL or an ARRAYFORMULA, KPI_ACHIEVEMENT, KPI_STATUS); a
 * KPI_TOTAL not followed so is the user's own.
 */
export function functionBlock(
  formulas: readonly string[],
  start: number,
): { count: number; rate: number | null; oneCall: boolean } | null {
  const fn = (k: number) => columnFunction(formulas[start + k] ?? "")?.fn;
  const first = fn(0);
  if (first === KPI_TREE || (first === KPI_TOTAL && fn(2) === KPI_ACHIEVEMENT))
    return { count: TREE_WIDTH, rate: TREE_RATE, oneCall: first === KPI_TREE };
  let count = 0;
  let rate: number | null = null;
  for (let f = first; f && f !== KPI_TREE && f !== KPI_TOTAL; f = fn(++count)) if (f === KPI_ACHIEVEMENT) rate = count;
  return count ? { count, rate, oneCall: false } : null;
}

/**
 * Which of the add-on's column functions a formula calls, with its argument
 * texts by parameter name: `=KPI_ROLLUP(A1:H9)` → KPI_ROLLUP, { tree: "A1:H9" }.
 * Null for any other formula (the user's own).
 */
export function columnFunction(text: string): { fn: CustomFunction; args: Record<string, string> } | null {
  const call = parseCall(text);
  const fn = call && COLUMN_FUNCTIONS.find((f) => f.spec.name === call.name);
  if (!call || !fn) return null;
  const args: Record<string, string> = {};
  fn.spec.params.forEach((p, i) => {
    if (call.args[i] !== undefined) args[p.name] = call.args[i];
  });
  return { fn, args };
}

/**
 * The formulas for a table at `g`, with the function columns starting at
 * `column`: by default one KPI_TREE call in the first data row, spilling
 * rollup, required, achievement and status over four columns (one custom
 * function execution per recalculation); with `oneCall` false, one
 * single-purpose function per column: rollup and required always,
 * achievement and status when the table has a target column. Status words are
 * in `lang` with `thresholds`, matching the colour rules. `formulas` has one
 * entry per column, "" where the block spills. On a period sheet KPI_TREE's
 * `total` (the as-of period's cell, `$D$1`) and, with actual-only periods,
 * `share` (the share of the year elapsed, `$F$1`) make its columns the year
 * to date; the status colours then follow that achievement. With `oneCall`
 * false they give that year to date as earlier versions wrote it, which Check
 * tree replaces (ytdBefore).
 */
export function functionColumns(
  g: TableGeometry,
  column: number,
  lang: Lang,
  thresholds: Thresholds,
  oneCall = true,
  total?: string,
  share?: string,
  rates?: readonly boolean[],
): FunctionColumns {
  const first = g.top + 1;
  const last = g.top + g.height - 1;
  const table = a1(g.top, g.left, g.height, g.width);
  const col = (c: number) => `${columnLetter(c)}${first}:${columnLetter(c)}${last}`;
  const status = { thresholds: thresholdsArg(thresholds), language: `"${lang}"` };
  const formulas = oneCall
    ? [formula(KPI_TREE, { tree: table, ...status, total, share }), "", "", ""]
    : [formula(KPI_ROLLUP, { tree: table }), formula(KPI_REQUIRED, { tree: table })];
  if (!oneCall && g.targetColumn !== undefined) {
    const actual = col(column);
    const annual = col(g.targetColumn);
    const direction = g.directionColumn !== undefined ? col(g.directionColumn) : '""';
    if (total) formulas.splice(0, 2, ...ytdBefore(table, annual, total, share, rates));
    const target = total ? col(column + 1) : annual;
    // With the table as `tree`, a middle KPI without a target is judged against its rolled-up target, as KPI_TREE does.
    const tree = total ? undefined : table;
    formulas.push(formula(KPI_ACHIEVEMENT, { actual, target, direction, tree }));
    formulas.push(formula(KPI_STATUS, { actual, target, direction, ...status, tree }));
  }
  const rateColumn = formulas.length > TREE_RATE ? column + TREE_RATE : null;
  return {
    column,
    headers: FUNCTION_HEADERS[lang].slice(0, formulas.length),
    formulas,
    rateColumn,
    colorRanges: rateColumn === null ? [] : [a1(first, rateColumn, Math.max(1, last - first + 1), 2)],
    present: presentFormula(g),
  };
}

/**
 * A period sheet's year to date as the wizard wrote it before
 * KPI_TREE took `total` and `share` (four custom-function executions per edit,
 * three with actual-only periods): KPI_TOTAL of the actuals through the as-of
 * period (`through`), then KPI_TOTAL of the targets or, with actual-only
 * periods, an ARRAYFORMULA of the `annual` targets × the share elapsed, each
 * row's rate (`rates`, see rateKpis) as it is; then the achievement and status
 * of those two columns, without the table.
 */
function ytdBefore(table: string, annual: string, through: string, share?: string, rates?: readonly boolean[]) {
  const sum = (field: string) => formula(KPI_TOTAL, { tree: table, field, through });
  const flags = rates?.map(Number).join(";");
  return [
    sum('"actual"'),
    share ? `=ARRAYFORMULA(IF(${annual}="","",${annual}*IF({${flags}}=1,1,${share})))` : sum('"target"'),
  ];
}

/** Condition (for the first data row) true on rows that hold something: `COUNTA($A2:$K2)>0`. */
export function presentFormula(g: TableGeometry): string {
  const first = g.top + 1;
  return `COUNTA($${columnLetter(g.left)}${first}:$${columnLetter(g.left + g.width - 1)}${first})>0`;
}

/**
 * A status formula written with the thresholds `from` (the settings it was
 * written with), given the thresholds `to`: `=KPI_STATUS(…,{1,0.8},"ja")` →
 * `=KPI_STATUS(…,{0.7,0.4},"ja")`, so the status words keep saying what the
 * colour rules show (KPI_TREE calls likewise). Null when `text` is not a KPI_STATUS or KPI_TREE call or holds other
 * thresholds than `from` (the user's own: a cell reference, other rates).
 */
export function statusWithThresholds(text: string, from: Thresholds, to: Thresholds): string | null {
  const call = columnFunction(text);
  if (call?.fn !== KPI_STATUS && call?.fn !== KPI_TREE) return null;
  const written = call.args.thresholds?.replace(/\s/g, "") || thresholdsArg(DEFAULT_THRESHOLDS);
  if (written !== thresholdsArg(from)) return null;
  const args = { ...call.args, thresholds: thresholdsArg(to) };
  // Both take thresholds by that name: the same arguments, new thresholds.
  return formula(call.fn, args as FormulaArgs<readonly ParamSpec[]>);
}

/** `$N2`: the achievement cell of the first data row, column fixed, row relative. */
export function rateRef(rateColumn: number, firstRow: number): string {
  return `$${columnLetter(rateColumn)}${firstRow}`;
}

// Number formats by unit live with the one number rule (the sidebar lays out new sheets with them too).
export { unitFormats } from "../core/format";
