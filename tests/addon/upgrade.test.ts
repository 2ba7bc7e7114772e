// Check tree upgrades the four single-purpose function columns earlier versions wrote (KPI_ROLLUP,
// KPI_REQUIRED, KPI_ACHIEVEMENT, KPI_STATUS) to one KPI_TREE over the same columns: one custom-function
// execution per edit instead of four, and a middle KPI without a target judged instead of "No data".
import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { FUNCTION_HEADERS } from "../../src/core/words";
import { detect } from "../helpers/sidebar";
import { addon, select } from "./helpers";

const TABLE = [
  ["Name", "Level", "Op", "Target", "Actual", "Direction", "", "", "", "", "Memo"],
  ["Orders", 1, "×", 100, "", "", "", "", "", "", "keep me"],
  ["Meetings", 2, "×", "", "", "", "", "", "", "", ""],
  ["Leads", 3, "", 5000, 4000, "", "", "", "", "", ""],
  ["Meeting rate", 3, "", 0.1, 0.11, "", "", "", "", "", ""],
  ["Close rate", 2, "", 0.2, 0.18, "", "", "", "", "", ""],
];

/** The first-row formulas as the add-on wrote them before KPI_TREE: without, then with, the table as last argument. */
const LEGACY = {
  "first versions": [
    "=KPI_ROLLUP(A1:F6)",
    "=KPI_REQUIRED(A1:F6)",
    "=KPI_ACHIEVEMENT(G2:G6,D2:D6,F2:F6)",
    '=KPI_STATUS(G2:G6,D2:D6,F2:F6,{1,0.8},"en")',
  ],
  "with the table": [
    "=KPI_ROLLUP(A1:F6)",
    "=KPI_REQUIRED(A1:F6)",
    "=KPI_ACHIEVEMENT(G2:G6,D2:D6,F2:F6,A1:F6)",
    '=KPI_STATUS(G2:G6,D2:D6,F2:F6,{1,0.8},"en",A1:F6)',
  ],
};

function legacySheet(formulas: string[]) {
  const s = addon({ sheets: { Data: TABLE } });
  const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
  sheet.getRange("G1:J1").setValues([[...FUNCTION_HEADERS.en]]);
  sheet.getRange("G2:J2").setFormulas([formulas]);
  sheet.getRange("I2:I6").setNumberFormat("0.0%");
  select(s, "Data", "A1:J6");
  s.run("applyStatusColors");
  return { s, sheet };
}

const edit = (s: ReturnType<typeof addon>, value: string) => {
  s.functionRuns.clear();
  s.type("Data", "E4", value);
  return Object.fromEntries(s.functionRuns);
};

describe("Check tree on the four single-purpose columns of earlier versions", () => {
  for (const [version, formulas] of Object.entries(LEGACY))
    it(`replaces them by one KPI_TREE (${version}): 4 executions per edit become 1, Meetings gets judged`, () => {
      const { s, sheet } = legacySheet(formulas);
      expect(edit(s, "4050")).toEqual({ KPI_ROLLUP: 1, KPI_REQUIRED: 1, KPI_ACHIEVEMENT: 1, KPI_STATUS: 1 });
      const before = s.values("Data", "A1:K6");
      // The middle KPI has no target of its own: only KPI_STATUS given the table judges it.
      expect(before[2][9]).toBe(version === "first versions" ? "No data" : "At risk");

      select(s, "Data", "A1");
      const report = detect(s);
      expect(report).toMatchObject({ ok: true, table: "A1:F6", functions: "G1:J6", upgrade: true, planned: null });
      s.resetCalls();
      const rulesBefore = sheet.getConditionalFormatRules().length;
      expect(s.run("addFunctionColumns", "Data", "A1:F6", null)).toMatchObject({
        added: false,
        updated: true,
        functions: "G1:J6",
      });
      // One row of four cells rewritten, no value written: headers, memo and table as they were.
      expect(s.calls.get("Range.setFormulas")).toBe(1);
      expect(s.calls.get("Range.setValues")).toBeUndefined();
      expect(sheet.getRange("G2:J2").getFormulas()).toEqual([['=KPI_TREE(A1:F6,{1,0.8},"en")', "", "", ""]]);
      const after = s.values("Data", "A1:K6");
      expect(after.map((r) => [...r.slice(0, 6), r[10]])).toEqual(before.map((r) => [...r.slice(0, 6), r[10]]));
      expect(after[0]).toEqual(before[0]);
      // The same figures, except the middle KPI, now judged against 5,000 × 10% = 500 (4,050 × 11% = 445.5: 89.1%).
      expect(after.map((r) => r.slice(6, 8))).toEqual(before.map((r) => r.slice(6, 8)));
      expect(after[2].slice(8, 10)).toEqual([0.891, "At risk"]);
      for (const r of [1, 3, 4, 5]) expect(after[r].slice(8, 10)).toEqual(before[r].slice(8, 10));
      expect(sheet.getRange("I2:I6").getNumberFormats()).toEqual(new Array(5).fill(["0.0%"]));
      expect(sheet.getConditionalFormatRules()).toHaveLength(rulesBefore);
      expect(s.effectiveBackground("Data", "J3")).toBe(DEFAULT_COLORS.atRisk);
      expect(s.effectiveBackground("Data", "A3")).toBe(DEFAULT_COLORS.atRisk);

      expect(edit(s, "4100")).toEqual({ KPI_TREE: 1 });
      expect(s.values("Data", "G4")[0][0]).toBe(4100);
      // Done: Check tree no longer offers it.
      expect(detect(s)).not.toHaveProperty("upgrade");
      expect(s.run("addFunctionColumns", "Data", "A1:F6", null)).toMatchObject({ updated: false });
    });

  it("leaves them when the user changed one of them, and says so", () => {
    const formulas = [...LEGACY["first versions"]];
    formulas[3] = '=KPI_STATUS(G2:G6,D2:D6,F2:F6,{0.7,0.4},"en")';
    const { s, sheet } = legacySheet(formulas);
    select(s, "Data", "A1");
    expect(detect(s)).toMatchObject({ ok: true, functions: "G1:J6", upgrade: false });
    expect(s.run("addFunctionColumns", "Data", "A1:F6", null)).toMatchObject({ updated: false });
    expect(sheet.getRange("G2:J2").getFormulas()).toEqual([formulas]);
    expect(edit(s, "4100")).toEqual({ KPI_ROLLUP: 1, KPI_REQUIRED: 1, KPI_ACHIEVEMENT: 1, KPI_STATUS: 1 });
  });

  it("takes KPI rows appended below the table into the KPI_TREE it writes", () => {
    const { s, sheet } = legacySheet(LEGACY["first versions"]);
    for (const [a1, v] of [
      ["A7", "Region factor"],
      ["B7", "2"],
      ["E7", "1"],
    ])
      s.type("Data", a1, v);
    select(s, "Data", "A1");
    expect(s.run("addFunctionColumns", "Data", "A1:F7", null)).toMatchObject({ updated: true });
    expect(sheet.getRange("G2").getFormula()).toBe('=KPI_TREE(A1:F7,{1,0.8},"en")');
    expect(s.values("Data", "G7:J7")[0].slice(0, 1)).toEqual([1]);
  });
});
