/*
 * The one rule for showing a number to a person: a (unit, language, purpose)
 * gives the text the sidebar, the diagram, the analysis and every message
 * show, and the number format the add-on writes to the sheet. Pure.
 *
 * - percent (`%`): two decimals at most, as typed (20%, 17.41%); sheet `#,##0.0#%`.
 * - yen (`円`, `¥`, JPY): to the yen. Japanese: 8,334円, 1,485万円 (万 to two
 *   decimals), 1.2億円 (億 to four); English: ¥14,850,000. Sheet `#,##0"円"` /
 *   `"¥"#,##0` (Sheets cannot divide by 10,000: the sheet shows full yen).
 * - counts of people and things (件, 人, 回, 社, leads…): whole numbers; `#,##0"件"`.
 * - other money ($, €, 万円…), measures (時間, kg, pt…) and no unit: two decimals at most.
 * - requirements round toward the safe side: up for higher-is-better KPIs
 *   (20.83 meetings → 21件, 8,333.33円 → 8,334円), down for lower-is-better.
 * - never `-0`, never NaN or Infinity (a missing or non-finite value is `–`).
 */
import type { Lang } from "./text";
import type { Frame, Tree } from "./tree";
import { unitKind } from "./units";
import type { Direction } from "./value";

/** What a number is shown for: a value, what a KPI must reach, or an input's own text (exact). */
export type NumberPurpose = "value" | "requirement" | "input";

export interface ShowOptions {
  purpose?: NumberPurpose;
  /** For requirements: higher-is-better (the default) rounds up, lower-is-better down. */
  direction?: Direction;
}

/** The classes of units the rule knows. */
export type NumberStyle = "percent" | "yen" | "money" | "count" | "measure" | "none";

const YEN = /^(円|¥|jpy|yen)$/i;
/** Counters of people and things: whole numbers, required ones round up. `件/月` counts too. */
const COUNTER =
  /^(件|人|名|社|回|個|台|本|枚|店|店舗|軒|口|席|票|通|冊|品|組|戸|棟|室|台数|人数|件数|回数|アポ|コール|ユーザー|リード|商談|顧客|people|(lead|deal|order|call|visit|meeting|customer|user|person|item|unit|pc|account|ticket|bug|deploy|listing|hire|employee)s?)$/i;
const PREFIX_MONEY: Record<string, string> = { $: "$", usd: "$", "€": "€", eur: "€" };
/** Largest number of decimals a style shows. */
const DECIMALS: Record<NumberStyle, number> = { percent: 2, yen: 0, money: 2, count: 0, measure: 2, none: 2 };

/** The class of a unit: `%` percent, `円` yen, `$` money, `件` count, `時間` measure, blank none. */
export function numberStyle(unit: string): NumberStyle {
  const u = unit.normalize("NFKC").trim();
  const kind = unitKind(u);
  if (kind === "percent" || kind === "none") return kind;
  if (kind === "money") return YEN.test(u) ? "yen" : "money";
  return COUNTER.test(u.split("/")[0].trim()) ? "count" : "measure";
}

type Rounding = "nearest" | "up" | "down";

/** `value` rounded to `decimals` places; float noise (20.000000001) never rounds a whole step up. */
function roundTo(value: number, decimals: number, mode: Rounding): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  // Past 2^53 every double is whole: nothing to round (and value × scale may overflow).
  if (Math.abs(value) >= 2 ** 53 || !Number.isFinite(scaled)) return value + 0;
  const near = Math.round(scaled);
  let r = near;
  if (mode !== "nearest" && Math.abs(scaled - near) > 1e-9 * Math.max(1, Math.abs(scaled)))
    r = mode === "up" ? Math.ceil(scaled) : Math.floor(scaled);
  else if (mode === "nearest") r = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return r / scale + 0;
}

/** Digits with comma groups of three and at most `decimals` places, trailing zeros dropped; never `-0`. */
function digits(value: number, decimals: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return "0";
  const sign = value < 0 ? "-" : "";
  if (abs >= 1e21) return `${sign}${String(Number(abs.toPrecision(15))).replace("+", "")}`;
  const body = group(
    abs
      .toFixed(decimals)
      .replace(/(\.\d*?)0+$/, "$1")
      .replace(/\.$/, ""),
  );
  return body === "0" ? "0" : `${sign}${body}`;
}

