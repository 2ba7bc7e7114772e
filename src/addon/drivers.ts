/*
 * Goal seek from the sidebar, and taking the user to a KPI's row. Reading is
 * one getValues (readTable); writing targets is one setValues per run of
 * consecutive rows (one for drivers that sit together, as leaves of one
 * parent do), touching no other cell.
 */
import { type SeekPlan, seekPlan } from "../core/drivers";
import { cellText } from "../core/text";
import type { SeekWritten } from "../shared/api";
import { context, readTable } from "./insights";

/** The common improvement and new values for the chosen drivers (range rows; none: the KSF, else the leaves). */
export function seekTable(sheetName: string, table: string, drivers: number[]): SeekPlan[] {
  const c = context();
  return seekPlan(readTable(c, sheetName, table), drivers?.length ? drivers : null);
}

/** Consecutive rows grouped, each run written with one call. */
function runs(writes: { row: number; value: number }[]): { row: number; value: number }[][] {
  const out: { row: number; value: number }[][] = [];
  for (const w of writes) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1].row === w.row - 1) last.push(w);
    else out.push([w]);
  }
  return out;
}

/**
 * Writes the sought values into the Target column (and, for KPIs between the
 * drivers and the KGI that state a target, what their children's targets then
 * give). `rates` are the common improvements the user confirmed: if the table
 * changed since, they differ and nothing is written.
 */
export function writeSeekTargets(sheetName: string, table: string, drivers: number[], rates: number[]): SeekWritten {
  const c = context();
  const tree = readTable(c, sheetName, table);
  const plans = seekPlan(tree, drivers?.length ? drivers : null);
  const same = plans.length === rates?.length && plans.every((p, k) => Math.abs(p.rate - rates[k]) <= 1e-9);
  if (!same) throw new Error(c.t.seekChanged);
  const range = c.ss.getSheetByName(sheetName)?.getRange(table);
  const header = range?.getValues()[0] ?? [];
  const column = header.findIndex((h) => cellText(h) === tree.headers.target);
  if (!range || tree.headers.target === undefined || column < 0) throw new Error(c.t.noTargetColumn);
  const sheet = range.getSheet();
  const all = plans.flatMap((p) => p.writes).sort((a, b) => a.row - b.row);
  const groups = runs(all);
  for (const g of groups)
    sheet
      .getRange(range.getRow() + g[0].row - 1, range.getColumn() + column, g.length, 1)
      .setValues(g.map((w) => [w.value]));
  return {
    cells: all.length,
    writes: groups.length,
    roots: plans.map((p) => ({ row: p.row, name: p.name, unit: p.unit, goal: p.goal, combined: p.combined })),
  };
}

/** Selects a KPI's row of the table (range row, 1 = the header), so the user sees it in the sheet. */
export function selectKpi(sheetName: string, table: string, row: number): void {
  const c = context();
  const range = c.ss.getSheetByName(sheetName)?.getRange(table);
  if (!range || !(row >= 2 && row <= range.getNumRows())) throw new Error(c.t.notAKpi(Number(row)));
  range.offset(row - 1, 0, 1, range.getNumColumns()).activate();
}
