/*
 * The new sheet the wizard writes, worked out where the draft is edited (the
 * sidebar), as plain data the server writes block by block: the table's cells
 * (user text escaped), the row above a period sheet's table, number formats,
 * which rows are KGIs. Sheets loads the server's bundle for every
 * custom-function call, so it carries none of this: it adds only what depends
 * on the spreadsheet (today's date, a free sheet name, the function columns
 * and the status colours in the settings) — see src/addon/sheetWriter.ts.
 */
import {
  type Draft,
  type DraftTable,
  draftTable,
  evaluateDraft,
  normalizeDraft,
  parseLayout,
  type SheetLayout,
} from "./draft";
import { functionFormats, unitFormats } from "./format";
import { elapsedFormula, type PeriodPlan, parsePeriodPlan, periodSpecs, throughFormula } from "./periodBlock";
import type { Thresholds } from "./status";
import { asText, type Cell, type Lang } from "./text";
import type { Tree } from "./tree";
import { FUNCTION_HEADERS, YTD_HEADERS } from "./words";

/** Words of the new sheet and of the wizard's refusals, in Japanese and English. */
export const PLAN_TEXT = {
  ja: {
    sheetBase: "KPIツリー",
    draftErrors: "ツリーに直すところがあります: ",
    badLayout: "シートのレイアウトは「段ずらし」か「ID と親の列」を選んでください。",
    badPeriods: "期間の設定が読み取れません（月次・四半期・週次、開始月 yyyy-mm、重みは 0 以上で 1 つは正）。",
    asOfLabel: "基準日",
    throughLabel: "累計の対象",
    elapsedLabel: "経過",
    weightsLabel: "重み",
  },
  en: {
    sheetBase: "KPI tree",
    draftErrors: "The tree needs fixing first: ",
    badLayout: "Choose the sheet layout: indented or ID and parent columns.",
    badPeriods:
      "The period settings cannot be read (monthly, quarterly or weekly; a start month yyyy-mm; weights 0 or more, one of them positive).",
    asOfLabel: "As of",
    throughLabel: "YTD through",
    elapsedLabel: "Elapsed",
    weightsLabel: "Weights",
  },
} satisfies Record<Lang, Record<string, string>>;

/** Number formats of a block of cells: one for all, or one per cell. Sheet coordinates, 1-based. */
export interface FormatBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
  format: string | string[][];
}

export interface SheetPlan {
  /** The draft's language: the sheet's headers and its function columns. */
  lang: Lang;
  /** The new sheet's name, or its base when taken ("KPIツリー" → "KPIツリー (2)"). */
  base: string;
  /** Sheet row of the header: 2 on a period sheet (row 1 holds the as-of date), else 1. */
  top: number;
  /** Row 1 of a period sheet, its as-of cell left blank for today's date; null otherwise. */
  above: Cell[] | null;
  /** Index in `above` of the as-of date (B1), or null. */
  asOf: number | null;
  /** Header, then one row per KPI, user text escaped. */
  values: Cell[][];
  /** The function columns' headers, right of the table's: a period sheet's are the year to date's. */
  headers: string[];
  /** 0-based column of the Updated dates (each KPI reviewed today), or null. */
  updated: number | null;
  /** 1-based columns of the Target and Direction fields. */
  targetColumn: number;
  directionColumn: number;
  /** The table's columns and the first three function columns (rollup, required, achievement), by unit. */
  formats: FormatBlock[];
  /** Range rows (1 = the header) of the KGIs. */
  kgiRows: number[];
  /** Name columns: 1, or the outline's levels. */
  levels: number;
  outline: boolean;
  /** A period sheet's year-to-date columns: the as-of period's cell and the elapsed share's (actual-only periods). */
  ytd: { through: string; elapsed?: string } | null;
}

/** The wizard's options (a period block, the review columns); undefined when the period settings cannot be read. */
export function parseWriteOptions(input: unknown): { periods: PeriodPlan | null; review: boolean } | undefined {
  const raw = (input ?? {}) as { periods?: unknown; review?: unknown };
  const periods = parsePeriodPlan(raw.periods);
  return periods === undefined ? undefined : { periods, review: raw.review === true };
}

/** The rows to write: user text escaped, deadlines left as ISO dates for Sheets to read as dates. */
export function sheetValues(table: DraftTable): Cell[][] {
  const text = new Set(table.textColumns);
  // Period headers stay text: Sheets would read `2026年4月` or `Apr 2026` typed into a cell as a date.
  const period = table.periods?.first ?? table.width;
  return table.grid.map((row, r) =>
    row.map((cell, c) => ((r === 0 ? c >= period : text.has(c)) ? asText(cell) : cell)),
  );
}

