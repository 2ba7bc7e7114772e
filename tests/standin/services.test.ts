// Conditional formats as a person sees them, and the smaller services.
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";

const GREEN = "#b7e1cd";
const RED = "#f4c7c3";

function statusSheet() {
  const s = createStandin({
    sheets: {
      KPI: [
        ["Name", "Target", "Actual", "Rate"],
        ["Revenue", 100, 120, "=C2/B2"],
        ["Deals", 100, 50, "=C3/B3"],
        ["Price", 100, "", '=IF(C4="","",C4/B4)'],
      ],
    },
  });
  const app = s.globals.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName("KPI")!;
  return { s, app, sheet };
}

describe("conditional format rules", () => {
  it("colour a cell by a custom formula relative to the range's top-left cell", () => {
    const { s, app, sheet } = statusSheet();
    const range = sheet.getRange("A2:D4");
    const green = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied("=AND(ISNUMBER($D2),$D2>=1)")
      .setBackground(GREEN)
      .setRanges([range])
      .build();
    const red = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($D2<>"",$D2<0.8)')
      .setBackground(RED)
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([green, red]);
    expect(s.effectiveBackground("KPI", "A2")).toBe(GREEN);
    expect(s.effectiveBackground("KPI", "B3")).toBe(RED);
    expect(s.effectiveBackground("KPI", "A4")).toBe("#ffffff");
    // The rule follows the data.
    sheet.getRange("C3").setValue(150);
    expect(s.effectiveBackground("KPI", "B3")).toBe(GREEN);
    // Outside the rule's range the cell's own colour shows.
    sheet.getRange("E3").setBackground("#cccccc");
    expect(s.effectiveBackground("KPI", "E3")).toBe("#cccccc");
  });

  it("applies the first matching rule, as Sheets does", () => {
    const { s, app, sheet } = statusSheet();
    const d = sheet.getRange("D2:D4");
    const first = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(0.5)
      .setBackground("#0000ff")
      .setRanges([d])
      .build();
    const second = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(1)
      .setBackground(GREEN)
      .setRanges([d])
      .build();
    sheet.setConditionalFormatRules([first, second]);
    expect(s.effectiveBackground("KPI", "D2")).toBe("#0000ff");
    sheet.setConditionalFormatRules([second, first]);
    expect(s.effectiveBackground("KPI", "D2")).toBe(GREEN);
    expect(s.effectiveBackground("KPI", "D3")).toBe("#0000ff");
  });

  it("round-trips rules through getConditionalFormatRules and copy()", () => {
    const { app, sheet } = statusSheet();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo("Achieved")
      .setBackground(GREEN)
      .setBold(true)
      .setRanges([sheet.getRange("E2:E4")])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [read] = sheet.getConditionalFormatRules();
    const cond = read.getBooleanCondition()!;
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(cond.getCriteriaValues()).toEqual(["Achieved"]);
    expect(cond.getBackground()).toBe(GREEN);
    expect(read.getRanges().map((r) => r.getA1Notation())).toEqual(["E2:E4"]);
    const changed = read.copy().setBackground("#ffffff").build();
    expect(changed.getBooleanCondition()!.getBackground()).toBe("#ffffff");
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()!.getBackground()).toBe(GREEN);
  });

  it("refuses a rule without a condition", () => {
    const { app } = statusSheet();
    expect(() => app.newConditionalFormatRule().setBackground(GREEN).build()).toThrow(/condition/);
  });
});

describe("PropertiesService", () => {
  it("stores strings per store; missing keys read as null", () => {
    const s = createStandin();
    const doc = s.globals.PropertiesService.getDocumentProperties();
    const user = s.globals.PropertiesService.getUserProperties();
    doc.setProperty("n", 5 as unknown as string).setProperties({ a: "1", b: "2" });
    expect(doc.getProperty("n")).toBe("5");
    expect(user.getProperty("n")).toBeNull();
    expect(doc.getProperties()).toEqual({ n: "5", a: "1", b: "2" });
    doc.setProperties({ only: "x" }, true);
    expect(doc.getKeys()).toEqual(["only"]);
    doc.deleteProperty("only");
    expect(doc.getProperty("only")).toBeNull();
  });

  it("enforces Google's 9 kB per value quota", () => {
    const p = createStandin().globals.PropertiesService.getUserProperties();
    expect(() => p.setProperty("big", "x".repeat(10_000))).toThrow(/too large/);
    expect(p.getProperty("big")).toBeNull();
  });
});

describe("Session, Utilities, Logger", () => {
  it("reports the user's language and the script time zone", () => {
    const s = createStandin({ locale: "ja_JP", timeZone: "Asia/Tokyo" });
    expect(s.globals.Session.getActiveUserLocale()).toBe("ja");
    expect(s.globals.Session.getScriptTimeZone()).toBe("Asia/Tokyo");
  });

  it("formats dates with Java patterns in a given zone", () => {
    const { Utilities } = createStandin().globals;
    const d = new Date("2024-03-31T15:04:05Z");
    expect(Utilities.formatDate(d, "Asia/Tokyo", "yyyy-MM-dd HH:mm:ss")).toBe("2024-04-01 00:04:05");
    expect(Utilities.formatDate(d, "UTC", "yyyy/MM/dd 'at' h a")).toBe("2024/03/31 at 3 PM");
    expect(Utilities.formatString("%s: %d (%.1f%%)", "done", 3.7, 12.34)).toBe("done: 3 (12.3%)");
  });

  it("keeps log lines", () => {
    const s = createStandin();
    s.globals.Logger.log("a %s", "b");
    expect(s.ui.logs).toEqual(["a b"]);
  });
});

describe("Ui and HtmlService", () => {
  it("records menus, sidebars and alerts", () => {
    const s = createStandin();
    const { SpreadsheetApp, HtmlService } = s.globals;
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem("Open", "openIt").addSeparator().addItem("Help", "help").addToUi();
    expect(s.ui.menus).toEqual([
      {
        caption: "Add-ons",
        addon: true,
        items: [
          { caption: "Open", functionName: "openIt" },
          { caption: "", separator: true },
          { caption: "Help", functionName: "help" },
        ],
      },
    ]);
    ui.showSidebar(HtmlService.createHtmlOutput("<p>hi</p>").setTitle("KPI Tree"));
    expect(s.ui.sidebar).toMatchObject({ html: "<p>hi</p>", title: "KPI Tree" });
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    expect(s.ui.alerts).toEqual([{ prompt: "Done" }]);
  });

  it("fails for a missing HTML file", () => {
    const s = createStandin();
    expect(() => s.globals.HtmlService.createHtmlOutputFromFile("NoSuchFile")).toThrow(/NoSuchFile/);
  });
});

describe("LockService", () => {
  it("hands out the document lock at once and records who holds it", () => {
    const s = createStandin();
    const lock = s.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(s.locksHeld()).toEqual(["document"]);
    lock.releaseLock();
    expect(s.locksHeld()).toEqual([]);
  });
});
