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
});
