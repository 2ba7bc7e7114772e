/*
 * The custom functions users type in cells: the registry. Each is ONE
 * declaration, `customFunction(spec, implementation)`, whose spec (name,
 * parameters, output shape, help) becomes the JSDoc Sheets shows in
 * autocomplete (scripts/build.mjs), the stand-in's registration, and the
 * formulas the add-on writes (columns.ts). CUSTOM_FUNCTIONS lists them all.
 */
import { checkColumn, TARGET_TOLERANCE } from "../core/check";
import { fail } from "../core/errors";
import { requiredAmounts } from "../core/format";
import { gaps } from "../core/gap";
import { impacts } from "../core/impact";
import { readTree } from "../core/layout";
import { elapsed, forecast, readDay } from "../core/pace";
import { fieldValues, findPeriod, type Measure, measureOf } from "../core/periods";
import { rateKpis } from "../core/phasing";
import { needed, planned } from "../core/required";
import { rolled, rollup } from "../core/rollup";
import { resolveDrivers, seek, seekColumn } from "../core/seek";
import { achievement, DEFAULT_THRESHOLDS, type Status, statusOf, type Thresholds } from "../core/status";
import { type Cell, cellText, isBlank, type Lang, toGrid } from "../core/text";
import { totals } from "../core/total";
import { frameOf, outputIndex, type Tree, toColumn, toColumns } from "../core/tree";
import { judgedTargets, viewColumns } from "../core/treeView";
import { parseDirection, parseNumber, requireNumber } from "../core/value";
import { HEADER, STATUS_LABEL } from "../core/words";
import { column, elementwise, optionalText } from "./grid";
import { sheetLanguage } from "./locale";
import { customFunction } from "./registry";

const TREE = {
  name: "tree",
  example: "A1:H30",
  help: "The KPI table with its header row: Name, Parent (or Level, or KGI/KPI1/KPI2 outline columns), Op, Target, Actual.",
} as const;
const ACTUAL = { name: "actual", example: "C2:C30", help: "The actual values (a range or one cell)." } as const;
const TARGET = { name: "target", example: "B2:B30", help: "The target values, same size or one cell." } as const;
const DIRECTION = {
  name: "direction",
  optional: true,
  example: '"higher"',
  help: '"higher" (default) or "lower", per cell or one for all.',
} as const;
const PER_CELL = { kind: "elementwise", over: ["actual", "target", "direction"] } as const;
const IN_TREE = {
  name: "tree",
  optional: true,
  example: "A1:H30",
  help: "The KPI table the rows belong to, header row included: a KPI without a target of its own is then judged against the target its children roll up to, as KPI_TREE judges it.",
} as const;

/**
 * The actual, target and direction cells of a column of KPIs as KPI_TREE
 * judges them, when `tree` (the whole table, one data row per row of the
 * ranges) is given: a target that reads as no value becomes the target the
 * KPI is judged against (judgedTargets: a parent's rolled-up target), a blank
 * direction the KPI's own. Without a tree, the cells as given.
 */
function asInTree(lang: Lang, [actual, target, direction]: unknown[], tree: unknown): unknown[] {
  if (tree === undefined) return [actual, target, direction];
  const t = readTree(tree);
  const targets = toGrid(target).map((row) => row.slice());
  if (targets.length !== t.rowCount || targets[0].length !== 1)
    fail(lang, "badSize", {}, { sizes: `${targets.length}×${targets[0].length}, ${t.rowCount}×1` });
  const one = direction === undefined ? "" : toGrid(direction);
  const directions = targets.map((_, r) => [Array.isArray(one) ? (one[r] ?? one[0])[0] : one]);
  const judged = judgedTargets(t);
  for (const node of t.nodes) {
    const r = outputIndex(node);
    if (parseNumber(targets[r][0])?.value === null) targets[r][0] = judged[node.index];
    if (isBlank(directions[r][0])) directions[r][0] = node.direction;
  }
  return [actual, targets, directions];
}

export const KPI_ROLLUP = customFunction(
  {
    name: "KPI_ROLLUP",
    summary:
      "Rolls a KPI tree up from its leaves: each parent is computed from its children by its operator (+ × − ÷ avg min max).",
    params: [
      TREE,
      {
        name: "field",
        optional: true,
        example: '"actual"',
        help: '"actual" (default), "target", or a period header as written in the table ("5月", "5月目標", "2026-05").',
      },
    ],
    returns: "One value per row of the table, blank for blank rows.",
    shape: { kind: "column" },
  },
  (tree, field) => {
    const t = readTree(tree);
    const text = optionalText(field);
    // The column's header words name the field ("actual", "実績", "goal", "目標値"…), or a period header ("5月").
    const values = fieldValues(t.periods, text);
    if (values === undefined) fail(t.lang, "badField", {}, { text });
    return column(toColumn(t, rolled(frameOf(t), values)));
  },
);

