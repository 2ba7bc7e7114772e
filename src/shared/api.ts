/*
 * What travels over google.script.run between the sidebar and the server:
 * the server functions the sidebar calls, and the plain data (JSON: no Date,
 * no functions) they take and give. Both sides import these types from here,
 * so the sidebar never imports the server's modules; src/main.ts checks that
 * the entry points implement ServerApi.
 */
import type { Draft } from "../core/draft";
import type { GapWaterfall, Sensitivity } from "../core/drivers";
import type { HealthReport, NodeSummary } from "../core/insights";
import type { Problem } from "../core/layout";
import type { Op } from "../core/operators";
import type { PeriodPlan } from "../core/periodBlock";
import type { ReviewCells } from "../core/review";
import type { Settings } from "../core/settings";
import type { SheetPlan } from "../core/sheetPlan";
import type { Status } from "../core/status";
import type { Lang } from "../core/text";
import type { HierarchyForm } from "../core/tree";
import type { KpiTrend } from "../core/trends";
import type { Direction } from "../core/value";

/** The view a menu item opens the sidebar on. */
export type View = "home" | "wizard" | "table" | "settings";

export interface SidebarState {
  settings: Settings;
  /** The language the sidebar speaks: the setting, else the account locale. */
  lang: Lang;
  locale: string;
}

export interface SavedSettings extends SidebarState {
  /** How many colour rules were refreshed. */
  rules: number;
  /** The language changed, so the sidebar was opened again (its title is set on opening) on the settings. */
  reopened: boolean;
}

export interface Recorded {
  /** The day recorded (yyyy-MM-dd, the spreadsheet's time zone). */
  date: string;
  /** How many KPIs. */
  rows: number;
  /** The table already had values for that day: the new ones replace them in the series. */
  replaced: boolean;
  /** How many days the table has values for, this one included. */
  days: number;
}

/** The wizard's optional additions to the new sheet. */
export interface WriteOptions {
  /** A period block: 12 months, 4 quarters or 13 weeks from a start month. */
  periods?: PeriodPlan | null;
  /** Review (頻度) and Updated (最終更新) columns. */
  review?: boolean;
}

export interface WriteResult {
  sheetName: string;
  /** The tree table (header included), e.g. A1:K9. */
  table: string;
  /** The function columns, e.g. L1:O9. */
  functions: string;
  nodes: number;
}

/**
 * What Check tree reads on the server (detectTable): where the table and its function columns are, and its cells.
 * The sidebar judges them (checkedReport) into a TableReport.
 */
export interface TableRead {
  sheetName: string;
  /** The tree range as read, header included (A1:H12). */
  table: string;
  /** The table's cells and formats, for the sidebar's checks (checkedReport). */
  cells: DiagramTable;
  /** Function columns already beside the table, if any (L1:O12). */
  functions: string | null;
  /** Where the function columns would be added (empty columns only, L1:O12): when the tree reads without errors. */
  planned: string | null;
  /**
   * Function columns earlier versions wrote, which one KPI_TREE can replace (addFunctionColumns does): true for
   * the four single-purpose columns (KPI_ROLLUP … KPI_STATUS), 4 or 3 (the executions per edit) for a period
   * sheet's year to date (KPI_TOTAL …); false when one formula was changed by hand (then left alone).
   */
  upgrade?: boolean | number;
}

/** Check tree's report as the sidebar shows it: what the server read, judged by the sidebar (checkedReport). */
export interface TableReport extends Omit<TableRead, "cells"> {
  /** The tree reads without errors: the functions can be added. */
  ok: boolean;
  /** Why it could not be read (the core's message: row, column and fix). */
  error?: string;
  /** What the tree holds, from here to `ksf`. */
  lang?: Lang;
  form?: HierarchyForm;
  nodes?: number;
  /** Levels, the KGI counting as 1. */
  depth?: number;
  roots?: { name: string; target: number | null; unit: string }[];
  ksf?: string[];
  /** Parents without an operator (each would stop the functions). */
  missingOps?: { row: number; name: string }[];
  /** Unit problems and targets that do not combine to their parent's. */
  warnings?: string[];
  /**
   * Everything the check found, each with its row, column, severity and
   * message (problem and fix): the reader's errors in reading order (the
   * first is what the functions would show), then the warnings.
   */
  problems: Problem[];
}

export interface AddResult {
  sheetName: string;
  /** The function columns (L1:O12), new or already there. */
  functions: string;
  added: boolean;
  /** Existing function formulas rewritten because the table grew or shrank (KPI rows added below it), or, where the report offered `upgrade`, replaced by one KPI_TREE. */
  updated: boolean;
  /** Conditional-format rules written. */
  rules: number;
}

