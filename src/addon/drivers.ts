/*
 * The goal seek's "write as targets" (the seek itself runs in the sidebar), and
 * taking the user to a KPI's row. Writing targets reads the table once (to
 * see it is still what the sidebar sought on) and makes one setValues per run
 * of consecutive rows (one for drivers that sit together, as leaves of one
 * parent do), touching no other cell.
 */
import { readTree } from "../core/layout";
import { cellText } from "../core/text";
import type { SeekWritten } from "../shared/api";
import { context, sheetOf, tableCells } from "./insights";

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
 * Writes the goal seek's values (seekPlan, run in the sidebar on the cells it
 * read) into the Target column: the sought values of the drivers and, for KPIs
 * between them and the KGI that state a target, what their children's targets
 * then give. If the table no longer holds the cells `read`, nothing is written.
 */
export function writeSeekTargets(
  sheetName: string,
  table: string,
  read: unknown,
  writes: { row: number; value: number }[],
): Pick<SeekWritten, "cells" | "writes"> {
  const c = context();
  const { values } = tableCells(c, sheetName, table);
  if (JSON.stringify(values) !== JSON.stringify(read)) throw new Error(c.t.seekChanged);
  const target = readTree(values).headers.target;
  const column = values[0].findIndex((h) => cellText(h) === target);
  if (target === undefined || column < 0) throw new Error(c.t.noTargetColumn);
  const all = Array.isArray(writes) ? writes : [];
  for (const w of all)
    if (!Number.isInteger(w?.row) || w.row < 2 || w.row > values.length || !Number.isFinite(w.value))
      throw new Error(c.t.notAKpi(Number(w?.row)));
  const range = sheetOf(c, sheetName).getRange(table);
  const sheet = range.getSheet();
  const groups = runs([...all].sort((a, b) => a.row - b.row));
  for (const g of groups)
    sheet
      .getRange(range.getRow() + g[0].row - 1, range.getColumn() + column, g.length, 1)
      .setValues(g.map((w) => [w.value]));
  return { cells: all.length, writes: groups.length };
}

/** Selects a KPI's row of the table (range row, 1 = the header), so the user sees it in the sheet. */
export function selectKpi(sheetName: string, table: string, row: number): void {
  const c = context();
  const range = c.ss.getSheetByName(sheetName)?.getRange(table);
  if (!range || !(row >= 2 && row <= range.getNumRows())) throw new Error(c.t.notAKpi(Number(row)));
  range.offset(row - 1, 0, 1, range.getNumColumns()).activate();
}