/** The goal argument as errors name it. */
const GOAL = { en: "goal", ja: "目標値" };

/** An optional goal for the KGI: null when left out or blank; "TBD" as a goal is not "no goal", so it is refused. */
function readGoal(lang: Lang, goal: unknown): number | null {
  const goalCell = toGrid(goal)[0]?.[0];
  if (goal === undefined || goalCell === "" || goalCell === null || goalCell === undefined) return null;
  const value = requireNumber(lang, goalCell, { column: GOAL[lang] }).value;
  if (value === null) fail(lang, "badNumber", { column: GOAL[lang] }, { text: cellText(goalCell) });
  return value;
}

export const KPI_REQUIRED = customFunction(
  {
    name: "KPI_REQUIRED",
    summary:
      "What each KPI must reach for its KGI to hit its target, solved top-down, holding every other KPI at its plan (e.g. 100 orders ÷ 20% close rate = 500 meetings).",
    params: [
      TREE,
      {
        name: "goal",
        optional: true,
        example: "120000000",
        help: 'A goal for the KGI instead of its target (single-tree ranges only). Text such as "1.2億" is read too.',
      },
    ],
    returns: "One required value per row of the table.",
    shape: { kind: "column" },
  },
  (tree, goal) => {
    const t = readTree(tree);
    const f = frameOf(t);
    return column(toColumn(t, requiredAmounts(f, needed(f, readGoal(t.lang, goal), planned(f)))));
  },
);

/**
 * An argument as errors name it, "Row 3, column "actual": …" (the row within
 * the given range): the parameter's name, or in Japanese its column's header.
 */
function argumentName(lang: Lang, param: "actual" | "target" | "direction"): string {
  return lang === "ja" ? HEADER.ja[param] : param;
}

/**
 * Achievement of one cell triple against `share` of the target (KPI_PACE's
 * expected-to-date value; 1 = the whole target); `row` is the row within the
 * ranges, for the error message.
 */
function rateOf(lang: Lang, [actual, target, direction]: Cell[], row: number, share = 1): number | null {
  const a = requireNumber(lang, actual, { row, column: argumentName(lang, "actual") });
  const t = requireNumber(lang, target, { row, column: argumentName(lang, "target") });
  const stated = parseDirection(direction);
  if (stated === undefined)
    fail(lang, "badDirection", { row, column: argumentName(lang, "direction") }, { text: cellText(direction) });
  return achievement(a.value, t.value === null ? null : t.value * share, stated ?? t.direction ?? "higher");
}

export const KPI_ACHIEVEMENT = customFunction(
  {
    name: "KPI_ACHIEVEMENT",
    summary:
      'Achievement rate (1 = 100%) of actual against target, cell by cell. Lower-is-better KPIs (direction "lower", or a target like "3%以下") score 2 − actual ÷ target. A zero target scores 100% when met, else 0%. Blank when a value is missing.',
    params: [ACTUAL, TARGET, DIRECTION, IN_TREE],
    returns: "The achievement rate per cell; format the column as %.",
    shape: PER_CELL,
  },
  (actual, target, direction, tree) => {
    const lang = sheetLanguage();
    return elementwise(lang, asInTree(lang, [actual, target, direction], tree), (cells, row) =>
      rateOf(lang, cells, row),
    );
  },
);

function readThresholds(lang: Lang, arg: unknown): Thresholds {
  if (arg === undefined || arg === "") return DEFAULT_THRESHOLDS;
  const cells = toGrid(arg).flat();
  const rates = cells.map((c) => parseNumber(c)?.value);
  const [achieved, atRisk = DEFAULT_THRESHOLDS.atRisk] = rates;
  if (cells.length > 2 || typeof achieved !== "number" || typeof atRisk !== "number" || atRisk < 0 || atRisk > achieved)
    fail(lang, "badThresholds", {}, { text: cells.map(cellText).join(", ") });
  return { achieved, atRisk };
}