export interface Analysis {
  sheetName: string;
  table: string;
  /** The language of the report's sentences (the user's). */
  lang: Lang;
  report: HealthReport;
  /** The leaves, in row order: the KPIs a what-if can change. */
  leaves: NodeSummary[];
  /**
   * Every KPI's trend, in tree order (each KGI before its KPIs): `points`
   * from the history sheet's snapshots (by day, oldest first), `periods` from
   * the table's period columns, rolled up. The sidebar runs the KPI check
   * (validateTrends) on them.
   */
  history: KpiTrend[];
  /** The Review and Updated cells, for the sidebar's review list (reviewList), and today (yyyy-mm-dd, the spreadsheet's zone). */
  review: ReviewCells & { today: string };
  /** Per KGI: its target → each KPI's share of the gap (KPI_GAP) → its actual. */
  waterfalls: GapWaterfall[];
  /** The leaves that move their KGI most per 1% (KPI_IMPACT), largest first. */
  sensitivity: Sensitivity[];
  /** The rows marked KSF: the goal seek's default drivers. */
  ksfRows: number[];
}

/** A table as the sidebar's analysis needs it: its cells and formats, its snapshots, today. */
export interface AnalysisData extends DiagramTable {
  sheetName: string;
  table: string;
  /** The history sheet's rows of this table (date, table, key, name, target, actual; dates as yyyy-mm-dd). */
  history: (string | number | boolean)[][];
  /** Today, yyyy-mm-dd, in the spreadsheet's time zone. */
  today: string;
}

/** What "write as targets" wrote. */
export interface SeekWritten {
  /** Target cells written. */
  cells: number;
  /** setValues calls: one per run of consecutive rows. */
  writes: number;
  /** Per KGI: its target and what its children's targets give now. */
  roots: { row: number; name: string; unit: string; goal: number; combined: number | null }[];
}

export interface WhatIfResult {
  /** Per KGI: rolled-up actual now and with the changes, and the achievement rates (direction-aware). */
  roots: {
    row: number;
    name: string;
    unit: string;
    target: number | null;
    before: number | null;
    after: number | null;
    rateBefore: number | null;
    rateAfter: number | null;
  }[];
}

/** One KPI as the tree diagram draws it: the same reading and figures as KPI_TREE. */
export interface DiagramNode {
  name: string;
  /** Index of the parent in the list, -1 for a KGI; parents come before their children (pre-order). */
  parent: number;
  /** How the children combine; null on leaves (and on a parent without an operator). */
  op: Op | null;
  unit: string;
  actual: number | null;
  target: number | null;
  required: number | null;
  rate: number | null;
  status: Status;
  ksf: boolean;
  owner: string;
  /** Higher or lower is better: how a required value rounds. */
  direction: Direction;
}

/** A table's cells for the diagram dialog (dates as the sheet shows them); the dialog reads the tree itself. */
export interface DiagramTable {
  values: (string | number | boolean)[][];
  /** Number formats of the same cells, where Sheets keeps units such as % and ¥. */
  formats: string[][];
}

/** What the dialog draws: the table the user is on (or the one the sidebar read), or the wizard's draft. */
export type DiagramSource =
  | { sheetName: string; table: string; functions: string | null }
  | { draft: Draft }
  | Record<string, never>;

/** The server functions the sidebar calls (src/addon/entrypoints.ts), with their arguments and results. */
export interface ServerApi {
  getSidebarState(): SidebarState;
  saveSettings(settings: Settings): SavedSettings;
  /** The wizard's tree as sheetPlan (src/core/sheetPlan.ts) lays it out: the sidebar checks and lays out, the server writes. */
  writeTree(plan: SheetPlan): WriteResult;
  detectTable(): TableRead;
  addFunctionColumns(sheetName: string, table: string, expected: string | null): AddResult;
  /** What the sidebar analyses (analysisOf, src/sidebar/analysisData.ts) and runs its what-if on. */
  analysisData(sheetName: string, table: string): AnalysisData;
  recordSnapshot(sheetName: string, table: string): Recorded;
  /** Writes the goal seek's values (seekPlan's writes, run in the sidebar) if the table still holds `read`. */
  writeSeekTargets(
    sheetName: string,
    table: string,
    read: AnalysisData["values"],
    writes: { row: number; value: number }[],
  ): Pick<SeekWritten, "cells" | "writes">;
  selectKpi(sheetName: string, table: string, row: number): void;
  showDiagram(source?: DiagramSource): void;
  /** The table's cells; with a PNG, inserts it and says how many earlier diagrams of the table it replaced. */
  diagram(sheetName: string, table: string, png?: string, row?: number, column?: number): DiagramTable | number;
}
