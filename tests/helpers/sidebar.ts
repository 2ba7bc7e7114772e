// Server calls as the sidebar makes them, on the stand-in: the sidebar's own work (laying a draft out,
// analysing a table) runs on this side with its language and thresholds from getSidebarState.
import type { Standin } from "../../dev/standin/index";
import { type SeekPlan, seekPlan } from "../../src/core/drivers";
import { sheetPlan } from "../../src/core/sheetPlan";
import type {
  Analysis,
  AnalysisData,
  SeekWritten,
  SidebarState,
  TableRead,
  TableReport,
  WhatIfResult,
} from "../../src/shared/api";
import { type Analysed, analysisOf, seekWrites, seekWritten, whatIfOf } from "../../src/sidebar/analysisData";
import { TEXT } from "../../src/sidebar/i18n";
import { checkedReport } from "../../src/sidebar/tableCheck";

const stateOf = (s: Standin) => s.run("getSidebarState") as SidebarState;

/** The wizard's Write: the draft laid out by sheetPlan, then the server's writeTree. */
export function writeTree(s: Standin, draft: unknown, layout?: unknown, options?: unknown): unknown {
  const state = stateOf(s);
  return s.run("writeTree", sheetPlan(draft, layout, options, state.lang, state.settings.thresholds));
}

/** The analysis panel: the server's analysisData, analysed as the sidebar does (with the tree its what-if uses). */
export function analysed(s: Standin, sheetName: string, table: string): Analysed {
  const state = stateOf(s);
  const data = s.run("analysisData", sheetName, table) as AnalysisData;
  return analysisOf(data, state.lang, state.settings.thresholds);
}

export function analyze(s: Standin, sheetName: string, table: string): Analysis {
  return analysed(s, sheetName, table).analysis;
}

/** The analysis panel's what-if, on a fresh read of the table. */
export function whatIf(
  s: Standin,
  sheetName: string,
  table: string,
  changes: { row: number; actual: number }[],
): WhatIfResult {
  const { tree } = analysed(s, sheetName, table);
  return whatIfOf(tree, changes, TEXT[stateOf(s).lang].whatIfRefused);
}

/** The goal seek as the sidebar runs it, on the analysed tree (drivers by range row; none: the KSF, else the leaves). */
export function seek(
  s: Standin,
  sheetName: string,
  table: string,
  drivers: number[],
): Analysed & { plans: SeekPlan[] } {
  const a = analysed(s, sheetName, table);
  return { ...a, plans: seekPlan(a.tree, drivers.length ? drivers : null) };
}

/** "Write as targets" as the sidebar sends it: the seek's writes and the cells it sought on. */
export function writeSeek(
  s: Standin,
  sheetName: string,
  table: string,
  sought: Analysed & { plans: SeekPlan[] },
): SeekWritten {
  const done = s.run("writeSeekTargets", sheetName, table, sought.read, seekWrites(sought.plans));
  return seekWritten(sought.plans, done as { cells: number; writes: number });
}

/** Check tree's Read: the server's detectTable, with the tree's problems the sidebar adds (checkedReport). */
export function detect(s: Standin): TableReport {
  return checkedReport(s.run("detectTable") as TableRead, stateOf(s).lang);
}