/** The language of status words: "ja" or "en" as given, else the spreadsheet's. */
function statusLanguage(language: unknown): Lang {
  const chosen = optionalText(language).toLowerCase();
  return chosen.startsWith("ja") ? "ja" : chosen.startsWith("en") ? "en" : sheetLanguage();
}

const THRESHOLDS = {
  name: "thresholds",
  optional: true,
  example: "F1:G1",
  help: "Two rates: achieved from, at risk from. Default 100% and 80%; OKR teams use 70% and 40%.",
} as const;
const LANGUAGE = {
  name: "language",
  optional: true,
  example: '"ja"',
  help: '"ja" or "en"; default the spreadsheet\'s locale.',
} as const;

export const KPI_STATUS = customFunction(
  {
    name: "KPI_STATUS",
    summary:
      "Status word per cell: Achieved (≥ 100% by default), At risk (≥ 80%), Off track, or No data; in the spreadsheet's language (達成 / 要注意 / 未達 / データなし).",
    params: [ACTUAL, TARGET, DIRECTION, THRESHOLDS, LANGUAGE, IN_TREE],
    returns: "A status word per cell; blank where both actual and target are blank.",
    shape: PER_CELL,
  },
  (actual, target, direction, thresholds, language, tree) => {
    const lang = statusLanguage(language);
    const limits = readThresholds(lang, thresholds);
    return elementwise(
      lang,
      asInTree(lang, [actual, target, direction], tree),
      // A row with neither actual nor target holds no KPI (a spare row under a spilled column): leave it blank.
      (cells, row) =>
        isBlank(cells[0]) && isBlank(cells[1]) ? null : STATUS_LABEL[lang][statusOf(rateOf(lang, cells, row), limits)],
    );
  },
);

/** KPI_CHECK's tolerance: a relative difference, 0 ≤ tolerance < 1 (text such as "0.1%" is read); blank for 0.1%. */
function readTolerance(lang: Lang, arg: unknown): number {
  const cell = toGrid(arg)[0]?.[0] ?? null;
  if (isBlank(cell)) return TARGET_TOLERANCE;
  const tol = parseNumber(cell)?.value;
  if (typeof tol !== "number" || tol < 0 || tol >= 1) fail(lang, "badTolerance", {}, { text: cellText(cell) });
  return tol;
}

export const KPI_CHECK = customFunction(
  {
    name: "KPI_CHECK",
    summary:
      "Health check: for each parent, whether its own target equals what its children's targets combine to. Blank where there is nothing to check.",
    params: [
      { ...TREE, help: "The KPI table with its header row." },
      {
        name: "tolerance",
        optional: true,
        example: "0.001",
        help: `Relative difference still counted as OK (default ${TARGET_TOLERANCE * 100}%).`,
      },
    ],
    returns: '"OK", or what the children give and the gap, per row.',
    shape: { kind: "column" },
  },
  (tree, tolerance) => {
    const t = readTree(tree);
    const tol = readTolerance(t.lang, tolerance);
    return column(toColumn(t, checkColumn(t, tol)));
  },
);

export const KPI_IMPACT = customFunction(
  {
    name: "KPI_IMPACT",
    summary:
      "Sensitivity: the % change of the KGI when each KPI rises 1%, the others held at their actuals (1% for every factor of a product; its share for an addend of a sum).",
    params: [TREE],
    returns: "One rate per row (0.01 = the KGI moves 1%); format the column as %.",
    shape: { kind: "column" },
  },
  (tree) => {
    const t = readTree(tree);
    return column(toColumn(t, impacts(t)));
  },
);

export const KPI_GAP = customFunction(
  {
    name: "KPI_GAP",
    summary:
      "Gap attribution: each KPI's share of its KGI's gap (actual − target), in the KGI's unit. The leaves add up to the whole gap; a parent shows the sum of its subtree.",
    params: [TREE],
    returns: "One share per row, in the KGI's unit (negative = a shortfall).",
    shape: { kind: "column" },
  },
  (tree) => {
    const t = readTree(tree);
    return column(toColumn(t, gaps(t)));
  },
);

