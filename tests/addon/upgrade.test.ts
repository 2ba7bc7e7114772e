// Check tree upgrades the four single-purpose function columns earlier versions wrote (KPI_ROLLUP,
// KPI_REQUIRED, KPI_ACHIEVEMENT, KPI_STATUS) to one KPI_TREE over the same columns: one custom-function
// execution per edit instead of four, and a middle KPI without a target judged instead of "No data".
import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { templateDraft } from "../../src/core/templates";
import { FUNCTION_HEADERS } from "../../src/core/words";
import { readmePart } from "../helpers/readme";
import { detect, writeTree } from "../helpers/sidebar";
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

  it("leaves a lone function column of the user's (one KPI_ROLLUP beside the table) as it is, without an error", () => {
    const s = addon({ sheets: { Data: TABLE } });
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
    sheet.getRange("G1").setValue("Rollup");
    sheet.getRange("G2").setFormula("=KPI_ROLLUP(A1:F6)");
    select(s, "Data", "A1");
    expect(detect(s)).toMatchObject({ ok: true, functions: "G1:G6", planned: null });
    expect(s.run("addFunctionColumns", "Data", "A1:F6", null)).toMatchObject({ added: false, updated: false });
    expect(sheet.getRange("G2").getFormula()).toBe("=KPI_ROLLUP(A1:F6)");
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

/**
 * A period sheet as the wizard writes it now (template b2b, months from April 2026, as of 2026-06-15, three
 * actuals typed), and its year-to-date block's first-row formulas as the wizard wrote them before KPI_TREE took
 * `total` and `share`: with target/actual pairs KPI_TOTAL of actuals and of targets, with actuals only KPI_TOTAL
 * and an ARRAYFORMULA of the annual targets × the share elapsed (F1), rates (flag 1) as they are.
 */
function periodSheet(pairs: boolean) {
  const s = addon({ locale: "ja_JP" });
  writeTree(s, templateDraft("b2b", "ja"), "parent", {
    periods: { kind: "month", start: "2026-04", pairs, phasing: "even" },
  });
  const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(YTD_SHEET)!;
  s.type(YTD_SHEET, "B1", "2026-06-15");
  for (const [a1, v] of [
    ["L4", "8"],
    ["N4", "9"],
    ["P4", "10"],
  ])
    s.type(YTD_SHEET, a1, v);
  const [table, fx, own] = pairs
    ? ["A2:AH9", "AI2:AL9", "AI3:AI9,AJ3:AJ9,G3:G9"]
    : ["A2:V9", "W2:Z9", "W3:W9,X3:X9,G3:G9"];
  const legacy = [
    `=KPI_TOTAL(${table},"actual",$D$1)`,
    pairs ? `=KPI_TOTAL(${table},"target",$D$1)` : '=ARRAYFORMULA(IF(E3:E9="","",E3:E9*IF({0;0;0;0;1;1;1}=1,1,$F$1)))',
    `=KPI_ACHIEVEMENT(${own})`,
    `=KPI_STATUS(${own},{1,0.8},"ja")`,
  ];
  return { s, sheet, table, fx, first: sheet.getRange(fx).offset(1, 0, 1), legacy };
}

const YTD_SHEET = "KPIツリー";

/** Every cell of the sheet as shown: its value, and its background (the status rules' colours). */
function shown(s: ReturnType<typeof addon>, fx: string) {
  const range = `A1:${fx.split(":")[1]}`;
  const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(YTD_SHEET)!;
  const cells = sheet.getRange(range);
  const colours = s
    .values(YTD_SHEET, range)
    .map((row, r) => row.map((_, c) => s.effectiveBackground(YTD_SHEET, cells.getCell(r + 1, c + 1).getA1Notation())));
  return { values: s.values(YTD_SHEET, range), colours };
}

const ytdEdit = (s: ReturnType<typeof addon>, value: string) => {
  s.functionRuns.clear();
  s.type(YTD_SHEET, "L4", value);
  return Object.fromEntries(s.functionRuns);
};

describe("Check tree on the year-to-date block of period sheets written by earlier versions", () => {
  for (const pairs of [true, false])
    it(`replaces it by the one KPI_TREE the wizard writes now (${pairs ? "target/actual pairs: 4" : "actuals only: 3"} executions per edit become 1), every cell shown as before`, () => {
      const { s, sheet, table, fx, first, legacy } = periodSheet(pairs);
      const wizard = first.getFormulas()[0];
      expect(wizard[0]).toBe(`=KPI_TREE(${table},{1,0.8},"ja",$D$1${pairs ? "" : ",$F$1"})`);
      const now = shown(s, fx);
      // 受注数 (row 4) is coloured by its year-to-date status.
      expect(Object.values(DEFAULT_COLORS)).toContain(now.colours[3][0]);
      const rules = sheet.getConditionalFormatRules().length;
      const formats = first.offset(0, 0, 7).getNumberFormats();

      first.setFormulas([legacy]);
      expect(shown(s, fx)).toEqual(now);
      expect(ytdEdit(s, "9")).toEqual(
        pairs
          ? { KPI_TOTAL: 2, KPI_ACHIEVEMENT: 1, KPI_STATUS: 1 }
          : { KPI_TOTAL: 1, KPI_ACHIEVEMENT: 1, KPI_STATUS: 1 },
      );
      const before = shown(s, fx);
      expect(before.values[3]).not.toEqual(now.values[3]);

      s.select(YTD_SHEET, "A2");
      const runs = pairs ? 4 : 3;
      expect(detect(s)).toMatchObject({ ok: true, table, functions: fx, upgrade: runs, planned: null });
      // A selection of the table alone finds the block beside it too.
      s.select(YTD_SHEET, table);
      expect(detect(s)).toMatchObject({ table, functions: fx, upgrade: runs });
      s.resetCalls();
      expect(s.run("addFunctionColumns", YTD_SHEET, table, null)).toMatchObject({
        added: false,
        updated: true,
        functions: fx,
      });
      expect(s.calls.get("Range.setFormulas")).toBe(1);
      expect(s.calls.get("Range.setValues")).toBeUndefined();
      expect(first.getFormulas()).toEqual([wizard]);
      expect(shown(s, fx)).toEqual(before);
      expect(sheet.getConditionalFormatRules()).toHaveLength(rules);
      expect(first.offset(0, 0, 7).getNumberFormats()).toEqual(formats);

      expect(ytdEdit(s, "8")).toEqual({ KPI_TREE: 1 });
      expect(shown(s, fx)).toEqual(now);
      expect(detect(s)).not.toHaveProperty("upgrade");
    });

  it("with actuals only, gives a parent without an annual target of its own its rolled-up target to date, as new sheets do", () => {
    const { s, table, fx, first, legacy } = periodSheet(false);
    s.type(YTD_SHEET, "E4", "");
    first.setFormulas([legacy]);
    // 受注数 (row 4): no annual target, so the ARRAYFORMULA left its target to date blank.
    expect(s.values(YTD_SHEET, "X4")[0][0]).toBe("");
    s.select(YTD_SHEET, "A2");
    expect(detect(s)).toMatchObject({ functions: fx, upgrade: 3 });
    expect(s.run("addFunctionColumns", YTD_SHEET, table, null)).toMatchObject({ updated: true });
    // 商談数 500 (E5) × 受注率 20% (E8) = 100 a year, × the share of the year elapsed on 2026-06-15 (F1).
    const [[target]] = s.values(YTD_SHEET, "X4") as number[][];
    const [[share]] = s.values(YTD_SHEET, "F1") as number[][];
    expect(target).toBeCloseTo(100 * share, 9);
  });

  it("takes KPI rows appended below the table since into the KPI_TREE it writes, the rows above as they were", () => {
    for (const pairs of [true, false]) {
      const { s, table, fx, first, legacy } = periodSheet(pairs);
      first.setFormulas([legacy]);
      const before = shown(s, fx);
      for (const [c, v] of [
        ["A", "追加"],
        ["B", "K8"],
        ["C", "K1"],
        ["E", "1"],
      ])
        s.type(YTD_SHEET, `${c}10`, v);
      expect(s.values(YTD_SHEET, pairs ? "AL10" : "Z10")[0][0]).toBe("");
      s.select(YTD_SHEET, "A2");
      const grown = table.replace("9", "10");
      expect(detect(s)).toMatchObject({ table: grown, upgrade: pairs ? 4 : 3 });
      expect(s.run("addFunctionColumns", YTD_SHEET, grown, null)).toMatchObject({ updated: true });
      expect(first.getFormulas()[0][0]).toBe(`=KPI_TREE(${grown},{1,0.8},"ja",$D$1${pairs ? "" : ",$F$1"})`);
      // Rows 1–9 show what they showed, values and colours; row 10, outside the old formulas, gets its status.
      expect(shown(s, fx)).toEqual(before);
      expect(s.values(YTD_SHEET, pairs ? "AL10" : "Z10")[0][0]).toBe("データなし");
    }
  });

  it("is what the README shows: the formulas written before, and the one written now", () => {
    const text = readmePart("**Period sheets written by earlier versions**", "as on a new sheet.");
    for (const pairs of [true, false]) {
      const { first, legacy } = periodSheet(pairs);
      for (const f of [...(pairs ? legacy : legacy.slice(1, 2)), first.getFormulas()[0][0]])
        expect(text).toContain(`\`${f}\``);
    }
  });

  it("takes a KPI_TOTAL column of the user's own for theirs, not for an older year to date", () => {
    const { s, first } = periodSheet(true);
    const own = '=KPI_TOTAL(A2:AH9,"actual")';
    first.setFormulas([[own, "", "", ""]]);
    s.select(YTD_SHEET, "A2");
    const report = detect(s);
    expect(report.functions).toBeNull();
    expect(report).not.toHaveProperty("upgrade");
    // Its column is read with the table, up to the headers the wizard wrote (AL2); new columns would go right of them.
    expect(report.table).toBe("A2:AL9");
    expect(report.planned).toBe("AM2:AP9");
    expect(first.getFormulas()).toEqual([[own, "", "", ""]]);
  });

  it("leaves a year-to-date block with a formula changed by hand, and says so", () => {
    for (const [k, from, to] of [
      [3, "{1,0.8}", "{0.7,0.4}"],
      [0, '"actual"', '"target"'],
      [1, "{0;0;0;0;1;1;1}", "{0;0;0;0;0;1;1}"],
      [1, "$F$1", "$F$1*2"],
    ] as const) {
      const { s, table, fx, first, legacy } = periodSheet(k !== 1);
      const edited = legacy.map((f, j) => (j === k ? f.replace(from, to) : f));
      expect(edited).not.toEqual(legacy);
      first.setFormulas([edited]);
      s.select(YTD_SHEET, "A2");
      expect(detect(s)).toMatchObject({ ok: true, functions: fx, upgrade: false });
      expect(s.run("addFunctionColumns", YTD_SHEET, table, null)).toMatchObject({ updated: false });
      expect(first.getFormulas()).toEqual([edited]);
    }
  });
});
