// The period sheet's year-to-date columns computed by the bundle's KPI_TOTAL on the stand-in.

import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { templateDraft } from "../../src/core/templates";
import { writeTree } from "../helpers/sidebar";
import { addon } from "./helpers";

describe("year to date on a period sheet", () => {
  it("totals the actuals and the phased targets through the as-of period, and colours follow that achievement", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, templateDraft("b2b", "ja"), "parent", {
      periods: { kind: "month", start: "2026-04", pairs: true, phasing: "even" },
    });
    const sheet = "KPIツリー";
    // As of 2026-06-15: April to June. 受注数 (row 4) 8, 9 and 10 orders.
    s.type(sheet, "B1", "2026-06-15");
    expect(s.values(sheet, "D1")[0][0]).toBe("2026年6月");
    s.type(sheet, "L4", "8");
    s.type(sheet, "N4", "9");
    s.type(sheet, "P4", "10");
    const header = s.values(sheet, "AI2:AL2")[0];
    expect(header).toEqual(["実績累計", "目標累計", "達成率（累計）", "状態（累計）"]);
    const [actual, target, rate] = s.values(sheet, "AI4:AK4")[0] as number[];
    expect(actual).toBe(27);
    expect(target).toBeCloseTo(25, 6); // 3 × 100 ÷ 12
    expect(rate).toBeCloseTo(27 / 25, 6);
    expect(s.values(sheet, "AL4")[0][0]).toBe("達成");
    expect(s.effectiveBackground(sheet, "AK4")).toBe(DEFAULT_COLORS.achieved);
    expect(s.effectiveBackground(sheet, "A4")).toBe(DEFAULT_COLORS.achieved);
  });

  it("costs one custom-function execution per edit, with target/actual pairs and with actuals only", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, templateDraft("b2b", "ja"), "parent", {
      periods: { kind: "month", start: "2026-04", pairs: true, phasing: "even" },
    });
    const sheet = "KPIツリー";
    const range = (a1: string) => s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(a1);
    const formula = range("AI3").getFormula();
    expect(formula).toMatch(/^=KPI_TREE\(A2:AH\d+,\{1,0\.8\},"ja",\$D\$1\)$/);
    const edit = (cell: string, value: string) => {
      s.functionRuns.clear();
      s.type(sheet, cell, value);
      return Object.fromEntries(s.functionRuns);
    };
    expect(edit("L4", "8")).toEqual({ KPI_TREE: 1 });
    expect(edit("B1", "2026-05-15")).toEqual({ KPI_TREE: 1 });
    const shown = s.values(sheet, "AI3:AL12");
    // Check tree stretches it over a KPI appended below the table, keeping its year to date.
    const below = Number(/\d+$/.exec(/A2:AH\d+/.exec(formula)![0])![0]) + 1;
    for (const [c, v] of [
      ["A", "追加"],
      ["B", "X1"],
      ["C", "K1"],
      ["E", "1"],
    ])
      s.type(sheet, `${c}${below}`, v);
    s.select(sheet, "A2");
    expect(s.run("addFunctionColumns", sheet, `A2:AH${below}`, null)).toMatchObject({ updated: true });
    expect(range("AI3").getFormula()).toBe(formula.replace(/AH\d+/, `AH${below}`));
    for (const c of ["A", "B", "C", "E"]) s.type(sheet, `${c}${below}`, "");
    range("AI3").setFormula(formula);
    expect(s.values(sheet, "AI3:AL12")).toEqual(shown);
    // The four formulas written before (four executions per edit, three with actuals only) and Check tree replacing
    // them by this one: tests/addon/upgrade.test.ts.

    const table = (/\((A2:AH\d+),/.exec(formula) as RegExpExecArray)[1];
    // Actual-only periods: the target to date is the annual target × the share elapsed (F1), rates as they are.
    const only = addon({ locale: "ja_JP" });
    writeTree(only, templateDraft("b2b", "ja"), "parent", {
      periods: { kind: "month", start: "2026-04", pairs: false, phasing: "even" },
    });
    const at = (a1: string) => only.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(a1);
    only.type(sheet, "B1", "2026-06-15");
    expect(at("W3").getFormula()).toBe(`=KPI_TREE(${table.replace("AH", "V")},{1,0.8},"ja",$D$1,$F$1)`);
    only.functionRuns.clear();
    only.type(sheet, "L4", "8");
    expect(Object.fromEntries(only.functionRuns)).toEqual({ KPI_TREE: 1 });
  });
});
