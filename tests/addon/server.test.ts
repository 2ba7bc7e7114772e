// The add-on's server side (menu, settings, writing a tree, status colours,
// reading an existing table) run from dist/ on the Sheets stand-in.

import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { type Draft, setValue } from "../../src/core/draft";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { sheetPlan } from "../../src/core/sheetPlan";
import { templateDraft } from "../../src/core/templates";
import { FUNCTION_HEADERS, HEADER, outlineHeaders } from "../../src/core/words";
import type { SidebarState } from "../../src/shared/api";
import { HELP_TEXT } from "../../src/sidebar/help";
import { detect, writeTree } from "../helpers/sidebar";
import { addon, callsOf, deepDraft, select, wideDraft } from "./helpers";

const GREEN = DEFAULT_COLORS.achieved;
const YELLOW = DEFAULT_COLORS.atRisk;
const RED = DEFAULT_COLORS.offTrack;
const GREY = DEFAULT_COLORS.noData;

function withDeadline(d: Draft): Draft {
  d.nodes[0].deadline = "2026-03-31";
  return d;
}

describe("menu", () => {
  it("builds the add-on menu in the user's language", () => {
    for (const [locale, open, colours] of [
      ["ja_JP", "KPIツリーを開く", "状態の色を適用"],
      ["en_US", "Open KPI Tree", "Apply status colours"],
    ]) {
      const s = addon({ locale });
      s.run("onOpen", { authMode: "FULL" });
      const items = s.ui.menus[0].items.filter((i) => !i.separator);
      expect(s.ui.menus[0].addon).toBe(true);
      expect(items.map((i) => i.functionName)).toEqual([
        "showSidebar",
        "showNewTree",
        "applyStatusColors",
        "updateAsOfDate",
        "showTableCheck",
        "showDiagram",
        "showSettings",
        "showHelp",
      ]);
      expect(items[0].caption).toBe(open);
      expect(items[2].caption).toBe(colours);
    }
  });

  it("Help opens dist/Help.html as a dialog in the user's language, both languages' help inside the page", () => {
    for (const [locale, lang, title] of [
      ["ja_JP", "ja", "KPIツリー"],
      ["en_US", "en", "KPI Tree"],
    ]) {
      const s = addon({ locale });
      s.run("showHelp");
      expect(s.ui.dialogs).toHaveLength(1);
      const [dialog] = s.ui.dialogs;
      expect(dialog).toMatchObject({ title, modal: true });
      expect(dialog.html.endsWith(`<script>window.KPI_HELP="${lang}";</script>`)).toBe(true);
      for (const text of [HELP_TEXT.ja.steps[1], HELP_TEXT.en.steps[1]]) expect(dialog.html).toContain(text);
    }
  });

  it("works in AuthMode.NONE: no properties, no document", () => {
    const s = addon({ locale: "ja_JP" });
    const forbidden = (what: string) => () => {
      throw new Error(`${what} is not allowed in AuthMode.NONE`);
    };
    // Apps Script's globals as a not-yet-authorised add-on sees them: the UI and the locale only.
    const scope = vm.createContext({
      SpreadsheetApp: {
        getUi: () => s.globals.SpreadsheetApp.getUi(),
        getActiveSpreadsheet: forbidden("getActiveSpreadsheet"),
      },
      PropertiesService: {
        getDocumentProperties: forbidden("getDocumentProperties"),
        getUserProperties: forbidden("getUserProperties"),
      },
      Session: { getActiveUserLocale: () => "ja" },
    });
    vm.runInContext(readFileSync("dist/Code.js", "utf8"), scope);
    vm.runInContext('onOpen({ authMode: "NONE" }); onInstall({ authMode: "NONE" });', scope);
    expect(s.ui.menus).toHaveLength(1); // the add-on menu is replaced, not added twice
    expect(s.ui.menus[0].items[0].caption).toBe("KPIツリーを開く");
  });

  it("speaks the language setting: the menu and the sidebar's title follow it, at once and on the next open", () => {
    const s = addon({ locale: "ja_JP" });
    s.run("onOpen", { authMode: "FULL" });
    s.run("showSettings");
    expect(s.ui.sidebar?.title).toBe("KPIツリー");
    const first = s.ui.sidebar;
    const state = s.run("getSidebarState") as { settings: Record<string, unknown> };
    const saved = s.run("saveSettings", { ...state.settings, language: "en" }) as { lang: string; reopened: boolean };
    expect(saved).toMatchObject({ lang: "en", reopened: true });
    expect(s.ui.menus).toHaveLength(1);
    expect(s.ui.menus[0].items[0].caption).toBe("Open KPI Tree");
    // Sheets sets a sidebar's title when it opens: the sidebar was opened again, on the settings, saying "saved".
    expect(s.ui.sidebar).not.toBe(first);
    expect(s.ui.sidebar?.title).toBe("KPI Tree");
    expect(s.ui.sidebar?.html).toContain('window.KPI_TREE_VIEW="settings";window.KPI_TREE_SAVED=0;');
    // Saving again in the same language keeps the sidebar.
    const again = s.ui.sidebar;
    expect(s.run("saveSettings", { ...state.settings, language: "en" })).toMatchObject({ reopened: false });
    expect(s.ui.sidebar).toBe(again);
    // The next time the document opens: the setting where properties can be read, the account's language where not.
    s.run("onOpen", { authMode: "LIMITED" });
    expect(s.ui.menus[0].items[0].caption).toBe("Open KPI Tree");
    s.run("onOpen", { authMode: "NONE" });
    expect(s.ui.menus[0].items[0].caption).toBe("KPIツリーを開く");
  });

  it("opens the sidebar on the view the menu item names", () => {
    const s = addon();
    s.run("showSettings");
    expect(s.ui.sidebar?.html).toContain('window.KPI_TREE_VIEW="settings"');
    expect(s.ui.sidebar?.title).toBe("KPI Tree");
  });
});

