/*
 * Status colours as conditional-format custom formulas, as plain strings.
 *
 * Each rule tests the achievement column (KPI_ACHIEVEMENT already reverses
 * lower-is-better KPIs, so the colours are direction-aware) against the
 * thresholds from settings. Sheets evaluates the rules itself, so colours stay
 * live as values change and every collaborator sees them, with or without the
 * add-on.
 *
 * Every formula carries a marker, `N("kpi-tree:<status>")=0` (N of a text is
 * 0, so the term is always true): it identifies our own rules among the
 * user's, survives copies of the sheet, needs no stored state, and tells a
 * reader of the rule where it came from.
 */
import type { Status, Thresholds } from "./status";

export const RULE_MARK = "kpi-tree";
export const STATUSES: readonly Status[] = ["achieved", "atRisk", "offTrack", "noData"];

export interface StatusColors {
  achieved: string;
  atRisk: string;
  offTrack: string;
  noData: string;
}

/** Google Sheets' own light green / yellow / red / grey. */
export const DEFAULT_COLORS: StatusColors = {
  achieved: "#b7e1cd",
  atRisk: "#fce8b2",
  offTrack: "#f4c7c3",
  noData: "#efefef",
};

/** A threshold as a formula literal: no exponent, no float noise (0.8, not 0.8000000000000002). */
export function formulaNumber(value: number): string {
  return String(Number(value.toFixed(9)));
}

/**
 * The four custom formulas, relative to the first row of the coloured ranges.
 * `rate` is the achievement cell of that row (`$N2`); `present` a condition
 * that holds on rows holding a node (`$A2<>""`), so blank rows stay
 * uncoloured. `cell`, when given, is a condition on the coloured cell itself,
 * relative in both directions (`A2<>""`), so that of a row's outline columns
 * only the one holding the name is coloured. Achievement is rounded to 9
 * places, as the core's statusOf tolerates float noise (0.7999999999 is 80%).
 */
export function statusRuleFormulas(
  rate: string,
  present: string,
  t: Thresholds,
  cell?: string,
): Record<Status, string> {
  const r = `ROUND(${rate},9)`;
  const mark = (s: Status) => `${cell ? `${cell},` : ""}N("${RULE_MARK}:${s}")=0`;
  return {
    achieved: `=AND(ISNUMBER(${rate}),${r}>=${formulaNumber(t.achieved)},${mark("achieved")})`,
    atRisk: `=AND(ISNUMBER(${rate}),${r}>=${formulaNumber(t.atRisk)},${r}<${formulaNumber(t.achieved)},${mark("atRisk")})`,
    offTrack: `=AND(ISNUMBER(${rate}),${r}<${formulaNumber(t.atRisk)},${mark("offTrack")})`,
    noData: `=AND(${present},NOT(ISNUMBER(${rate})),${mark("noData")})`,
  };
}

const MARK_RE = new RegExp(`N\\("${RULE_MARK}:(achieved|atRisk|offTrack|noData)"\\)=0`);
const CELL_RE = new RegExp(`,([A-Z]{1,3}[0-9]+<>""),(?=N\\("${RULE_MARK}:)`);

/** Which status one of our formulas colours; null for anything else (the user's rules). */
export function ruleStatus(formula: string): Status | null {
  const m = MARK_RE.exec(formula);
  return m ? (m[1] as Status) : null;
}

export interface RuleRefs {
  rate: string;
  present: string | null;
  /** The condition on the coloured cell itself, when the rule has one. */
  cell?: string;
}

/**
 * The cells one of our formulas reads, so it can be rebuilt with new
 * settings: the achievement cell, (noData only) the row-present condition,
 * and the cell's own condition when there is one.
 */
export function ruleRefs(formula: string): RuleRefs | null {
  const status = ruleStatus(formula);
  if (!status) return null;
  const cellMatch = CELL_RE.exec(formula);
  const rest = cellMatch ? formula.replace(CELL_RE, ",") : formula;
  const withCell = (refs: RuleRefs): RuleRefs => (cellMatch ? { ...refs, cell: cellMatch[1] } : refs);
  if (status === "noData") {
    const m = /^=AND\((.*),NOT\(ISNUMBER\(([^)]+)\)\),N\(/.exec(rest);
    return m ? withCell({ rate: m[2], present: m[1] }) : null;
  }
  const m = /^=AND\(ISNUMBER\(([^)]+)\)/.exec(rest);
  return m ? withCell({ rate: m[1], present: null }) : null;
}

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let s = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A1 notation of a block: (row, column) 1-based, with height and width. */
export function a1(row: number, column: number, height = 1, width = 1): string {
  const start = `${columnLetter(column)}${row}`;
  if (height === 1 && width === 1) return start;
  return `${start}:${columnLetter(column + width - 1)}${row + height - 1}`;
}

export function isHexColor(text: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(text);
}
