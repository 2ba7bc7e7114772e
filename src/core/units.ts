/*
 * Units of a KPI tree: which ones combine (rule 3 of a good tree: a sum adds
 * like units, 件 × 円 gives 円, rates are %), and the unit a cell's number
 * format implies. Pure: used by the sidebar's live warnings, by the table
 * check and by the sheet writer. How a unit's numbers are shown: format.ts.
 */
import { OP_WORD, type Op } from "./operators";
import type { Lang } from "./text";
import type { Tree } from "./tree";

export type UnitKind = "none" | "percent" | "money" | "count";

const MONEY = /(円|¥|￥|\$|＄|€|usd|jpy|eur|yen|dollar)/i;
const PERCENT = /^(%|％|percent|pct|パーセント|率)$/i;

/** What kind of quantity a unit measures. Blank units are "none": they never warn. */
export function unitKind(unit: string): UnitKind {
  const u = unit.normalize("NFKC").trim();
  if (!u) return "none";
  if (PERCENT.test(u)) return "percent";
  if (MONEY.test(u)) return "money";
  return "count";
}

/** Units compared as the user means them: `件` = `件 `, `万円` ≠ `円` (different scale). */
function unitKey(unit: string): string {
  return unit.normalize("NFKC").trim().toLowerCase();
}

export type UnitIssueCode = "mixedUnits" | "productMoney" | "productNoMoney" | "rateFromMoney";

export interface UnitIssue {
  /** Index of the parent node in `tree.nodes`. */
  node: number;
  code: UnitIssueCode;
  /** The units involved, parent first. */
  units: string[];
}

const ADDITIVE: ReadonlySet<Op> = new Set<Op>(["sum", "difference", "avg", "min", "max"]);

/**
 * Flags parents whose children's units cannot give the parent's unit:
 * - sum / difference / avg / min / max: every child (and the parent) in the same unit (件 + 円 is wrong);
 * - product: a money parent needs exactly one money factor (件 × 円 = 円), a
 *   count parent none (件 × % = 件); percentages are dimensionless;
 * - ratio: a % parent cannot come from money ÷ count.
 * Blank units are skipped: the check only speaks when it has something to compare.
 */
export function checkUnits(tree: Pick<Tree, "nodes">): UnitIssue[] {
  const issues: UnitIssue[] = [];
  for (const node of tree.nodes) {
    if (node.op === null || node.op === "none" || node.children.length === 0) continue;
    const kids = node.children.map((c) => tree.nodes[c].unit);
    const all = [node.unit, ...kids];
    if (ADDITIVE.has(node.op)) {
      const keys = new Set(all.filter((u) => unitKind(u) !== "none").map(unitKey));
      if (keys.size > 1) issues.push({ node: node.index, code: "mixedUnits", units: all });
      continue;
    }
    if (kids.some((u) => unitKind(u) === "none")) continue;
    const parentKind = unitKind(node.unit);
    const money = kids.filter((u) => unitKind(u) === "money").length;
    if (node.op === "product") {
      if (parentKind === "money" && money !== 1) issues.push({ node: node.index, code: "productMoney", units: all });
      if ((parentKind === "count" || parentKind === "percent") && money > 0)
        issues.push({ node: node.index, code: "productNoMoney", units: all });
    } else if (node.op === "ratio" && parentKind === "percent" && money === 1) {
      issues.push({ node: node.index, code: "rateFromMoney", units: all });
    }
  }
  return issues;
}

type UnitText = (name: string, parent: string, kids: string) => string;

/** The warnings for unit issues, per language. */
export const UNIT_TEXT: Record<Lang, Record<UnitIssueCode, UnitText>> = {
  ja: {
    mixedUnits: (name, parent, kids) =>
      `「${name}」: 単位の違うものは合計できません（${parent} = ${kids}）。子の単位を揃えるか、計算方法を見直してください。`,
    productMoney: (name, parent, kids) =>
      `「${name}」: 金額（${parent}）は 数量 × 単価 のように金額の項目をちょうど一つ掛けて求めます（${kids}）。`,
    productNoMoney: (name, parent, kids) =>
      `「${name}」: 金額の項目を掛けると単位は金額になり、${parent} になりません（${kids}）。`,
    rateFromMoney: (name, _parent, kids) => `「${name}」: 率（%）は同じ単位どうしの割り算で求めます（${kids}）。`,
  },
  en: {
    mixedUnits: (name, parent, kids) =>
      `"${name}": units that differ cannot be added (${parent} = ${kids}). Use one unit for all children or change the operator.`,
    productMoney: (name, parent, kids) =>
      `"${name}": an amount (${parent}) is a count times exactly one money factor, such as deals × price (${kids}).`,
    productNoMoney: (name, parent, kids) =>
      `"${name}": multiplying by a money factor gives money, not ${parent} (${kids}).`,
    rateFromMoney: (name, _parent, kids) => `"${name}": a rate (%) divides two figures in the same unit (${kids}).`,
  },
};

/** The warning for one unit issue, in the user's language. */
export function unitIssueMessage(issue: UnitIssue, tree: Pick<Tree, "nodes">, lang: Lang): string {
  const node = tree.nodes[issue.node];
  const op = OP_WORD.en[node.op as Op];
  const kids = issue.units
    .slice(1)
    .map((u) => u || "?")
    .join(` ${op} `);
  return UNIT_TEXT[lang][issue.code](node.name, issue.units[0] || "?", kids);
}

/**
 * Sheets hands `20%` and `¥2,000万` to scripts as plain numbers and keeps the
 * unit in the cell's number format. For KPIs without a unit, take it from the
 * format of their target (else actual) cell: `0%` → %, `"¥"#,##0` → 円.
 * `header` and `formats` are the table's first row and its getNumberFormats().
 */
export function unitsFromFormats(tree: Tree, header: readonly unknown[], formats: readonly string[][]): void {
  const columnOf = (text: string | undefined) =>
    text === undefined ? -1 : header.findIndex((h) => String(h ?? "").trim() === text);
  const columns = [columnOf(tree.headers.target), columnOf(tree.headers.actual)].filter((c) => c >= 0);
  for (const node of tree.nodes) {
    if (node.unit) continue;
    for (const c of columns) {
      const format = (formats[node.row - 1]?.[c] ?? "").replace(/"[^"]*"/g, (q) => (/[¥円$]/.test(q) ? q : ""));
      const unit = /%/.test(format) ? "%" : /[¥円]/.test(format) ? "円" : /\$/.test(format) ? "$" : "";
      if (unit) {
        node.unit = unit;
        break;
      }
    }
  }
}
