// Server calls as the sidebar makes them, on the stand-in: the sidebar's own work (laying a draft out,
// analysing a table) runs on this side with its language and thresholds from getSidebarState.
import type { Standin } from "../../dev/standin/index";
import { sheetPlan } from "../../src/core/sheetPlan";
import type { Tree } from "../../src/core/tree";
import type { Analysis, AnalysisData, SidebarState, WhatIfResult } from "../../src/shared/api";
import { analysisOf, whatIfOf } from "../../src/sidebar/analysisData";
import { TEXT } from "../../src/sidebar/i18n";

const stateOf = (s: Standin) => s.run("getSidebarState") as SidebarState;

/** The wizard's Write: the draft laid out by sheetPlan, then the server's writeTree. */
export function writeTree(s: Standin, draft: unknown, layout?: unknown, options?: unknown): unknown {
  const state = stateOf(s);
  return s.run("writeTree", sheetPlan(draft, layout, options, state.lang, state.settings.thresholds));
}

/** The analysis panel: the server's analysisData, analysed as the sidebar does (with the tree its what-if uses). */
export function analysed(s: Standin, sheetName: string, table: string): { analysis: Analysis; tree: Tree } {
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
