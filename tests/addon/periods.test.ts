// The wizard's period block and as-of date on the Sheets stand-in, through the built bundle.

import { describe, expect, it } from "vitest";
import { templateDraft } from "../../src/core/templates";
import { writeTree } from "../helpers/sidebar";
import { addon, callsOf, wideDraft } from "./helpers";

const MONTHLY = { kind: "month", start: "2026-04", pairs: true, phasing: "even" } as const;

/** Today in the stand-in spreadsheet's zone (Asia/Tokyo), as the add-on computes it. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
}

describe("the wizard's period block", () => {
  it("writes 12 monthly target/actual pairs from April, phased evenly, rates copied, below an as-of row", () => {
    const s = addon({ locale: "ja_JP" });
    const result = writeTree(s, templateDraft("b2b", "ja"), "parent", { periods: MONTHLY }) as Record<string, unknown>;
    // Row 1: the as-of date and the period it falls in; the table starts on row 2, without the single Actual column.
    expect(result).toMatchObject({ sheetName: "KPIツリー", table: "A2:AH9", functions: "AI2:AL9", nodes: 7 });
    const row1 = s.values("KPIツリー", "A1:C1")[0];
    expect(row1[0]).toBe("基準日");
    expect(s.displayValue("KPIツリー", "B1")).toBe(today());
    const header = s.values("KPIツリー", "A2:AL2")[0];
    expect(header.slice(0, 10)).toEqual(["指標名", "ID", "親", "計算", "目標", "単位", "方向", "担当", "期限", "重点"]);
    expect(header.slice(10, 14)).toEqual(["2026年4月目標", "2026年4月実績", "2026年5月目標", "2026年5月実績"]);
    expect(header.slice(32, 34)).toEqual(["2027年3月目標", "2027年3月実績"]);
    expect(header.slice(34)).toEqual(["実績累計", "目標累計", "達成率（累計）", "状態（累計）"]);
    // 100 orders a year: 8.33 a month; the 20% close rate is copied, not divided. (The stand-in's engine
    // keeps 10 significant digits; that the written months add back exactly is tests/core/phasing.test.ts's.)
    const orders = s.values("KPIツリー", "K4:AH4")[0].filter((_, k) => k % 2 === 0) as number[];
    expect(orders[0]).toBeCloseTo(100 / 12, 8);
    expect(orders.reduce((a, x) => a + x, 0)).toBeCloseTo(100, 8);
    const names = s.values("KPIツリー", "A3:A9").map((r) => r[0]);
    const closeRate = s.values("KPIツリー", `K${3 + names.indexOf("受注率")}:AH${3 + names.indexOf("受注率")}`)[0];
    expect(closeRate.filter((_, k) => k % 2 === 0)).toEqual(new Array(12).fill(0.2));
    // Actual cells are left for the team.
    expect(s.values("KPIツリー", "L3:L9").every((r) => r[0] === "")).toBe(true);
    expect(s.snapshot("KPIツリー", 3, 3).frozenRows).toBe(2);
  });

  it("with a weights row, phases by live formulas the user can re-weight (seasonality)", () => {
    const s = addon({ locale: "ja_JP" });
    const weights = [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1];
    writeTree(s, templateDraft("b2b", "ja"), "parent", { periods: { ...MONTHLY, phasing: "weights", weights } });
    expect(s.values("KPIツリー", "J1:M1")[0]).toEqual(["重み", 1, "", 1]);
    const view = s.snapshot("KPIツリー", 4, 14);
    expect(view.cells[3][10].formula).toBe("=$E4*K$1/SUM($K$1:$AG$1)");
    // December (the 9th month from April) weighs 2 of 13.
    expect(s.values("KPIツリー", "AA4")[0][0]).toBeCloseTo((100 * 2) / 13, 8);
    s.type("KPIツリー", "AA1", String(1));
    expect(s.values("KPIツリー", "AA4")[0][0]).toBeCloseTo(100 / 12, 8);
  });

  it("costs the same number of calls for 10 and 200 KPIs, the period block included", () => {
    const runs = [10, 200].map((n) => {
      const s = addon();
      s.resetCalls();
      writeTree(s, wideDraft(n), "parent", { periods: MONTHLY, review: true });
      // Spreadsheet calls only: the custom functions' recalculation formats each Date cell it reads (Utilities).
      return Object.fromEntries(Object.entries(callsOf(s)).filter(([k]) => !k.startsWith("Utilities.")));
    });
    expect(runs[1]).toEqual(runs[0]);
    // One row above the table, one table block.
    expect(runs[0]["Range.setValues"]).toBe(2);
    expect(runs[0]["Range.setValue"]).toBeUndefined();
  });

  it("refuses period settings it cannot read, before touching the spreadsheet", () => {
    const s = addon();
    for (const periods of [
      { kind: "day", start: "2026-04" },
      { kind: "month", start: "April" },
    ])
      expect(() => writeTree(s, templateDraft("sales", "en"), "parent", { periods })).toThrow(/period settings/);
    expect(s.ui.toasts).toEqual([]);
  });
});

describe("the as-of date", () => {
  it("moves to today on open and from the menu, but never over a date the user typed", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, templateDraft("b2b", "ja"), "parent", { periods: MONTHLY });
    writeTree(s, templateDraft("sales", "ja"), "parent", { periods: MONTHLY });
    const key = "kpiTree.asOf";
    const cells = JSON.parse(s.properties.document.getProperty(key) as string) as { day: string }[];
    expect(cells).toHaveLength(2);
    // As if written yesterday: the add-on's own day in both, and the user typed another date in the second sheet.
    s.properties.document.setProperty(key, JSON.stringify(cells.map((c) => ({ ...c, day: "2026-01-05" }))));
    s.type("KPIツリー", "B1", String("2026-01-05"));
    s.type("KPIツリー (2)", "B1", String("2025-12-31"));
    s.run("onOpen", { authMode: "LIMITED" });
    expect(s.displayValue("KPIツリー", "B1")).toBe(today());
    expect(s.displayValue("KPIツリー (2)", "B1")).toBe("2025-12-31");
    s.run("updateAsOfDate");
    expect(s.ui.toasts[s.ui.toasts.length - 1]?.message).toMatch(/手で変えた基準日 1 個/);
  });

  it("does nothing in AuthMode.NONE (the menu only)", () => {
    const s = addon();
    s.run("onOpen", { authMode: "NONE" });
    expect(s.properties.document.getProperty("kpiTree.asOf")).toBeNull();
  });
});

describe("actual-only periods", () => {
  it("writes the period headers as text (never dates), and a target year to date from the elapsed share", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, templateDraft("b2b", "ja"), "parent", { periods: { ...MONTHLY, pairs: false } });
    const header = s.values("KPIツリー", "K2:V2")[0];
    expect(header[0]).toBe("2026年4月");
    expect(header[11]).toBe("2027年3月");
    expect(s.values("KPIツリー", "E1")[0][0]).toBe("経過");
    const view = s.snapshot("KPIツリー", 3, 26);
    expect(view.cells[2][22].formula).toBe('=KPI_TREE(A2:V9,{1,0.8},"ja",$D$1,$F$1)');
    // The target to date: flows scaled by the elapsed share, the rates (the last three KPIs) as they are.
    const share = s.values("KPIツリー", "F1")[0][0] as number;
    expect(share).toBeGreaterThan(0);
    const annual = s.values("KPIツリー", "E3:E9").map((r) => r[0] as number);
    const toDate = s.values("KPIツリー", "X3:X9").map((r) => r[0] as number);
    for (const [i, v] of toDate.entries()) expect(v / (i < 4 ? annual[i] * share : annual[i])).toBeCloseTo(1, 8);
  });
});

describe("cumulative phasing", () => {
  it("writes running totals ending on the annual target, and 集計 = 期末 so the year to date is the latest period", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, templateDraft("b2b", "ja"), "parent", {
      periods: { kind: "quarter", start: "2026-04", pairs: true, phasing: "cumulative" },
    });
    const header = s.values("KPIツリー", "A2:S2")[0];
    expect(header.slice(10, 13)).toEqual(["集計", "2026 Q1目標", "2026 Q1実績"]);
    expect(s.values("KPIツリー", "K3:K9").every((r) => r[0] === "期末")).toBe(true);
    // 100 orders a year, by quarter: 25, 50, 75, 100.
    const orders = s.values("KPIツリー", "L4:S4")[0].filter((_, k) => k % 2 === 0);
    expect(orders).toEqual([25, 50, 75, 100]);
  });
});