export const KPI_SEEK = customFunction(
  {
    name: "KPI_SEEK",
    summary:
      "Goal seek over several KPIs: the value each driver must reach for the KGI to hit its target (or goal) when all drivers improve by the same percentage; the KGI's row shows that percentage.",
    params: [
      TREE,
      {
        name: "goal",
        optional: true,
        example: "20000000",
        help: 'A goal for the KGI instead of its target (single-tree ranges only). Text such as "2,000万" is read too.',
      },
      {
        name: "drivers",
        optional: true,
        example: "J2:J4",
        help: "Names or IDs of the KPIs to move. Default: the KSF-marked KPIs, else every leaf.",
      },
    ],
    returns: "Each driver's new value, the common improvement in the KGI's row (0.06 = +6%), blank elsewhere.",
    shape: { kind: "column" },
  },
  (tree, goal, drivers) => {
    const t = readTree(tree);
    const keys = drivers === undefined ? [] : toGrid(drivers).flat().map(cellText).filter(Boolean);
    const chosen = keys.length ? resolveDrivers(t, keys) : null;
    return column(toColumn(t, seekColumn(seek(t, readGoal(t.lang, goal), chosen))));
  },
);

export const KPI_TREE = customFunction(
  {
    name: "KPI_TREE",
    summary:
      "The whole tree in one call: per row, the rolled-up actual, the required value, the achievement rate and the status (a parent without its own target is judged against its rolled-up target).",
    params: [
      TREE,
      THRESHOLDS,
      LANGUAGE,
      {
        name: "total",
        optional: true,
        example: '"9月"',
        help: 'A period header ("9月"): the year to date instead, actual and target totals through it.',
      },
      {
        name: "share",
        optional: true,
        example: "F1",
        help: "With total, for actual-only periods: the share of the year elapsed; the target to date is the annual target × share (rates as they are).",
      },
    ],
    returns: "Per row: actual (rollup) or to date, required or target to date, achievement, status.",
    shape: { kind: "column", width: 4 },
  },
  (tree, thresholds, language, total, share) => {
    const t = readTree(tree);
    const lang = statusLanguage(language);
    const limits = readThresholds(lang, thresholds);
    let columns: ArrayLike<number | string | null>[];
    // The year to date of a table with period columns: one execution where four columns of KPI_TOTAL,
    // KPI_ACHIEVEMENT and KPI_STATUS take four. Without it, the snapshot's view (computed only then).
    if (!optionalText(total)) {
      const view = viewColumns(t, limits);
      columns = [view.actual, view.required, view.rate, view.status];
    } else {
      const n = periodsThrough(withPeriods(t), total);
      const actual = totals(t, "actual", n);
      const part = parseNumber(toGrid(share)[0]?.[0] ?? "")?.value ?? null;
      const isRate = rateKpis(t.nodes);
      // Actual-only periods: the annual target (a parent's rolled up) × the share elapsed, rates as they are.
      const target =
        share === undefined
          ? totals(t, "target", n)
          : judgedTargets(t).map((v, i) => (v === null || part === null ? null : isRate[i] ? v : v * part));
      const rates = t.nodes.map((node, i) => achievement(actual[i], target[i], node.direction));
      columns = [actual, target, rates, rates.map((rate) => statusOf(rate, limits))];
    }
    statusWords(lang, columns[3] as Status[]);
    return column(toColumns(t, columns));
  },
);

/**
 * Each status as its word in `lang`, in place (a second list of a million
 * words would be made only to be thrown away), by a plain loop: a closure made
 * per call would be compiled again each call.
 */
function statusWords(lang: Lang, status: Status[]): void {
  const words: Record<Status, string> = STATUS_LABEL[lang];
  for (let i = 0; i < status.length; i++) (status as string[])[i] = words[status[i]];
}

/** The tree, which must have period columns. */
function withPeriods(t: Tree): Tree {
  if (t.periods.length === 0) fail(t.lang, "noPeriods", { row: 1 });
  return t;
}

/** KPI_PERIODS' and KPI_TOTAL's field: "actual" (default) or "target", in any of their header words. */
function readMeasure(lang: Lang, field: unknown): Measure {
  const text = optionalText(field);
  const measure = text ? measureOf(text) : "actual";
  if (!measure) return fail(lang, "badMeasure", {}, { text });
  return measure;
}

const MEASURE = {
  name: "field",
  optional: true,
  example: '"actual"',
  help: '"actual" (default) or "target".',
} as const;

export const KPI_PERIODS = customFunction(
  {
    name: "KPI_PERIODS",
    summary: "Every period column rolled up through the tree, in table order.",
    params: [TREE, MEASURE],
    returns: "One column per period, one row per row of the table.",
    shape: { kind: "column", width: "periods" },
  },
  (tree, field) => {
    const t = withPeriods(readTree(tree));
    const measure = readMeasure(t.lang, field);
    return column(
      toColumns(
        t,
        t.periods.map((p) => rollup(t, p.values[measure])),
      ),
    );
  },
);