describe("settings", () => {
  it("default to 100% / 80% and the account's language, and are stored in document properties", () => {
    const s = addon({ locale: "ja_JP" });
    const state = s.run("getSidebarState") as { lang: string; settings: { thresholds: unknown } };
    expect(state.lang).toBe("ja");
    expect(state.settings.thresholds).toEqual({ achieved: 1, atRisk: 0.8 });
    const saved = s.run("saveSettings", {
      ...state.settings,
      language: "en",
      okr: true,
      thresholds: { achieved: 0.7, atRisk: 0.4 },
    }) as { lang: string };
    expect(saved.lang).toBe("en");
    const stored = JSON.parse(s.properties.document.getProperty("kpiTree.settings") as string);
    expect(stored).toMatchObject({ language: "en", okr: true, thresholds: { achieved: 0.7, atRisk: 0.4 } });
  });

  it("refuse impossible thresholds and colours with a message in the user's language", () => {
    const s = addon({ locale: "ja_JP" });
    expect(() => s.run("saveSettings", { thresholds: { achieved: 0.5, atRisk: 0.8 } })).toThrow(/しきい値/);
    expect(() => s.run("saveSettings", { colors: { achieved: "red; background:url(x)" } })).toThrow(/#RRGGBB/);
    expect(s.properties.document.getProperty("kpiTree.settings")).toBeNull();
  });
});

describe("writing a tree to a new sheet", () => {
  it("writes the layout, one spilling formula per function column, formats and colours", () => {
    const s = addon({ locale: "ja_JP" });
    const result = writeTree(s, withDeadline(templateDraft("b2b", "ja"))) as Record<string, unknown>;
    expect(result).toMatchObject({ sheetName: "KPIツリー", table: "A1:K8", functions: "L1:O8", nodes: 7 });
    expect(s.values("KPIツリー", "A1:K1")[0]).toEqual([
      "指標名",
      "ID",
      "親",
      "計算",
      "目標",
      "実績",
      "単位",
      "方向",
      "担当",
      "期限",
      "重点",
    ]);
    expect(s.values("KPIツリー", "A2:D4")).toEqual([
      ["年間売上", "K1", "", "×"],
      ["受注数", "K2", "K1", "×"],
      ["商談数", "K3", "K2", "×"],
    ]);
    const view = s.snapshot("KPIツリー", 8, 15);
    expect(view.frozenRows).toBe(1);
    // One KPI_TREE call in the first data row fills the four columns: one execution per recalculation.
    expect(view.cells[1].slice(11).map((c) => c.formula)).toEqual(['=KPI_TREE(A1:K8,{1,0.8},"ja")', "", "", ""]);
    expect(view.cells.slice(2).every((row) => row.slice(11).every((c) => c.formula === ""))).toBe(true);
    // Required: 100 orders ÷ 20% = 500 meetings; ÷ 10% = 5,000 leads.
    const required = s.values("KPIツリー", "M2:M8").map((r) => r[0]);
    expect(required).toEqual([200_000_000, 100, 500, 5000, 0.1, 0.2, 2_000_000]);
    // Formats from units, deadline as a date, KGI row highlighted, header styled.
    expect(s.displayValue("KPIツリー", "E2")).toBe("200,000,000円");
    expect(s.displayValue("KPIツリー", "E3")).toBe("100件");
    expect(s.displayValue("KPIツリー", "E6")).toBe("10.0%");
    expect(s.displayValue("KPIツリー", "J2")).toBe("2026-03-31");
    expect(view.cells[0][0]).toMatchObject({ bold: true, background: "#1a73e8", fontColor: "#ffffff" });
    expect(view.cells[1][3]).toMatchObject({ bold: true, background: "#e8f0fe" });
    expect(view.cells[2][3].background).toBe("#ffffff");
    // No actuals yet: every status is "no data", in grey.
    expect(s.values("KPIツリー", "O2:O3")).toEqual([["データなし"], ["データなし"]]);
    expect(s.effectiveBackground("KPIツリー", "N2")).toBe(GREY);
    // The sidebar says what was written (its own words): no toast repeats it.
    expect(s.ui.toasts).toEqual([]);
  });

  it("never overwrites: the next tree goes to a new sheet with a unique name", () => {
    const s = addon({ sheets: { "KPI tree": [["mine"]] } });
    const first = writeTree(s, templateDraft("sales", "en")) as { sheetName: string };
    const second = writeTree(s, templateDraft("sales", "en")) as { sheetName: string };
    expect([first.sheetName, second.sheetName]).toEqual(["KPI tree (2)", "KPI tree (3)"]);
    expect(s.values("KPI tree", "A1:B2")).toEqual([
      ["mine", ""],
      ["", ""],
    ]);
  });

  it("writes what the user typed as text, never as a formula", () => {
    const s = addon();
    const draft = templateDraft("ecommerce", "en");
    const names = ['=IMPORTXML("http://example.com","//a")', "+1", "'x", "<img src=x onerror=alert(1)>"];
    names.forEach((name, k) => {
      draft.nodes[k].name = name;
    });
    draft.nodes[1].owner = "=1+1";
    draft.nodes[2].unit = "-5";
    writeTree(s, draft);
    const view = s.snapshot("KPI tree", 5, 11);
    expect(view.cells.slice(1, 5).map((r) => r[0].value)).toEqual(names);
    expect(view.cells.slice(1, 5).every((r) => r[0].formula === "")).toBe(true);
    expect(view.cells[2][8].value).toBe("=1+1");
    expect(view.cells[3][6].value).toBe("-5");
  });

  it("costs the same number of calls for 10 and 200 nodes", () => {
    const runs = [10, 200].map((n) => {
      const s = addon();
      s.resetCalls();
      writeTree(s, wideDraft(n));
      return { calls: callsOf(s), values: s.values("KPI tree", `L${n + 1}:L${n + 1}`)[0][0] };
    });
    expect(runs[1].calls).toEqual(runs[0].calls);
    expect(runs[0].calls["Range.setValues"]).toBe(1);
    expect(runs[0].calls["Range.setFormulas"]).toBe(1);
    expect(runs[0].calls["Range.setValue"]).toBeUndefined();
    expect(runs[0].calls["Range.setFormula"]).toBeUndefined();
    expect(runs[0].calls["Sheet.setConditionalFormatRules"]).toBe(1);
    expect(runs[1].values).toBe(200 % 2);
  });

  it("writes the outline layout: KGI, KPI1… columns, names at their depth, same formulas and values", () => {
    const s = addon({ locale: "ja_JP" });
    const draft = withDeadline(templateDraft("b2b", "ja"));
    const result = writeTree(s, draft, "outline") as Record<string, unknown>;
    // Four levels (A:D), eight data columns (E:L), then the four function columns.
    expect(result).toMatchObject({ sheetName: "KPIツリー", table: "A1:L8", functions: "M1:P8", nodes: 7 });
    const h = HEADER.ja;
    expect(s.values("KPIツリー", "A1:P1")[0]).toEqual([
      ...outlineHeaders(4),
      ...[h.op, h.target, h.actual, h.unit, h.direction, h.owner, h.deadline, h.ksf],
      ...FUNCTION_HEADERS.ja,
    ]);
    expect(s.values("KPIツリー", "A2:E8")).toEqual([
      ["年間売上", "", "", "", "×"],
      ["", "受注数", "", "", "×"],
      ["", "", "商談数", "", "×"],
      ["", "", "", "リード数", ""],
      ["", "", "", "商談化率", ""],
      ["", "", "受注率", "", ""],
      ["", "平均受注単価", "", "", ""],
    ]);
    const view = s.snapshot("KPIツリー", 8, 16);
    expect(view.frozenRows).toBe(1);
    expect(view.cells[1].slice(12).map((c) => c.formula)).toEqual(['=KPI_TREE(A1:L8,{1,0.8},"ja")', "", "", ""]);
    expect(view.cells.slice(2).every((row) => row.slice(12).every((c) => c.formula === ""))).toBe(true);
    // Names are text, never formulas; the reverse funnel as in the ID/parent layout.
    expect(view.cells.slice(1).every((row) => row.slice(0, 4).every((c) => c.formula === ""))).toBe(true);
    expect(s.values("KPIツリー", "N2:N8").map((r) => r[0])).toEqual([200_000_000, 100, 500, 5000, 0.1, 0.2, 2_000_000]);
    expect(s.displayValue("KPIツリー", "F2")).toBe("200,000,000円");
    expect(s.displayValue("KPIツリー", "F6")).toBe("10.0%");
    expect(s.displayValue("KPIツリー", "K2")).toBe("2026-03-31");
    expect(view.cells[1][1]).toMatchObject({ bold: true, background: "#e8f0fe" });

    // Colours: on the cell holding the name (and the achievement/status cells), not on blank outline cells.
    s.type("KPIツリー", "G5", "5000"); // leads: 100% → achieved
    s.type("KPIツリー", "G6", "9%"); // meeting rate 90% → at risk
    s.type("KPIツリー", "G7", "20%"); // close rate: achieved
    s.type("KPIツリー", "G8", "1000000"); // average order 50% → off track
    // Meetings 450 of 500 and orders 90 of 100: at risk; revenue ¥90M of ¥200M: off track.
    expect(s.values("KPIツリー", "P2:P8").map((r) => r[0])).toEqual([
      "未達",
      "要注意",
      "要注意",
      "達成",
      "要注意",
      "達成",
      "未達",
    ]);
    const names: [string, string][] = [
      ["A2", RED],
      ["B3", YELLOW],
      ["C4", YELLOW],
      ["D5", GREEN],
      ["D6", YELLOW],
      ["C7", GREEN],
      ["B8", RED],
    ];
    for (const [cell, colour] of names) expect(s.effectiveBackground("KPIツリー", cell), cell).toBe(colour);
    expect(s.effectiveBackground("KPIツリー", "O4")).toBe(YELLOW);
    expect(s.effectiveBackground("KPIツリー", "P8")).toBe(RED);
    // The blank outline cells beside a name keep the row's own look.
    expect(s.effectiveBackground("KPIツリー", "B2")).toBe("#e8f0fe");
    for (const cell of ["A3", "C3", "D4", "A5", "C8"])
      expect(s.effectiveBackground("KPIツリー", cell), cell).toBe("#ffffff");
    // Settings re-colour these rules too, still only the name cells.
    const state = s.run("getSidebarState") as { settings: Record<string, unknown> };
    s.run("saveSettings", { ...state.settings, colors: { ...DEFAULT_COLORS, offTrack: "#ff0000" } });
    expect(s.effectiveBackground("KPIツリー", "B8")).toBe("#ff0000");
    expect(s.effectiveBackground("KPIツリー", "C8")).toBe("#ffffff");
  });

  it("costs the same number of calls for 10 and 200 nodes in the outline layout", () => {
    const runs = [10, 200].map((n) => {
      const s = addon();
      s.resetCalls();
      const result = writeTree(s, wideDraft(n), "outline") as { table: string };
      return { calls: callsOf(s), table: result.table, last: s.values("KPI tree", `B${n + 1}:M${n + 1}`)[0] };
    });
    expect(runs[1].calls).toEqual(runs[0].calls);
    expect(runs[0].calls["Range.setValues"]).toBe(1);
    expect(runs[0].calls["Range.setFormulas"]).toBe(1);
    expect(runs[0].calls["Range.setValue"]).toBeUndefined();
    expect(runs[0].calls["Sheet.setConditionalFormatRules"]).toBe(1);
    expect(runs.map((r) => r.table)).toEqual(["A1:J11", "A1:J201"]);
    // Row 201: "KPI 200" in KPI1 (column B); its rollup (K) is its own actual, 200 % 2 = 0.
    expect(runs[1].last[0]).toBe("KPI 200");
    expect(runs[1].last[9]).toBe(0);
  });

  it("writes 5,000 KPIs over 20 levels in either layout with the calls of a 10-KPI tree, growing the new sheet", () => {
    for (const layout of ["parent", "outline"] as const) {
      const runs = [wideDraft(10), deepDraft(5000, 20)].map((draft) => {
        const s = addon();
        s.resetCalls();
        const result = writeTree(s, draft, layout) as { table: string; functions: string };
        return { s, calls: callsOf(s), result };
      });
      expect(runs[1].calls, layout).toEqual(runs[0].calls);
      expect(runs[0].calls["Sheet.insertRowsAfter"]).toBe(1);
      expect(runs[0].calls["Sheet.insertColumnsAfter"]).toBe(1);
      const { s, result } = runs[1];
      // The last KPI's row, its name where the layout puts it, and its rolled-up actual (5000 % 2).
      const last = s.values("KPI tree", result.table.replace(/^A1:([A-Z]+)(\d+)$/, "A$2:$1$2"))[0];
      expect(last[layout === "parent" ? 0 : 1], layout).toBe("KPI 5000");
      expect(s.values("KPI tree", result.functions.replace(/^([A-Z]+)1:[A-Z]+(\d+)$/, "$1$2"))[0][0]).toBe(0);
      // The 20th level is read back: the KGI's total counts the chain's leaf and the 4,980 other leaves.
      expect(s.values("KPI tree", result.functions.replace(/^([A-Z]+)1:.*$/, "$1" + "2"))[0][0]).toBe(2490);
      if (layout === "outline") expect(s.values("KPI tree", "T21")[0][0]).toBe("Level 20");
    }
  }, 120_000);

  it("refuses an unknown layout before touching the spreadsheet", () => {
    const s = addon({ locale: "ja_JP" });
    expect(() => writeTree(s, templateDraft("sales", "ja"), "tree")).toThrow(/レイアウト/);
    expect(s.sheetNames()).toEqual(["Sheet1"]);
  });

  it("refuses a plan it cannot write (not what sheetPlan lays out) before touching the spreadsheet", () => {
    const s = addon({ locale: "en_US" });
    const state = s.run("getSidebarState") as SidebarState;
    const plan = sheetPlan(templateDraft("sales", "en"), "parent", {}, "en", state.settings.thresholds);
    const broken: unknown[] = [
      {},
      { ...plan, values: [plan.values[0]] },
      { ...plan, values: [...plan.values, ["short"]] },
      { ...plan, kgiRows: [99] },
      { ...plan, formats: [{ row: 2, column: 5, rows: 3, columns: 1, format: [["0"]] }] },
      { ...plan, top: 2 },
    ];
    for (const p of broken) expect(() => s.run("writeTree", p)).toThrow(/The new sheet's contents cannot be read/);
    expect(s.sheetNames()).toEqual(["Sheet1"]);
    expect(s.ui.toasts).toEqual([]);
  });

  it("refuses a tree the functions could not read, with the reason", () => {
    const s = addon({ locale: "ja_JP" });
    const draft = templateDraft("sales", "ja");
    draft.nodes[0].op = "";
    expect(() => writeTree(s, draft)).toThrow(/計算方法/);
    expect(s.sheetNames()).toEqual(["Sheet1"]);
  });

  it("refuses values that are not numbers, whether kept as typed or sent in a number's place", () => {
    const s = addon({ locale: "en_US" });
    const typed = withDeadline(setValue(templateDraft("sales", "en"), 2, "target", undefined, "abc"));
    expect(() => writeTree(s, typed)).toThrow(/The target of "[^"]+", "abc", is not a number/);
    const sent = withDeadline(templateDraft("sales", "en")) as unknown as { nodes: Record<string, unknown>[] };
    sent.nodes[3].actual = "lots";
    expect(() => writeTree(s, sent)).toThrow(/"lots", is not a number/);
    expect(s.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("status colours", () => {
  it("follow the values live, direction-aware", () => {
    const s = addon();
    writeTree(s, withDeadline(templateDraft("saas", "en")));
    const sheet = "KPI tree";
    // Rows: 2 MRR, 3 paying customers, 4 churn (lower is better), 5 logins, 6 fee.
    s.type(sheet, "F3", "200"); // 100% → achieved
    s.type(sheet, "F4", "2%"); // churn 2% against ≤ 3% → achieved
    s.type(sheet, "F5", "50%"); // 83% → at risk
    s.type(sheet, "F6", "30000"); // 60% → off track
    expect(s.effectiveBackground(sheet, "N3")).toBe(GREEN);
    expect(s.effectiveBackground(sheet, "A4")).toBe(GREEN);
    expect(s.effectiveBackground(sheet, "O5")).toBe(YELLOW);
    expect(s.effectiveBackground(sheet, "N6")).toBe(RED);
    // MRR rolls up: 200 × 30,000 = 6,000,000 of 10,000,000 → off track.
    expect(s.values(sheet, "L2")[0][0]).toBe(6_000_000);
    expect(s.effectiveBackground(sheet, "A2")).toBe(RED);
    s.type(sheet, "F4", "4%"); // worse than 3% → 66.7% → off track
    expect(s.values(sheet, "O4")[0][0]).toBe("Off track");
    expect(s.effectiveBackground(sheet, "N4")).toBe(RED);
    // Columns without rules keep their own look.
    expect(s.effectiveBackground(sheet, "E4")).toBe("#ffffff");
  });

  it("re-applying replaces only our rules; the user's rules stay, in order", () => {
    const s = addon();
    writeTree(s, withDeadline(templateDraft("sales", "en")));
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("KPI tree")!;
    const mine = (a1: string, colour: string) =>
      s.globals.SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(1000)
        .setBackground(colour)
        .setRanges([sheet.getRange(a1)])
        .build();
    sheet.setConditionalFormatRules([
      mine("E2:E9", "#000001"),
      ...sheet.getConditionalFormatRules(),
      mine("N2:N9", "#000002"),
    ]);
    const before = sheet.getConditionalFormatRules().length;
    select(s, "KPI tree", "A1:O9");
    s.run("applyStatusColors");
    s.run("applyStatusColors");
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(before);
    expect(rules[0].getBooleanCondition()?.getBackground()).toBe("#000001");
    expect(rules[rules.length - 1].getBooleanCondition()?.getBackground()).toBe("#000002");
    expect(
      rules.filter((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]).includes("kpi-tree")),
    ).toHaveLength(4);
    expect(s.ui.alerts).toHaveLength(0);
  });

  it("settings re-colour existing trees: OKR mode counts 70% as success", () => {
    const s = addon();
    writeTree(s, withDeadline(templateDraft("hr", "en")));
    s.type("KPI tree", "F3", "75%"); // retention 75% of 90% = 83% → at risk
    expect(s.effectiveBackground("KPI tree", "N3")).toBe(YELLOW);
    const state = s.run("getSidebarState") as { settings: Record<string, unknown> };
    const saved = s.run("saveSettings", {
      ...state.settings,
      okr: true,
      thresholds: { achieved: 0.7, atRisk: 0.4 },
      colors: { ...DEFAULT_COLORS, achieved: "#00ff00" },
    }) as { rules: number };
    expect(saved.rules).toBe(4);
    expect(s.effectiveBackground("KPI tree", "N3")).toBe("#00ff00");
  });

  it("after saving OKR thresholds the status words say what the colours show (a table in Japanese)", () => {
    const s = addon({ locale: "ja_JP" });
    writeTree(s, withDeadline(templateDraft("hr", "ja")), "outline");
    const sheet = s.sheetNames().find((n) => n.startsWith("KPIツリー")) as string;
    const head = s.values(sheet, "A1:Z1")[0];
    const statusColumn = head.indexOf("状態");
    const status = (row: number) => `${String.fromCharCode(65 + statusColumn)}${row}`;
    const rate = (row: number) => `${String.fromCharCode(64 + statusColumn)}${row}`;
    const actual = `${String.fromCharCode(65 + head.indexOf("実績"))}3`;
    s.type(sheet, actual, "75%"); // retention 75% of 90% = 83%
    const word = { [GREEN]: "達成", [YELLOW]: "要注意", [DEFAULT_COLORS.offTrack]: "未達" } as Record<string, string>;
    expect(s.values(sheet, status(3))[0][0]).toBe("要注意");
    expect(word[s.effectiveBackground(sheet, rate(3))]).toBe("要注意");
    const state = s.run("getSidebarState") as { settings: Record<string, unknown> };
    s.run("saveSettings", { ...state.settings, okr: true, thresholds: { achieved: 0.7, atRisk: 0.4 } });
    // 83% ≥ 70%: achieved, in words and in colour, on every row.
    expect(s.values(sheet, status(3))[0][0]).toBe("達成");
    for (let row = 2; row <= 8; row++) {
      const text = s.values(sheet, status(row))[0][0];
      const colour = s.effectiveBackground(sheet, status(row));
      if (text !== "データなし" && text !== "") expect([row, word[colour]]).toEqual([row, text]);
    }
  });

  it("the menu item explains what is missing instead of failing silently", () => {
    const s = addon({
      sheets: {
        Sheet1: [
          ["Name", "Parent", "Op"],
          ["Revenue", "", "+"],
        ],
      },
    });
    select(s, "Sheet1", "A1:C2");
    s.run("applyStatusColors");
    expect(s.ui.alerts[0].prompt).toMatch(/achievement column/);
  });
});

describe("an existing table", () => {
  const TABLE = [
    ["KPI", "Parent", "Op", "Target", "Actual", "Memo"],
    ["Orders", "", "×", 100, 90, ""],
    ["Meetings", "Orders", "", 500, 450, "from CRM"],
    ["Close rate", "Orders", "", "20%", "20%", ""],
    ["Leads", "Meetings", "", 5000, "", ""],
    ["Lead rate", "Meetings", "", "10%", "", ""],
  ];

  it("is reported: root, depth, nodes and every missing operator", () => {
    const s = addon({ sheets: { Data: TABLE } });
    select(s, "Data", "B2");
    const report = detect(s);
    expect(report).toMatchObject({
      ok: false,
      table: "A1:F6",
      missingOps: [{ row: 3, name: "Meetings" }],
      planned: null,
    });
  });

  it("on a blank range says so in the user's language: no header, so no table language to take", () => {
    for (const [locale, message] of [
      ["ja_JP", "範囲が空です"],
      ["en_US", "The range is empty."],
    ]) {
      const s = addon({ locale, sheets: { Data: TABLE, Empty: [[""]] } });
      select(s, "Empty", "A1");
      const report = detect(s);
      expect(report.ok).toBe(false);
      expect(report.error).toContain(message);
    }
  });

  it("lists every problem with its row, column and severity; the first is what the functions would say", () => {
    const broken = TABLE.map((r) => r.slice());
    broken[1][3] = "abc"; // Orders' target
    broken[4][1] = "Nowhere"; // Leads' parent
    broken[5][4] = "xyz"; // Lead rate's actual
    const s = addon({ sheets: { Data: broken } });
    select(s, "Data", "A1:F6");
    const report = detect(s);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.severity, p.code, p.row, p.column])).toEqual([
      ["error", "badNumber", 2, "Target"],
      ["error", "badNumber", 6, "Actual"],
      ["error", "unknownParent", 5, "Parent"],
      ["error", "missingOp", 3, "Op"],
    ]);
    expect(report.error).toBe(report.problems[0].message);
    expect(report.error).toMatch(/^Row 2 \("Orders"\), column "Target": "abc" is not a number.*Fix: /);
    s.type("Data", "H2", "=KPI_ROLLUP(A1:F6)");
    expect(s.errorMessage("Data", "H2")).toBe(report.error);
  });

  it("lists a value too large to compute with its row, column and fix, and goes on with the other checks", () => {
    const huge = TABLE.map((r) => r.slice());
    huge[2][2] = "×"; // Meetings = Leads × Lead rate
    huge[4][3] = 1e200; // Leads' target
    huge[5][3] = 1e200; // Lead rate's target
    huge[1][3] = 200; // Orders' target, which its children no longer give
    const s = addon({ sheets: { Data: huge } });
    select(s, "Data", "A1:F6");
    const report = detect(s);
    expect(report.problems.map((p) => [p.severity, p.code, p.row, p.column])).toEqual([
      ["error", "tooLarge", 3, "Target"],
      ["warning", "targetsDoNotCombine", 2, "Target"],
    ]);
    expect(report.problems[0].message).toMatch(
      /^Row 3 \("Meetings"\), column "Target": The result is too large to calculate .*Fix: check the values/,
    );
    expect(report.warnings).toEqual([report.problems[1].message]);
  });

  it("is found under a title row and right of a blank column, from a single selected cell", () => {
    const titled = [
      ["", "2026年度 KPI", "", "", "", "", ""],
      ["", "", "", "", "", "", ""],
      ...TABLE.map((r) => ["", ...r]),
    ];
    titled[4][3] = "×"; // Meetings gets its operator
    const s = addon({ sheets: { Data: titled } });
    select(s, "Data", "A1");
    expect(detect(s)).toMatchObject({ ok: true, table: "B3:G8", nodes: 5, planned: "H3:K8" });
  });

  it("gets function columns in empty columns only, and colours", () => {
    const fixed = TABLE.map((r) => r.slice());
    fixed[2][2] = "×";
    const s = addon({ sheets: { Data: fixed.map((r, i) => [...r, "", i === 1 ? "keep me" : ""]) } });
    select(s, "Data", "A1:F6");
    const report = detect(s);
    expect(report).toMatchObject({
      ok: true,
      table: "A1:F6",
      nodes: 5,
      depth: 3,
      roots: [{ name: "Orders", target: 100 }],
      planned: "I1:L6",
      functions: null,
    });
    const added = s.run("addFunctionColumns", "Data", "A1:F6", "I1:L6") as Record<string, unknown>;
    expect(added).toMatchObject({ functions: "I1:L6", added: true, rules: 4 });
    expect(s.values("Data", "H2")[0][0]).toBe("keep me");
    expect(s.snapshot("Data", 2, 12).cells[1][8].formula).toBe('=KPI_TREE(A1:F6,{1,0.8},"en")');
    expect(s.values("Data", "I2:I3")).toEqual([[90], [450]]);
    expect(s.values("Data", "J5")[0][0]).toBe(5000);
    expect(s.effectiveBackground("Data", "K2")).toBe(YELLOW); // 90%
    expect(s.effectiveBackground("Data", "A2")).toBe(YELLOW);
    // Reading again finds the columns instead of adding a second set.
    const again = detect(s);
    expect(again).toMatchObject({ functions: "I1:L6", planned: null });
    const twice = s.run("addFunctionColumns", "Data", "A1:F6", null) as Record<string, unknown>;
    expect(twice).toMatchObject({ added: false, functions: "I1:L6" });
    expect(
      s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!.getConditionalFormatRules(),
    ).toHaveLength(4);
  });

  it("stretches its function columns over KPI rows appended below the table, and leaves customised formulas alone", () => {
    const fixed = TABLE.map((r) => r.slice());
    fixed[2][2] = "×";
    const s = addon({ sheets: { Data: fixed } });
    select(s, "Data", "A1:F6");
    s.run("addFunctionColumns", "Data", "A1:F6", detect(s) && "G1:J6");
    // The team appends a KPI under Orders (a factor of 1, so Orders keeps its value).
    for (const [a1, v] of [
      ["A7", "Region factor"],
      ["B7", "Orders"],
      ["D7", "1"],
      ["E7", "1"],
    ])
      s.type("Data", a1, v);
    expect(s.values("Data", "G7")[0][0]).toBe("");
    select(s, "Data", "A1");
    const report = detect(s);
    expect(report).toMatchObject({ table: "A1:F7", functions: "G1:J7" });
    s.resetCalls();
    expect(s.run("addFunctionColumns", "Data", "A1:F7", null)).toMatchObject({ added: false, updated: true });
    expect(s.calls.get("Range.setFormulas")).toBe(1);
    expect(s.snapshot("Data", 2, 10).cells[1][6].formula).toBe('=KPI_TREE(A1:F7,{1,0.8},"en")');
    expect(s.values("Data", "G7")[0][0]).toBe(1);
    expect(s.values("Data", "G2")[0][0]).toBe(90);
    // Again: nothing to update.
    expect(s.run("addFunctionColumns", "Data", "A1:F7", null)).toMatchObject({ updated: false });
    // A formula the user changed beyond its rows is theirs: kept.
    s.type("Data", "G2", '=KPI_TREE(A1:F7,{0.7,0.4},"en")');
    s.type("Data", "A8", "More");
    s.type("Data", "B8", "Orders");
    expect(s.run("addFunctionColumns", "Data", "A1:F8", null)).toMatchObject({ updated: false });
    expect(s.snapshot("Data", 2, 10).cells[1][6].formula).toBe('=KPI_TREE(A1:F7,{0.7,0.4},"en")');
  });

  it("inserts columns for the function columns when the table fills the sheet to its last column", () => {
    const fixed = TABLE.map((r) => r.slice());
    fixed[2][2] = "×";
    // Memo columns G…Z: the table reaches the sheet's last column (26), with no empty column to its right.
    const wide = fixed.map((r, i) => [
      ...r,
      ...Array.from({ length: 20 }, (_, k) => (i === 0 ? `Memo ${k + 7}` : i === 1 || k === 19 ? `m${i}-${k}` : "")),
    ]);
    wide.push(Array.from({ length: 26 }, (_, k) => (k === 25 ? "below the table" : "")));
    const s = addon({ sheets: { Data: wide } });
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
    sheet.getRange("Z2").setBackground("#fce8b2");
    expect(sheet.getMaxColumns()).toBe(26);
    const cells = () => {
      const r = sheet.getRange("A1:Z8");
      return [r.getValues(), r.getFormulas(), r.getBackgrounds(), r.getNumberFormats(), r.getFontWeights()];
    };
    const before = cells();
    select(s, "Data", "A1:Z6");
    expect(detect(s)).toMatchObject({ ok: true, table: "A1:Z6", planned: "AA1:AD6", functions: null });
    const added = s.run("addFunctionColumns", "Data", "A1:Z6", "AA1:AD6") as Record<string, unknown>;
    expect(added).toMatchObject({ functions: "AA1:AD6", added: true, rules: 4 });
    expect(sheet.getMaxColumns()).toBe(30);
    // Every cell that was there is as it was: values, formulas, formats, own backgrounds.
    expect(cells()).toEqual(before);
    const view = s.snapshot("Data", 7, 30);
    expect(view.cells[0].slice(26).map((c) => c.value)).toEqual(FUNCTION_HEADERS.en);
    expect(view.cells[1].slice(26).map((c) => c.formula)).toEqual(['=KPI_TREE(A1:Z6,{1,0.8},"en")', "", "", ""]);
    expect(s.values("Data", "AA2:AA3")).toEqual([[90], [450]]);
    expect(s.values("Data", "AB5")[0][0]).toBe(5000);
    expect(s.values("Data", "AA7:AD7")).toEqual([["", "", "", ""]]);
    expect(s.effectiveBackground("Data", "AC2")).toBe(YELLOW); // 90%
    expect(s.effectiveBackground("Data", "A2")).toBe(YELLOW);
    expect(s.effectiveBackground("Data", "AC3")).toBe(YELLOW); // 450 of 500
    expect(s.effectiveBackground("Data", "AD4")).toBe(GREEN); // 20% of 20%
    // Reading again finds the columns instead of adding a second set.
    expect(detect(s)).toMatchObject({ functions: "AA1:AD6", planned: null });
  });

  it("uses the empty columns at the sheet's edge and inserts only the ones missing", () => {
    const fixed = TABLE.map((r) => r.slice());
    fixed[2][2] = "×";
    // Memo columns G…X: only Y and Z are empty, two of the four columns needed.
    const wide = fixed.map((r, i) => [...r, ...Array.from({ length: 18 }, (_, k) => (i === 0 ? `Memo ${k + 7}` : ""))]);
    const s = addon({ sheets: { Data: wide } });
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
    select(s, "Data", "A1:X6");
    expect(detect(s)).toMatchObject({ ok: true, table: "A1:X6", planned: "Y1:AB6" });
    expect(s.run("addFunctionColumns", "Data", "A1:X6", "Y1:AB6")).toMatchObject({ functions: "Y1:AB6", added: true });
    expect(sheet.getMaxColumns()).toBe(28);
    expect(s.values("Data", "X1:Y1")).toEqual([["Memo 24", FUNCTION_HEADERS.en[0]]]);
    expect(s.values("Data", "Y2:Z2")).toEqual([[90, 100]]);
    expect(s.effectiveBackground("Data", "AA2")).toBe(YELLOW);
  });

  it("in the outline layout gets its colours on the cell holding each name", () => {
    const outline = [
      ["KGI", "KPI1", "KPI2", "Op", "Target", "Actual"],
      ["Orders", "", "", "×", 100, ""],
      ["", "Meetings", "", "×", 500, ""],
      ["", "", "Leads", "", 5000, 4000],
      ["", "", "Lead rate", "", "10%", "12%"],
      ["", "Close rate", "", "", "20%", "20%"],
    ];
    const s = addon({ sheets: { Data: outline } });
    select(s, "Data", "A1:F6");
    expect(detect(s)).toMatchObject({ ok: true, table: "A1:F6", planned: "G1:J6" });
    expect(s.run("addFunctionColumns", "Data", "A1:F6", "G1:J6")).toMatchObject({ added: true, rules: 8 });
    // Orders: 480 meetings × 20% = 96 of 100 → at risk; leads 80% → at risk; rates achieved.
    expect(s.values("Data", "G2")[0][0]).toBeCloseTo(96, 9);
    for (const [cell, colour] of [
      ["A2", YELLOW],
      ["B3", YELLOW],
      ["C4", YELLOW],
      ["C5", GREEN],
      ["B6", GREEN],
      ["I2", YELLOW],
    ])
      expect(s.effectiveBackground("Data", cell), cell).toBe(colour);
    for (const cell of ["B2", "C2", "A3", "C3", "A6", "C6"])
      expect(s.effectiveBackground("Data", cell), cell).toBe("#ffffff");
    // Applying again replaces our rules rather than adding more.
    s.run("applyStatusColors");
    expect(
      s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!.getConditionalFormatRules(),
    ).toHaveLength(8);
    expect(s.effectiveBackground("Data", "B3")).toBe(YELLOW);
  });

  it("refuses to write when the sheet changed since the user confirmed", () => {
    const fixed = TABLE.map((r) => r.slice());
    fixed[2][2] = "×";
    const s = addon({ sheets: { Data: fixed } });
    select(s, "Data", "A1:F6");
    expect(detect(s)).toMatchObject({ planned: "G1:J6" });
    s.type("Data", "H4", "typed meanwhile");
    expect(() => s.run("addFunctionColumns", "Data", "A1:F6", "G1:J6")).toThrow(/changed/);
    expect(s.values("Data", "H4")[0][0]).toBe("typed meanwhile");
  });

  it("reports the core's message when the table cannot be read", () => {
    const s = addon({
      sheets: {
        Data: [
          ["指標名", "親"],
          ["売上", "存在しない"],
        ],
      },
    });
    select(s, "Data", "A1:B2");
    const report = detect(s);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/2行目（売上）/);
  });
});
