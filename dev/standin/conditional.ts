// Conditional formatting: the rule builder the add-on uses, and the evaluation
// Sheets does when it paints a cell (first matching rule wins).
import { DetailedCellError } from "hyperformula";
import { type GridRange, shiftFormula } from "./a1";
import type { Criteria, RuleModel, Workbook } from "./engine";

export const BOOLEAN_CRITERIA: Record<Criteria, Criteria> = {
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  CELL_EMPTY: "CELL_EMPTY",
  CELL_NOT_EMPTY: "CELL_NOT_EMPTY",
  NUMBER_GREATER_THAN: "NUMBER_GREATER_THAN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN: "NUMBER_LESS_THAN",
  NUMBER_LESS_THAN_OR_EQUAL_TO: "NUMBER_LESS_THAN_OR_EQUAL_TO",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_NOT_BETWEEN: "NUMBER_NOT_BETWEEN",
  NUMBER_EQUAL_TO: "NUMBER_EQUAL_TO",
  NUMBER_NOT_EQUAL_TO: "NUMBER_NOT_EQUAL_TO",
  TEXT_CONTAINS: "TEXT_CONTAINS",
  TEXT_DOES_NOT_CONTAIN: "TEXT_DOES_NOT_CONTAIN",
  TEXT_EQUAL_TO: "TEXT_EQUAL_TO",
  TEXT_STARTS_WITH: "TEXT_STARTS_WITH",
  TEXT_ENDS_WITH: "TEXT_ENDS_WITH",
};

const contains = (r: GridRange, row: number, column: number) =>
  row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns;

function truthy(v: unknown): boolean {
  if (v instanceof DetailedCellError) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return false;
}

function matches(wb: Workbook, rule: RuleModel, sheet: string, row: number, column: number): boolean {
  const anchor = rule.ranges[0]?.range;
  if (!anchor || !rule.criteria) return false;
  const value = wb.raw(sheet, row, column);
  const [a, b] = rule.values;
  const num = typeof value === "number" ? value : undefined;
  const text = value === null || value === undefined || value instanceof DetailedCellError ? "" : String(value);
  const lower = text.toLowerCase();
  const arg = String(a ?? "").toLowerCase();
  switch (rule.criteria) {
    case "CUSTOM_FORMULA": {
      // Written for the top-left cell of the first range; relative references follow the cell.
      const formula = shiftFormula(String(a), row - anchor.row, column - anchor.column);
      try {
        return truthy(wb.hf.calculateFormula(formula, wb.id(sheet)));
      } catch {
        return false;
      }
    }
    case "CELL_EMPTY":
      return text === "";
    case "CELL_NOT_EMPTY":
      return text !== "";
    case "NUMBER_GREATER_THAN":
      return num !== undefined && num > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num !== undefined && num >= Number(a);
    case "NUMBER_LESS_THAN":
      return num !== undefined && num < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num !== undefined && num <= Number(a);
    case "NUMBER_BETWEEN":
      return num !== undefined && num >= Math.min(Number(a), Number(b)) && num <= Math.max(Number(a), Number(b));
    case "NUMBER_NOT_BETWEEN":
      return num !== undefined && (num < Math.min(Number(a), Number(b)) || num > Math.max(Number(a), Number(b)));
    case "NUMBER_EQUAL_TO":
      return num !== undefined && num === Number(a);
    case "NUMBER_NOT_EQUAL_TO":
      return num !== undefined && num !== Number(a);
    case "TEXT_CONTAINS":
      return lower.includes(arg);
    case "TEXT_DOES_NOT_CONTAIN":
      return !lower.includes(arg);
    case "TEXT_EQUAL_TO":
      return lower === arg;
    case "TEXT_STARTS_WITH":
      return lower.startsWith(arg);
    case "TEXT_ENDS_WITH":
      return lower.endsWith(arg);
  }
}

/** The first rule (in sheet order) whose ranges hold the cell and whose condition holds. */
export function matchingRule(wb: Workbook, sheet: string, row: number, column: number): RuleModel | undefined {
  for (const rule of wb.sheet(sheet).rules) {
    if (!rule.ranges.some((g) => g.sheet === sheet && contains(g.range, row, column))) continue;
    if (matches(wb, rule, sheet, row, column)) return rule;
  }
  return undefined;
}

/** Background and text as a person sees them: a matching rule's format over the cell's own. */
export function effectiveStyle(wb: Workbook, sheet: string, row: number, column: number) {
  const rule = matchingRule(wb, sheet, row, column);
  const own = wb.style(sheet, row, column);
  return {
    background: rule?.background ?? wb.background(sheet, row, column),
    fontColor: rule?.fontColor ?? wb.fontColor(sheet, row, column),
    bold: rule?.bold ?? own.fontWeight === "bold",
    italic: rule?.italic ?? false,
    strikethrough: rule?.strikethrough ?? false,
  };
}
