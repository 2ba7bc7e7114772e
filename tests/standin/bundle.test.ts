// The built bundle inside the stand-in: custom functions in cells, server
// functions called as google.script.run calls them, the add-on's menu.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { DIST } from "../helpers/dist";

/** Sales department example: ¥2,000万 = deals × price; deals = meetings × close rate. */
const TREE = [
  ["ID", "指標名", "親", "計算", "目標", "実績"],
  ["S1", "月間売上", "", "×", 20000000, ""],
  ["S2", "成約数", "S1", "×", 20, ""],
  ["S3", "商談数", "S2", "", 100, 90],
  ["S4", "成約率", "S2", "", "20%", "20%"],
  ["S5", "平均単価", "S1", "", 1000000, 1100000],
  ["", "", "", "", "", ""],
  ["", "", "", "", "", ""],
];

function tree() {
  const s = createStandin({ locale: "ja_JP", sheets: { KPI: TREE } });
  s.loadBundle(DIST);
  return s;
}

describe("custom functions from the built bundle", () => {
  it("registers every custom function of the registry in dist/Code.js", () => {
    expect(tree().customFunctions()).toEqual(expect.arrayContaining(["KPI_ROLLUP", "KPI_STATUS"]));
  });

  it("computes =KPI_ROLLUP(A1:F8) typed in a cell, spills, and recalculates when an actual changes", () => {
    const s = tree();
    s.type("KPI", "H2", "=KPI_ROLLUP(A1:F8)");
    const before = s.values("KPI", "H2:H6").flat();
    // 90 meetings × 20% = 18 deals; 18 × ¥110万 = ¥1,980万.
    expect(before).toEqual([19800000, 18, 90, 0.2, 1100000]);
    s.type("KPI", "F4", "100");
    expect(s.values("KPI", "H2:H4").flat()).toEqual([22000000, 20, 100]);
    // Only the anchor holds the formula; the rest is spilled.
    expect(s.globals.SpreadsheetApp.getActive().getRange("KPI!H2:H3").getFormulas()).toEqual([
      ["=KPI_ROLLUP(A1:F8)"],
      [""],
    ]);
  });

  it("re-spills at the new size when formulas in the same cells are replaced by ones over a longer range", () => {
    const s = tree();
    const row = s.globals.SpreadsheetApp.getActive().getRange("KPI!H2:I2");
    row.setFormulas([["=KPI_ROLLUP(A1:F6)", "=KPI_ACHIEVEMENT(H2:H6,E2:E6)"]]);
    expect(s.values("KPI", "I2:I6").flat()).toEqual([0.99, 0.9, 0.9, 1, 1.1]);
    // A KPI appended below the table, then the formulas rewritten over it, as the add-on does.
    for (const [a1, v] of [
      ["A7", "S6"],
      ["B7", "係数"],
      ["C7", "S1"],
      ["E7", "1"],
      ["F7", "1"],
    ])
      s.type("KPI", a1, v);
    row.setFormulas([["=KPI_ROLLUP(A1:F7)", "=KPI_ACHIEVEMENT(H2:H7,E2:E7)"]]);
    expect(s.values("KPI", "H2:I7")).toEqual([
      [19800000, 0.99],
      [18, 0.9],
      [90, 0.9],
      [0.2, 1],
      [1100000, 1.1],
      [1, 1],
    ]);
  });

  it("spills a formula over cells the same write clears, as Sheets writes a block at once", () => {
    const s = tree();
    const row = s.globals.SpreadsheetApp.getActive().getRange("KPI!H2:I2");
    row.setFormulas([["=KPI_ROLLUP(A1:F6)", "=KPI_ACHIEVEMENT(H2:H6,E2:E6)"]]);
    row.setFormulas([["=KPI_TREE(A1:F6)", ""]]);
    expect(s.values("KPI", "H2:I3")).toEqual([
      [19800000, 20000000],
      [18, 20],
    ]);
  });

  it("shows #REF! when the spill is blocked, like Sheets", () => {
    const s = tree();
    s.type("KPI", "H4", "blocker");
    s.type("KPI", "H2", "=KPI_ROLLUP(A1:F8)");
    expect(s.values("KPI", "H2")).toEqual([["#REF!"]]);
    s.type("KPI", "H4", "");
    expect(s.values("KPI", "H2")).toEqual([[19800000]]);
  });

  it("turns a thrown error into #ERROR! with a readable message", () => {
    const s = tree();
    s.type("KPI", "J1", "=KPI_ROLLUP(B2:B3)");
    expect(s.values("KPI", "J1")).toEqual([["#ERROR!"]]);
    expect(s.errorMessage("KPI", "J1")).toMatch(/\S{10,}/);
  });

  it("passes a 1×1 range as a scalar and answers in the spreadsheet's language", () => {
    const s = tree();
    s.type("KPI", "J3", "=KPI_STATUS(F5, E5)");
    s.type("KPI", "J4", "=KPI_STATUS(F3, E3)");
    expect(s.values("KPI", "J3:J4").flat()).toEqual(["達成", "データなし"]);
  });

  it("counts the calls a custom function makes", () => {
    const s = tree();
    s.resetCalls();
    s.type("KPI", "J3", "=KPI_STATUS(F5, E5)");
    expect(s.calls.get("Spreadsheet.getSpreadsheetLocale")).toBeGreaterThan(0);
  });
});