/** KPI_TOTAL's through argument as errors name it. */
const THROUGH = { en: "through", ja: "対象期間" };

/** How many periods a through argument covers: up to and including the period it names; all when blank. */
function periodsThrough(t: Tree, through: unknown): number {
  const text = optionalText(through);
  if (!text) return t.periods.length;
  const ref = findPeriod(t.periods, text);
  if (!ref) fail(t.lang, "unknownPeriod", { column: THROUGH[t.lang] }, { text, periods: periodList(t) });
  return ref.index + 1;
}

const periodList = (t: Tree) => t.periods.map((p) => p.label).join(", ");

export const KPI_TOTAL = customFunction(
  {
    name: "KPI_TOTAL",
    summary: "Each KPI's total over the periods, weighted so that the tree still adds up (rates are never averaged).",
    params: [
      TREE,
      MEASURE,
      {
        name: "through",
        optional: true,
        example: '"9月"',
        help: 'The last period to count ("9月": year to date); default all.',
      },
    ],
    returns: "One total per row of the table.",
    shape: { kind: "column" },
  },
  (tree, field, through) => {
    const t = withPeriods(readTree(tree));
    return column(toColumn(t, totals(t, readMeasure(t.lang, field), periodsThrough(t, through))));
  },
);

/** The date arguments as errors name them. */
const DATE_ARG = {
  start: { en: "start", ja: "開始日" },
  end: { en: "end", ja: "終了日" },
  as_of: { en: "as_of", ja: "基準日" },
} as const;

/** The share of the period elapsed for one cell triple (start, end, as of); null when a date is blank. */
function shareOf(lang: Lang, [start, end, asOf]: Cell[], row: number): number | null {
  const day = (cell: Cell, arg: keyof typeof DATE_ARG) => readDay(lang, cell, { row, column: DATE_ARG[arg][lang] });
  const [s, e, a] = [day(start, "start"), day(end, "end"), day(asOf, "as_of")];
  if (s === null || e === null || a === null) return null;
  return elapsed(lang, s, e, a, { row, column: DATE_ARG.end[lang] });
}

const DATES = [
  { name: "start", example: '"2026-04-01"', help: "First day (a date cell, or 2026/4/1)." },
  { name: "end", example: '"2027-03-31"', help: "Due day." },
  { name: "as_of", example: "B1", help: "The actual's day." },
] as const;

export const KPI_PACE = customFunction(
  {
    name: "KPI_PACE",
    summary: "Achievement (as KPI_ACHIEVEMENT) against target × the share of days elapsed from start to end.",
    params: [ACTUAL, TARGET, ...DATES, DIRECTION],
    returns: "The pace per cell (1 = on pace).",
    shape: { kind: "elementwise", over: ["actual", "target", "start", "end", "as_of", "direction"] },
  },
  (actual, target, start, end, asOf, direction) => {
    const lang = sheetLanguage();
    return elementwise(lang, [actual, target, direction, start, end, asOf], (cells, row) => {
      const share = shareOf(lang, cells.slice(3), row);
      return share === null ? null : rateOf(lang, cells, row, share);
    });
  },
);

export const KPI_FORECAST = customFunction(
  {
    name: "KPI_FORECAST",
    summary: "Run-rate projection at end: actual ÷ the share of days elapsed from start.",
    params: [ACTUAL, ...DATES],
    returns: "The projection per cell.",
    shape: { kind: "elementwise", over: ["actual", "start", "end", "as_of"] },
  },
  (actual, start, end, asOf) => {
    const lang = sheetLanguage();
    return elementwise(lang, [actual, start, end, asOf], (cells, row) => {
      const share = shareOf(lang, cells.slice(1), row);
      const a = requireNumber(lang, cells[0], { row, column: argumentName(lang, "actual") });
      return share === null ? null : forecast(a.value, share);
    });
  },
);

/** Every custom function, in the order the help lists them. */
export const CUSTOM_FUNCTIONS = [
  KPI_TREE,
  KPI_ROLLUP,
  KPI_REQUIRED,
  KPI_ACHIEVEMENT,
  KPI_STATUS,
  KPI_CHECK,
  KPI_GAP,
  KPI_IMPACT,
  KPI_SEEK,
  KPI_PERIODS,
  KPI_TOTAL,
  KPI_PACE,
  KPI_FORECAST,
] as const;
