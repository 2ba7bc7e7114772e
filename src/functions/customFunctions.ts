/*
 * The custom functions users type in cells. Each JSDoc block is copied into
 * dist/ above a top-level declaration, so it is what Sheets shows in
 * autocomplete: keep @param names, @return and @customfunction.
 */
import { sheetLanguage } from "../addon/locale";
import { checkColumn } from "../core/check";
import { fail } from "../core/errors";
import { gaps } from "../core/gap";
import { impacts } from "../core/impact";
import { readTree } from "../core/layout";
import { required } from "../core/required";
import { rollup } from "../core/rollup";
import { seek, seekColumn } from "../core/seek";
import { achievement, DEFAULT_THRESHOLDS, STATUS_LABEL, statusOf, type Thresholds } from "../core/status";
import { type Cell, cellText, isBlank, type Lang, normalizeKey, toGrid } from "../core/text";
import { toColumn } from "../core/tree";
import { parseDirection, parseNumber } from "../core/value";
import { column, elementwise, type Output, optionalNumber, optionalText } from "./grid";

const FIELD_WORDS: Record<string, "actual" | "target"> = {
  actual: "actual",
  result: "actual",
  実績: "actual",
  実績値: "actual",
  target: "target",
  goal: "target",
  目標: "target",
  目標値: "target",
};

/**
 * Rolls a KPI tree up from its leaves: each parent is computed from its children by its operator (+ × − ÷ avg min max).
 *
 * @param {A1:H30} tree The KPI table with its header row: Name, Parent (or Level, or KGI/KPI1/KPI2 outline columns), Op, Target, Actual.
 * @param {"actual"} field Optional. "actual" (default) or "target".
 * @return One value per row of the table, blank for blank rows.
 * @customfunction
 */
export function KPI_ROLLUP(tree: unknown, field?: unknown): Output {
  const t = readTree(tree);
  const text = optionalText(field);
  const measure = text ? FIELD_WORDS[normalizeKey(text)] : "actual";
  if (!measure) fail(t.lang, "badField", {}, { text });
  return column(toColumn(t, rollup(t, measure)));
}

/**
 * What each KPI must reach for its KGI to hit its target, solved top-down, holding every other KPI at its plan (e.g. 100 orders ÷ 20% close rate = 500 meetings).
 *
 * @param {A1:H30} tree The KPI table with its header row: Name, Parent (or Level, or outline columns), Op, Target, Actual.
 * @param {120000000} goal Optional. A goal for the KGI instead of its target (single-tree ranges only). Text such as "1.2億" is read too.
 * @return One required value per row of the table.
 * @customfunction
 */
export function KPI_REQUIRED(tree: unknown, goal?: unknown): Output {
  const t = readTree(tree);
  return column(toColumn(t, required(t, optionalNumber(t.lang, goal))));
}

/** Argument names as errors show them: "Row 3, column "actual": …" (the row within the given range). */
const ARGUMENT = {
  en: { actual: "actual", target: "target", direction: "direction" },
  ja: { actual: "実績", target: "目標", direction: "方向" },
};

/** Achievement of one cell triple; `row` is the row within the ranges, for the error message. */
function rateOf(lang: Lang, [actual, target, direction]: Cell[], row: number): number | null {
  const names = ARGUMENT[lang];
  const a = parseNumber(actual);
  const t = parseNumber(target);
  if (!a) fail(lang, "badNumber", { row, column: names.actual }, { text: cellText(actual) });
  if (!t) fail(lang, "badNumber", { row, column: names.target }, { text: cellText(target) });
  const stated = parseDirection(direction);
  if (stated === undefined) fail(lang, "badDirection", { row, column: names.direction }, { text: cellText(direction) });
  return achievement(a.value, t.value, stated ?? t.direction ?? "higher");
}

/**
 * Achievement rate (1 = 100%) of actual against target, cell by cell. Lower-is-better KPIs (direction "lower", or a target like "3%以下") score 2 − actual ÷ target. A zero target scores 100% when met, else 0%. Blank when a value is missing.
 *
 * @param {C2:C30} actual The actual values (a range or one cell).
 * @param {B2:B30} target The target values, same size or one cell.
 * @param {"higher"} direction Optional. "higher" (default) or "lower", per cell or one for all.
 * @return The achievement rate per cell; format the column as %.
 * @customfunction
 */
export function KPI_ACHIEVEMENT(actual: unknown, target: unknown, direction?: unknown): Output {
  const lang = sheetLanguage();
  return elementwise(lang, [actual, target, direction], (cells, row) => rateOf(lang, cells, row));
}