/** The draft's tree, checked as the editor checks it: refused with the editor's errors, in the UI's language `lang`. */
function checkedTree(draft: Draft, lang: Lang, thresholds: Thresholds): Tree {
  const evaluation = evaluateDraft(draft, lang, thresholds);
  const errors = evaluation.issues.filter((i) => i.level === "error");
  if (errors.length || !evaluation.tree)
    throw new Error(PLAN_TEXT[lang].draftErrors + errors.map((e) => e.message).join(" "));
  return evaluation.tree;
}

/** The cell holding the as-of date on a period sheet (its label in A1), and where the year to date looks. */
const AS_OF = { index: 1, ref: "$B$1", through: "$D$1", elapsed: "$F$1" };

/**
 * The sheet for a wizard draft (see SheetPlan): refuses a layout, period
 * settings or a tree it cannot write with the reason in `lang` (the UI's),
 * before anything is written.
 */
export function sheetPlan(
  input: unknown,
  layoutInput: unknown,
  optionsInput: unknown,
  lang: Lang,
  thresholds: Thresholds,
): SheetPlan {
  const t = PLAN_TEXT[lang];
  const layout: SheetLayout | null = parseLayout(layoutInput);
  if (!layout) throw new Error(t.badLayout);
  const options = parseWriteOptions(optionsInput);
  if (!options) throw new Error(t.badPeriods);
  const draft = normalizeDraft(input);
  const tree = checkedTree(draft, lang, thresholds);
  // A period sheet keeps its first row for the as-of date (and the weights): the table starts below it.
  const top = options.periods ? 2 : 1;
  const table = draftTable(draft, layout, {
    periods: options.periods,
    review: options.review ? { asOf: "" } : null,
    top,
  });
  const above = table.periods ? aboveTable(table, draft.lang) : null;
  return {
    lang: draft.lang,
    base: PLAN_TEXT[draft.lang].sheetBase,
    top,
    above,
    asOf: above ? AS_OF.index : null,
    values: sheetValues(table),
    headers: [...(table.periods ? YTD_HEADERS : FUNCTION_HEADERS)[draft.lang]],
    updated: table.col.updated ?? null,
    targetColumn: table.col.target + 1,
    directionColumn: table.col.direction + 1,
    formats: formats(table, tree, top),
    kgiRows: tree.roots.map((i) => tree.nodes[i].row),
    levels: table.nameColumns.length,
    outline: layout === "outline",
    ytd: table.periods
      ? {
          through: AS_OF.through,
          elapsed: table.periods.plan.pairs ? undefined : AS_OF.elapsed,
        }
      : null,
  };
}

/**
 * The row above a period sheet's table: the as-of date (B1, blank here), the
 * period it falls in (D1, the year-to-date totals' `through`), for actual-only
 * periods the share of the year elapsed (F1), and with weights phasing the
 * weights over each period's target column (the row the user edits for seasonality).
 */
function aboveTable(table: DraftTable, lang: Lang): Cell[] {
  const t = PLAN_TEXT[lang];
  const block = table.periods as NonNullable<DraftTable["periods"]>;
  const specs = periodSpecs(block.plan, lang);
  const cells: Cell[] = [t.asOfLabel, "", t.throughLabel, throughFormula(specs, AS_OF.ref)];
  if (!block.plan.pairs) cells.push(t.elapsedLabel, elapsedFormula(specs, AS_OF.ref));
  if (block.plan.pairs && block.plan.phasing === "weights") {
    while (cells.length < block.first - 1) cells.push("");
    cells[block.first - 1] = t.weightsLabel;
    block.plan.weights.forEach((w, k) => {
      cells[block.first + 2 * k] = w;
      cells[block.first + 2 * k + 1] = "";
    });
  }
  return cells;
}

/**
 * Number formats: targets and actuals by unit (the period columns too),
 * deadlines and review dates as dates, rollup and required (or the
 * year-to-date totals) by unit, achievement as %.
 */
function formats(table: DraftTable, tree: Tree, top: number): FormatBlock[] {
  const { col } = table;
  const n = tree.nodes.length;
  const row = top + 1;
  const values = col.actual === undefined ? 1 : 2;
  const out: FormatBlock[] = [
    { row, column: col.target + 1, rows: n, columns: values, format: unitFormats(tree, values) },
    { row, column: col.deadline + 1, rows: n, columns: 1, format: "yyyy-mm-dd" },
  ];
  if (col.updated !== undefined) out.push({ row, column: col.updated + 1, rows: n, columns: 1, format: "yyyy-mm-dd" });
  if (table.periods) {
    const width = table.periods.headers.length;
    out.push({ row, column: table.periods.first + 1, rows: n, columns: width, format: unitFormats(tree, width) });
    out.push({ row: 1, column: AS_OF.index + 1, rows: 1, columns: 1, format: "yyyy-mm-dd" });
  }
  out.push({ row, column: table.width + 1, rows: n, columns: 3, format: functionFormats(tree) });
  return out;
}
