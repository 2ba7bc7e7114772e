/*
 * Status colours as conditional-format rules. Our rules are recognised by the
 * marker in their formula (see src/core/rules.ts): re-applying replaces only
 * our rules on the same cells, and the user's own rules stay untouched and in
 * their order. One getConditionalFormatRules and one setConditionalFormatRules
 * per sheet, whatever the size of the tree.
 */
import { ruleRefs, ruleStatus, STATUSES, statusRuleFormulas } from "../core/rules";
import type { Settings } from "../core/settings";
import type { Status, Thresholds } from "../core/status";
import { statusWithThresholds } from "../functions/columns";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export interface ColorTarget {
  /** Achievement cell of the first coloured row, column absolute: `$N2`. */
  rate: string;
  /** Condition true on rows holding a node: `$A2<>""`. */
  present: string;
  /** A1 ranges to colour, all starting on the first data row. */
  ranges: string[];
  /**
   * Outline name columns (`A2:C9`): coloured only in the cell holding the
   * name, by four more rules whose formulas test the cell itself.
   */
  nameCells?: string;
}

function box(r: Range) {
  return {
    top: r.getRow(),
    left: r.getColumn(),
    bottom: r.getRow() + r.getNumRows() - 1,
    right: r.getColumn() + r.getNumColumns() - 1,
  };
}

function overlaps(a: Range, b: Range): boolean {
  const x = box(a);
  const y = box(b);
  return x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
}

/** The formula of a custom-formula rule, "" for any other kind. */
function ruleFormula(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  if (!condition) return "";
  const values = condition.getCriteriaValues();
  return typeof values[0] === "string" ? values[0] : "";
}

export function isOurRule(rule: Rule): boolean {
  return ruleStatus(ruleFormula(rule)) !== null;
}

function build(formula: string, color: string, ranges: Range[]): Rule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(color)
    .setRanges(ranges)
    .build();
}

/**
 * The status formula beside the achievement column whose first cell is `rate`
 * (`$N2` → O2), moved from the thresholds `from` to `to` with the colour
 * rules, so the word and the colour of a KPI keep agreeing. One read, and one
 * write when it changes; a formula with thresholds of the user's own is left.
 */
function moveStatusFormula(sheet: Sheet, rate: string, from: Thresholds, to: Thresholds): void {
  const cell = sheet.getRange(rate.replace(/\$/g, "")).offset(0, 1);
  const current = cell.getFormula();
  const fresh = statusWithThresholds(current, from, to);
  if (fresh && fresh !== current) cell.setFormula(fresh);
}

/**
 * Colours `target` by status with the thresholds and colours of `settings`.
 * Our earlier rules on any of these cells are replaced (where the first of
 * them stood); everything else is kept as it was. Returns the rules written.
 */
export function applyStatusRules(sheet: Sheet, target: ColorTarget, settings: Settings): number {
  const ranges = target.ranges.map((a1) => sheet.getRange(a1));
  const formulas = statusRuleFormulas(target.rate, target.present, settings.thresholds);
  const ours = ranges.length ? STATUSES.map((s) => build(formulas[s], settings.colors[s], ranges)) : [];
  if (target.nameCells) {
    const names = sheet.getRange(target.nameCells);
    const cell = `${target.nameCells.split(":")[0]}<>""`;
    const named = statusRuleFormulas(target.rate, target.present, settings.thresholds, cell);
    ours.push(...STATUSES.map((s) => build(named[s], settings.colors[s], [names])));
    ranges.push(names);
  }
  const existing = sheet.getConditionalFormatRules();
  const kept: Rule[] = [];
  let at = -1;
  for (const rule of existing) {
    const replaced = isOurRule(rule) && rule.getRanges().some((r) => ranges.some((n) => overlaps(r, n)));
    if (replaced) {
      if (at < 0) at = kept.length;
      continue;
    }
    kept.push(rule);
  }
  if (at < 0) at = kept.length;
  kept.splice(at, 0, ...ours);
  sheet.setConditionalFormatRules(kept);
  return ours.length;
}

/**
 * After the settings change: rebuilds every rule of ours in the spreadsheet
 * with the new thresholds and colours, in place, and in the same pass moves
 * the status formulas beside their achievement columns from the `previous`
 * thresholds to the new ones. Returns how many rules it rebuilt.
 */
export function refreshStatusRules(settings: Settings, previous: Thresholds = settings.thresholds): number {
  let count = 0;
  for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    const rules = sheet.getConditionalFormatRules();
    if (!rules.some(isOurRule)) continue;
    const rates = new Set<string>();
    const next = rules.map((rule) => {
      const formula = ruleFormula(rule);
      const status = ruleStatus(formula) as Status | null;
      const refs = ruleRefs(formula);
      if (!status || !refs) return rule;
      count++;
      rates.add(refs.rate);
      const fresh = statusRuleFormulas(refs.rate, refs.present ?? "TRUE", settings.thresholds, refs.cell)[status];
      return build(fresh, settings.colors[status], rule.getRanges());
    });
    sheet.setConditionalFormatRules(next);
    for (const rate of rates) moveStatusFormula(sheet, rate, previous, settings.thresholds);
  }
  return count;
}