function readThresholds(lang: Lang, arg: unknown): Thresholds {
  if (arg === undefined || arg === "") return DEFAULT_THRESHOLDS;
  const cells = toGrid(arg).flat();
  const rates = cells.map((c) => parseNumber(c)?.value);
  const [achieved, atRisk = DEFAULT_THRESHOLDS.atRisk] = rates;
  if (cells.length > 2 || typeof achieved !== "number" || typeof atRisk !== "number" || atRisk > achieved)
    fail(lang, "badThresholds", {}, { text: cells.map(String).join(", ") });
  return { achieved, atRisk };
}

/**
 * Status word per cell: Achieved (≥ 100% by default), At risk (≥ 80%), Off track, or No data; in the spreadsheet's language (達成 / 要注意 / 未達 / データなし).
 *
 * @param {C2:C30} actual The actual values (a range or one cell).
 * @param {B2:B30} target The target values, same size or one cell.
 * @param {"higher"} direction Optional. "higher" (default) or "lower", per cell or one for all.
 * @param {F1:G1} thresholds Optional. Two rates: achieved from, at risk from. Default 100% and 80%; OKR teams use 70% and 40%.
 * @param {"ja"} language Optional. "ja" or "en"; default the spreadsheet's locale.
 * @return A status word per cell; blank where both actual and target are blank.
 * @customfunction
 */
export function KPI_STATUS(
  actual: unknown,
  target: unknown,
  direction?: unknown,
  thresholds?: unknown,
  language?: unknown,
): Output {
  const chosen = optionalText(language).toLowerCase();
  const lang: Lang = chosen.startsWith("ja") ? "ja" : chosen.startsWith("en") ? "en" : sheetLanguage();
  const limits = readThresholds(lang, thresholds);
  return elementwise(
    lang,
    [actual, target, direction],
    // A row with neither actual nor target holds no KPI (a spare row under a spilled column): leave it blank.
    (cells, row) =>
      isBlank(cells[0]) && isBlank(cells[1]) ? null : STATUS_LABEL[lang][statusOf(rateOf(lang, cells, row), limits)],
  );
}

/**
 * Health check: for each parent, whether its own target equals what its children's targets combine to. Blank where there is nothing to check.
 *
 * @param {A1:H30} tree The KPI table with its header row.
 * @param {0.001} tolerance Optional. Relative difference still counted as OK (default 0.1%).
 * @return "OK", or what the children give and the gap, per row.
 * @customfunction
 */
export function KPI_CHECK(tree: unknown, tolerance?: unknown): Output {
  const t = readTree(tree);
  const tol = parseNumber(toGrid(tolerance)[0]?.[0] ?? null)?.value ?? 0.001;
  return column(toColumn(t, checkColumn(t, tol)));
}

/**
 * Sensitivity: the % change of the KGI when each KPI rises 1%, the others held at their actuals (1% for every factor of a product; a sum's share for an addend).
 *
 * @param {A1:H30} tree The KPI table with its header row.
 * @return One rate per row (0.01 = the KGI moves 1%); format the column as %.
 * @customfunction
 */
export function KPI_IMPACT(tree: unknown): Output {
  const t = readTree(tree);
  return column(toColumn(t, impacts(t)));
}

/**
 * Gap attribution: each KPI's share of its KGI's gap (actual − target), in the KGI's unit. The leaves add up to the whole gap; a parent shows the sum of its subtree.
 *
 * @param {A1:H30} tree The KPI table with its header row.
 * @return One share per row, in the KGI's unit (negative = a shortfall).
 * @customfunction
 */
export function KPI_GAP(tree: unknown): Output {
  const t = readTree(tree);
  return column(toColumn(t, gaps(t)));
}

/**
 * Goal seek over several KPIs: the value each driver must reach for the KGI to hit its target (or goal) when all drivers improve by the same percentage; the KGI's row shows that percentage.
 *
 * @param {A1:H30} tree The KPI table with its header row.
 * @param {20000000} goal Optional. A goal for the KGI instead of its target (single-tree ranges only).
 * @param {J2:J4} drivers Optional. Names or IDs of the KPIs to move; default the KSF-marked KPIs, else all leaves.
 * @return Each driver's new value, the common improvement in the KGI's row (0.06 = +6%), blank elsewhere.
 * @customfunction
 */
export function KPI_SEEK(tree: unknown, goal?: unknown, drivers?: unknown): Output {
  const t = readTree(tree);
  const keys = drivers === undefined ? [] : toGrid(drivers).flat().map(cellText).filter(Boolean);
  return column(toColumn(t, seekColumn(seek(t, optionalNumber(t.lang, goal), keys.length ? keys : undefined))));
}