describe("run(): server functions as google.script.run calls them", () => {
  /** A tiny bundle of our own, to check the calling convention apart from the add-on. */
  function fake() {
    const dir = mkdtempSync(join(tmpdir(), "standin-"));
    writeFileSync(
      join(dir, "Code.js"),
      `var state = { n: 0 };
function echo(x) { return x; }
function bump(obj) { obj.n = (obj.n || 0) + 1; state.n++; return obj; }
function today() { return new Date(0); }
function fail() { throw new Error("nope: bad input"); }
function secret_() { return 1; }
function write() { SpreadsheetApp.getActiveSheet().getRange("A1").setValue(1); }
function writeGrid() { SpreadsheetApp.getActiveSheet().getRange("C1:D2").setValues([[1, "'=x"], ["=C1*2", null]]); }
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function page() { var t = HtmlService.createTemplateFromFile("Page"); t.who = "<b>"; return t.evaluate().getContent(); }
function WRITE_IT() { SpreadsheetApp.getActiveSheet().getRange("Z1").setValue(1); return 1; }
function ROW_OF(n) { return [n, n * 2]; }
function KIND(x) { return Object.prototype.toString.call(x) + (x instanceof Date ? ":Date" : ""); }
function spec(name, params) {
  return { spec: { name: name, summary: name, returns: "", shape: { kind: "single" },
    params: params.map(function (p) { return { name: p, example: "A1", help: p }; }) } };
}
// The registry the stand-in registers custom functions from, as src/functions/registry.ts declares it.
var KpiTree = { CUSTOM_FUNCTIONS: [spec("WRITE_IT", []), spec("ROW_OF", ["n"]), spec("KIND", ["x"])] };
`,
    );
    writeFileSync(join(dir, "Page.html"), "<p>Hi <?= who ?></p><?!= include('Style') ?>");
    writeFileSync(join(dir, "Style.html"), "<style>p{}</style>");
    const s = createStandin();
    s.loadBundle(dir);
    return s;
  }

  it("passes arguments and results through JSON", () => {
    const s = fake();
    const arg = { a: [1, "x", null], n: 1 };
    const out = s.run("bump", arg) as { n: number };
    expect(out).toEqual({ a: [1, "x", null], n: 2 });
    expect(arg.n).toBe(1);
    expect(s.run("echo", [undefined, 1])).toEqual([null, 1]);
  });

  it("rejects a Date argument and a Date result, as Apps Script documents", () => {
    const s = fake();
    expect(() => s.run("echo", new Date())).toThrow(/Date is not a legal parameter/);
    expect(() => s.run("echo", { when: new Date() })).toThrow(/Date/);
    expect(() => s.run("today")).toThrow(/Date is not a legal return value/);
  });

  it("propagates errors with their message and hides private functions", () => {
    const s = fake();
    expect(() => s.run("fail")).toThrow("nope: bad input");
    expect(() => s.run("secret_")).toThrow("Script function not found: secret_");
    expect(() => s.run("missing")).toThrow("Script function not found: missing");
  });

  it("accepts arrays built by the script (another realm) in setValues", () => {
    const s = fake();
    s.run("writeGrid");
    expect(s.values("Sheet1", "C1:D2")).toEqual([
      [1, "=x"],
      [2, ""],
    ]);
  });

  it("evaluates templates in the script's scope, with include() and escaping", () => {
    expect(fake().run("page")).toBe("<p>Hi &#60;b&#62;</p><style>p{}</style>");
  });

  it("lets custom functions read but not write", () => {
    const s = fake();
    s.type("Sheet1", "A1", "=WRITE_IT()");
    expect(s.values("Sheet1", "A1")).toEqual([["#ERROR!"]]);
    expect(s.errorMessage("Sheet1", "A1")).toMatch(/permission to call Range.setValue/);
    s.run("write");
    expect(s.values("Sheet1", "A1")).toEqual([[1]]);
  });

  it("spills a 1-D array as a row and passes dates as Date", () => {
    const s = fake();
    s.type("Sheet1", "A1", "=ROW_OF(3)");
    expect(s.values("Sheet1", "A1:C1")).toEqual([[3, 6, ""]]);
    s.type("Sheet1", "A2", "2024/01/05");
    s.type("Sheet1", "B2", "=KIND(A2)");
    s.type("Sheet1", "C2", "=KIND(A1)");
    expect(s.values("Sheet1", "B2:C2")).toEqual([["[object Date]:Date", "[object Number]"]]);
  });
});

describe("the add-on's menu", () => {
  it("runs onOpen against the stand-in and records the items it adds", () => {
    const s = tree();
    s.run("onOpen", { authMode: "FULL" });
    const items = s.ui.menus.flatMap((m) => m.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items.filter((i) => i.functionName)) {
      expect(item.caption).not.toBe("");
      // Each item names a top-level function of the bundle (it may still fail for other reasons here).
      let message = "";
      try {
        s.run(item.functionName!);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toMatch(/Script function not found/);
    }
  });
});