/** Comma groups for the integer part of plain decimal text (`1234.5` → `1,234.5`). */
function group(text: string): string {
  const [int, frac] = text.split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
}

/** The exact digits of a value, for an input to read back (15 significant digits at most). */
function exactDigits(value: number): string {
  const n = Number(value.toPrecision(15)) + 0;
  const text = String(Math.abs(n)).replace("+", "");
  return `${n < 0 ? "-" : ""}${text.includes("e") ? text : group(text)}`;
}

function rounding(options: ShowOptions): Rounding {
  if (options.purpose !== "requirement") return "nearest";
  return options.direction === "lower" ? "down" : "up";
}

/** Japanese yen: 万 from 10,000, 億 from 100,000,000 (chosen after rounding, so 9,999.6 is 1万). */
function japaneseAmount(value: number, mode: Rounding | "exact"): string {
  const steps: [number, string, number][] = [
    [1e8, "億", 4],
    [1e4, "万", 2],
  ];
  const yen = mode === "exact" ? value : roundTo(value, 0, mode);
  // Past 10^21 digits turn into an exponent (1.5e300円), which 万 and 億 cannot follow.
  if (Math.abs(yen) >= 1e21) return digits(yen, 0);
  for (const [size, word, decimals] of steps) {
    if (Math.abs(yen) < size) continue;
    if (mode === "exact") return `${exactDigits(yen / size)}${word}`;
    const shown = roundTo(yen / size, decimals, mode);
    return `${digits(shown, decimals)}${word}`;
  }
  return mode === "exact" ? exactDigits(yen) : digits(yen, 0);
}

/** A rate too large to multiply by 100 (1e307): the same digits, two places further (`1e309`). */
function hugePercent(value: number): string {
  const [mantissa, exponent] = String(value).split("e");
  return `${Number(mantissa)}e${Number(exponent) + 2}`;
}

/** The number part of a value (no unit), as `style` shows it for `purpose`. */
function numberText(value: number, style: NumberStyle, lang: Lang, options: ShowOptions): string {
  if (style === "percent" && !Number.isFinite(value * 100)) return hugePercent(value);
  const shown = style === "percent" ? value * 100 : value;
  const exact = options.purpose === "input";
  const mode = rounding(options);
  if (style === "yen" && lang === "ja") return japaneseAmount(value, exact ? "exact" : mode);
  if (exact) return exactDigits(shown);
  const decimals = DECIMALS[style];
  return digits(roundTo(shown, decimals, mode), decimals);
}

/** A unit word after a number: attached (`1,000件`, `10件/月`), after a space when it starts with a Latin letter (`24 h`). */
function unitSuffix(unit: string): string {
  return /^[a-z]/i.test(unit) ? ` ${unit}` : unit;
}

/**
 * A value with its unit, as every part of the add-on shows it:
 * `1,485万円` / `¥14,850,000`, `20%`, `21件`, `24 h`; `–` when there is none.
 * An input's text (`purpose: "input"`) is exact and without the unit except %
 * (`2,000万`, `20%`, `1,000`), and reads back to the same value.
 */
export function formatValue(value: number | null, unit: string, lang: Lang, options: ShowOptions = {}): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const u = unit.normalize("NFKC").trim();
  const style = numberStyle(u);
  const text = numberText(value, style, lang, options);
  if (style === "percent") return `${text}%`;
  if (options.purpose === "input") return text;
  const prefix = style === "yen" && lang === "en" ? "¥" : PREFIX_MONEY[u.toLowerCase()];
  if (prefix) return text.startsWith("-") ? `-${prefix}${text.slice(1)}` : `${prefix}${text}`;
  if (style === "yen") return `${text}円`;
  return u ? `${text}${unitSuffix(u)}` : text;
}

