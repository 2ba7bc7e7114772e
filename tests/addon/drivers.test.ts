// The sidebar's gap waterfall, sensitivity, goal seek and "write as targets"
// (issue 11) run from dist/ on the stand-in holding the sales sample, as
// google.script.run calls them.
import { describe, expect, it } from "vitest";
import { SAMPLE_SHEET, sampleStandin } from "../../dev/preview/sample";
import { DIST } from "../helpers/dist";
import { analyze, seek, writeSeek } from "../helpers/sidebar";
import { callsOf } from "./helpers";

const TABLE = "A1:H10";
/** Sample rows: 2 月間売上, 3 成約数, 4 商談数, 5 架電数, 6 アポ率, 7 商談化率, 8 成約率, 9 平均単価. */
const ROW = { kgi: 2, deals: 3, meetings: 4, calls: 5, appoint: 6, meetRate: 7, closeRate: 8, price: 9 };

describe("analysis: gap waterfall, sensitivity, design checks", () => {
  it("splits the ¥515万 shortfall, largest share first, and ranks the leaves per 1%", () => {
    const s = sampleStandin(DIST);
    const a = analyze(s, SAMPLE_SHEET, TABLE);
    const [w] = a.waterfalls;
    expect(w).toMatchObject({ row: ROW.kgi, name: "月間売上", target: 20_000_000 });
    expect(w.actual).toBeCloseTo(14_850_000, 3);
    expect(w.steps.map((x) => x.name)).toEqual(["アポ率", "架電数", "平均単価"]);
    expect(w.steps.reduce((sum, x) => sum + x.share, 0)).toBeCloseTo(-5_150_000, 3);
    expect(a.sensitivity.map((x) => x.impact)).toEqual(new Array(5).fill(0.01));
    expect(a.report.design).toEqual([]);
    expect(a.ksfRows).toEqual([]);
  });
});

describe("goal seek and write as targets", () => {
  it("seeks over the chosen drivers, writing nothing", () => {
    const s = sampleStandin(DIST);
    const before = s.values(SAMPLE_SHEET, TABLE);
    s.resetCalls();
    const [plan] = seek(s, SAMPLE_SHEET, TABLE, [ROW.calls, ROW.appoint]).plans;
    expect(plan.rate).toBeCloseTo(0.1605177, 6);
    expect(plan.drivers.map((d) => d.name)).toEqual(["架電数", "アポ率"]);
    expect(plan.drivers[0].value).toBeCloseTo(900 * (1 + plan.rate), 9);
    expect(Object.keys(callsOf(s)).filter((k) => /\.set|insert/.test(k))).toEqual([]);
    expect(s.values(SAMPLE_SHEET, TABLE)).toEqual(before);
  });

  it("writes every leaf's value and the stated targets above them in one write; the KGI's target then combines", () => {
    const s = sampleStandin(DIST);
    const before = s.values(SAMPLE_SHEET, "A1:M10");
    const sought = seek(s, SAMPLE_SHEET, TABLE, []);
    const [plan] = sought.plans;
    s.resetCalls();
    const done = writeSeek(s, SAMPLE_SHEET, TABLE, sought);
    expect(done).toMatchObject({ cells: 7, writes: 1 });
    expect(done.roots[0].combined).toBeCloseTo(20_000_000, 3);
    expect(callsOf(s)["Range.setValues"]).toBe(1);
    const after = s.values(SAMPLE_SHEET, "A1:M10");
    // In the table (A:H), only the Target column (E) of rows 3–9 changed; the function columns recalculate.
    for (let r = 0; r < after.length; r++)
      for (let c = 0; c < 8; c++) {
        if (c === 4 && r >= ROW.deals - 1 && r <= ROW.price - 1) continue;
        expect(after[r][c], `row ${r + 1} col ${c + 1}`).toEqual(before[r][c]);
      }
    expect(after[ROW.calls - 1][4]).toBeCloseTo(900 * (1 + plan.rate), 6);
    // KPI_CHECK (column M) says OK all the way up.
    expect([after[1][12], after[2][12], after[3][12]]).toEqual(["OK", "OK", "OK"]);
  });

  it("refuses to write when the table changed since the seek", () => {
    const s = sampleStandin(DIST);
    const sought = seek(s, SAMPLE_SHEET, TABLE, []);
    s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SAMPLE_SHEET)!.getRange("F5").setValue(800);
    expect(() => writeSeek(s, SAMPLE_SHEET, TABLE, sought)).toThrow(/表が変わりました/);
    const before = s.values(SAMPLE_SHEET, TABLE);
    // Only range rows of the table, with finite values: anything else is refused before a write.
    for (const writes of [[{ row: 1, value: 5 }], [{ row: 11, value: 5 }], [{ row: 3, value: null }]]) {
      const fresh = seek(s, SAMPLE_SHEET, TABLE, []);
      expect(() => s.run("writeSeekTargets", SAMPLE_SHEET, TABLE, fresh.read, writes)).toThrow(
        /行目は表の指標ではありません/,
      );
    }
    expect(s.values(SAMPLE_SHEET, TABLE)).toEqual(before);
  });

  it("selects a KPI's row in one call", () => {
    const s = sampleStandin(DIST);
    s.run("selectKpi", SAMPLE_SHEET, TABLE, ROW.appoint);
    const active = s.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveRange()!;
    expect(active.getA1Notation()).toBe("A6:H6");
    expect(() => s.run("selectKpi", SAMPLE_SHEET, TABLE, 40)).toThrow(/40 行目/);
  });
});
