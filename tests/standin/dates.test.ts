// Dates in the spreadsheet's time zone: a Date cell typed 2024-01-01 in Tokyo
// holds the instant 2023-12-31T15:00Z, and must still be the 1st everywhere.
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { DIST } from "../helpers/dist";
import { analyze } from "../helpers/sidebar";

/** A KPI named by a date (typed, so a Date cell), its children naming it as text and as a date. */
const TREE = [
  ["指標名", "親", "計算", "実績"],
  ["売上", "", "+", ""],
  ["2024-01-01", "売上", "+", ""],
  ["午前", "'2024-01-01", "", 5],
  ["午後", "2024-01-01", "", 7],
];

function sheets(timeZone: string, data: Record<string, unknown[][]>) {
  const s = createStandin({ locale: "ja_JP", timeZone, sheets: data });
  s.loadBundle(DIST);
  return s;
}

describe("dates in the spreadsheet's time zone (Asia/Tokyo)", () => {
  it("the stand-in holds a typed date as midnight in Tokyo, as Sheets does", () => {
    const s = sheets("Asia/Tokyo", { KPI: TREE });
    const cell = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("KPI")!.getRange("A3").getValue();
    expect((cell as Date).toISOString()).toBe("2023-12-31T15:00:00.000Z");
    expect(s.globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
  });

  it.each(["Asia/Tokyo", "America/Los_Angeles", "Etc/UTC"])(
    "in %s, a KPI named by a date cell is found by children naming it as text or as the same date",
    (zone) => {
      const s = sheets(zone, { KPI: TREE });
      s.type("KPI", "F2", "=KPI_ROLLUP(A1:D5)");
      expect(s.values("KPI", "F2:F5").flat()).toEqual([12, 12, 5, 7]);
    },
  );

  it("messages show the day typed, not the UTC day before it", () => {
    const s = sheets("Asia/Tokyo", {
      KPI: [
        ["指標名", "親", "計算", "実績"],
        ["売上", "", "+", ""],
        ["件数", "売上", "", "2024-01-01"],
      ],
      P: [
        ["指標名", "親", "計算", "実績"],
        ["2024-01-01", "", "+", ""],
        ["件数", "2024-01-02", "", 1],
      ],
    });
    s.type("KPI", "F2", "=KPI_ROLLUP(A1:D3)");
    expect(s.errorMessage("KPI", "F2")).toContain(
      "3行目（件数）の「実績」列: 「2024-01-01」は数値として読めません（日付です）。",
    );
    s.type("P", "F2", "=KPI_ROLLUP(A1:D3)");
    expect(s.errorMessage("P", "F2")).toContain("3行目（件数）の「親」列: 親「2024-01-02」が範囲内にありません。");
    s.type("KPI", "H2", "=KPI_ACHIEVEMENT(D3, 1)");
    expect(s.errorMessage("KPI", "H2")).toContain("「2024-01-01」は数値として読めません（日付です）");
  });

  it("a history date typed back in as a date charts on its own day", () => {
    const s = sheets("Asia/Tokyo", {
      T: [
        ["Name", "Parent", "Op", "Target", "Actual"],
        ["Total", "", "+", 2, ""],
        ["Part", "Total", "", 2, 1],
      ],
      "KPI History": [
        ["date", "table", "key", "name", "target", "actual"],
        ["2024-01-01", "T!A1", "Total", "Total", 2, 1],
        ["'2024-01-02", "T!A1", "Total", "Total", 2, 1.5],
      ],
    });
    const history = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("KPI History")!;
    expect(Object.prototype.toString.call(history.getRange("A2").getValue())).toBe("[object Date]");
    const a = analyze(s, "T", "A1:E3");
    expect(a.history[0].points.map((p) => [p.date, p.actual])).toEqual([
      ["2024-01-01", 1],
      ["2024-01-02", 1.5],
    ]);
  });
});
