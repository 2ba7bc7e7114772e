// The period functions in a sheet (the stand-in running dist/Code.js): date cells as period headers and as
// KPI_PACE's dates, read as the day the spreadsheet shows in its time zone; KPI_PERIODS spilling one column per period.
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { DIST } from "../helpers/dist";

/** Typed dates become Date cells (midnight in the sheet's zone), as in Sheets. */
const TREE = [
  ["指標名", "階層", "計算", "2026-04-01", "2026-05-01", "2026-06-01"],
  ["売上", 1, "×", "", "", ""],
  ["商談数", 2, "", 100, 300, ""],
  ["成約率", 2, "", "20%", "10%", ""],
  ["平均単価", 2, "", 1000000, 500000, ""],
];

function sheets(timeZone: string) {
  const s = createStandin({ locale: "ja_JP", timeZone, sheets: { KPI: TREE } });
  s.loadBundle(DIST);
  return s;
}

describe.each(["Asia/Tokyo", "America/Los_Angeles"])("period functions in a sheet (%s)", (zone) => {
  it("KPI_PERIODS spills one column per period; KPI_TOTAL weights the rate, through a date header", () => {
    const s = sheets(zone);
    const header = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("KPI")!.getRange("D1").getValue();
    expect(Object.prototype.toString.call(header)).toBe("[object Date]");
    s.type("KPI", "H2", "=KPI_PERIODS(A1:F5)");
    expect(s.values("KPI", "H2:J2").flat()).toEqual([20_000_000, 15_000_000, null].map((v) => v ?? ""));
    s.type("KPI", "L2", "=KPI_TOTAL(A1:F5)");
    const [sales, meetings, rate, price] = s.values("KPI", "L2:L5").flat() as number[];
    expect([sales, meetings]).toEqual([35_000_000, 400]);
    expect(rate).toBeCloseTo(0.125, 12);
    expect(price).toBeCloseTo(700_000, 6);
    // through given as the date cell of a header: April only.
    s.type("KPI", "M2", "=KPI_TOTAL(A1:F5,,D1)");
    expect(s.values("KPI", "M2:M3").flat()).toEqual([20_000_000, 100]);
    // KPI_TREE with its optional total: the year to date in its four columns (here actual-only: no target to date).
    s.type("KPI", "H10", '=KPI_TREE(A1:F5,,"ja",E1)');
    expect(s.values("KPI", "H10:K11")).toEqual([
      [35_000_000, "", "", "データなし"],
      [400, "", "", "データなし"],
    ]);
    s.type("KPI", "N2", '=KPI_ROLLUP(A1:F5,"2026-05-01")');
    expect(s.values("KPI", "N3").flat()).toEqual([300]);
  });

  it("KPI_PACE and KPI_FORECAST take date cells as the day shown", () => {
    const s = sheets(zone);
    s.type("KPI", "A8", "2026-04-01");
    s.type("KPI", "B8", "2027-03-31");
    s.type("KPI", "C8", "2026-09-30");
    s.type("KPI", "D8", "=KPI_PACE(500,1200,A8,B8,C8)");
    s.type("KPI", "E8", "=KPI_FORECAST(500,A8,B8,C8)");
    const [pace, projected] = s.values("KPI", "D8:E8").flat() as number[];
    expect(pace).toBeCloseTo(500 / ((1200 * 183) / 365), 9);
    expect(projected).toBeCloseTo((500 * 365) / 183, 6);
  });
});