/** A requirement as a number: counts up to whole ones, yen to the yen (toward the safe side); rates and others exact. */
function requirementNumber(value: number, style: NumberStyle, direction: Direction): number {
  if (style !== "count" && style !== "yen") return value;
  return roundTo(value, 0, direction === "lower" ? "down" : "up");
}

/** The value a requirement of `unit` stands for: 20.83件 → 21, 8,333.33円 → 8,334; 3.125% stays. */
export function requiredAmount(value: number, unit: string, direction: Direction = "higher"): number {
  return requirementNumber(value, numberStyle(unit), direction);
}

/**
 * Required values as KPI_REQUIRED and KPI_TREE write them to the sheet, whose
 * formats round only to the nearest: requiredAmount per KPI (21 meetings, not
 * 20.83), so the sheet shows what the sidebar says. Rounds `need` (NaN for
 * blank, indexed like the frame's nodes) in place; each unit is classified once.
 */
export function requiredAmounts(f: Pick<Frame, "unit" | "units" | "lower">, need: Float64Array): Float64Array {
  const styles = f.units.map(numberStyle);
  for (let i = 0; i < need.length; i++)
    if (!Number.isNaN(need[i]))
      need[i] = requirementNumber(need[i], styles[f.unit[i]], f.lower[i] ? "lower" : "higher");
  return need;
}

/** An achievement rate (1 = 100%), to one decimal as the sheet's `0.0%` column: 79.2%, 100%. */
export function formatPercent(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return "–";
  if (!Number.isFinite(rate * 100)) return `${hugePercent(rate)}%`;
  return `${digits(roundTo(rate * 100, 1, "nearest"), 1)}%`;
}

/** A relative change with its sign, as the checks and the goal seek write it: +2.5%, -4%, 0%. */
export function formatGap(gap: number): string {
  const text = formatPercent(gap);
  return gap > 0 && text !== "0%" ? `+${text}` : text;
}

/** The Sheets number format of an achievement rate column: one decimal, as formatPercent. */
export const RATE_FORMAT = "0.0%";

/** `"` cannot appear inside a quoted number-format literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}

/**
 * The Sheets number format of a unit's values, from the same rule: `#,##0.0#%`,
 * `#,##0"円"` (ja) / `"¥"#,##0` (en), `#,##0"件"`, `#,##0.0#" h"`. `integers`
 * (the KPI's typed values are whole) drops the decimals of money, measures and
 * plain numbers; Sheets would otherwise show a dangling point (`5.`).
 */
export function sheetNumberFormat(unit: string, lang: Lang, integers = true): string {
  const u = unit.normalize("NFKC").trim();
  const style = numberStyle(u);
  if (style === "percent") return "#,##0.0#%";
  if (style === "yen") return lang === "ja" ? '#,##0"円"' : '"¥"#,##0';
  const body = style === "count" || integers ? "#,##0" : "#,##0.0#";
  const prefix = PREFIX_MONEY[u.toLowerCase()];
  if (prefix) return `${literal(prefix)}${body}`;
  return u ? `${body}${literal(unitSuffix(u))}` : body;
}

/**
 * Number formats by unit, one row per data row, for the target and actual
 * columns or (`computed`) the rollup and required ones: each node's unit by
 * the one number rule (`#,##0.0#%`, `#,##0"円"`, `#,##0"件"`…, in the table's
 * language); blank rows keep a plain number format. Typed values that are all
 * whole drop the decimals of plain numbers and measures; computed ones keep
 * them (a required score of 52.5 shows 52.5, as the sidebar says).
 */
export function unitFormats(tree: Tree, width = 2, computed = false): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < tree.rowCount; r++) rows.push(new Array(width).fill("#,##0"));
  for (const node of tree.nodes) {
    const integers = !computed && [node.target, node.actual].every((v) => v === null || Number.isInteger(v));
    rows[node.row - 2] = new Array(width).fill(sheetNumberFormat(node.unit, tree.lang, integers));
  }
  return rows;
}

/** The function columns' number formats, one row per data row: rollup and required by unit, achievement as %. */
export const functionFormats = (tree: Tree): string[][] =>
  unitFormats(tree, 2, true).map((row) => [...row, RATE_FORMAT]);
