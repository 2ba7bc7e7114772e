// The stand-in against behaviour Google documents for SpreadsheetApp.
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { DIST } from "../helpers/dist";

function sheet(rows: unknown[][] = [], options: { timeZone?: string } = {}) {
  const s = createStandin({ sheets: { Data: rows }, ...options });
  const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { s, ss, sh: ss.getSheetByName("Data")! };
}

describe("values as getValues() returns them", () => {
  it("gives '' for empty cells, numbers as numbers, booleans as booleans", () => {
    const { sh } = sheet([
      [1, "", true],
      ["text", 2.5, false],
    ]);
    expect(sh.getRange("A1:C3").getValues()).toEqual([
      [1, "", true],
      ["text", 2.5, false],
      ["", "", ""],
    ]);
  });

  it("gives a cell formatted as 20% as the fraction 0.2 and shows 20%", () => {
    const { sh } = sheet();
    const cell = sh.getRange("A1");
    cell.setValue("20%");
    expect(cell.getValue()).toBe(0.2);
    expect(cell.getDisplayValue()).toBe("20%");
    expect(cell.getNumberFormat()).toBe("0%");
    sh.getRange("A2").setValue(0.125).setNumberFormat("0.0%");
    expect(sh.getRange("A2").getDisplayValue()).toBe("12.5%");
  });

  it("gives dates as Date objects, in the spreadsheet's time zone", () => {
    const { sh } = sheet([], { timeZone: "Asia/Tokyo" });
    sh.getRange("A1").setValue("2024/03/31");
    const v = sh.getRange("A1").getValue();
    expect(v).toBeInstanceOf(Date);
    // Midnight in Tokyo is 15:00 UTC the day before.
    expect((v as Date).toISOString()).toBe("2024-03-30T15:00:00.000Z");
    const d = new Date("2025-01-02T03:00:00Z");
    sh.getRange("B1").setValue(d);
    expect((sh.getRange("B1").getValue() as Date).getTime()).toBe(d.getTime());
  });

  it("reads typed text as Sheets does: grouped numbers, currency, TRUE", () => {
    const { sh } = sheet();
    sh.getRange("A1:C1").setValues([["1,234", "¥1,000", "TRUE"]]);
    expect(sh.getRange("A1:C1").getValues()).toEqual([[1234, 1000, true]]);
    expect(sh.getRange("A1:B1").getDisplayValues()).toEqual([["1,234", "¥1,000"]]);
  });
});

describe("setValues", () => {
  it("throws Google's message when the rows do not match", () => {
    const { sh } = sheet();
    expect(() => sh.getRange("A1:B2").setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
  });

  it("throws Google's message when the columns do not match", () => {
    const { sh } = sheet();
    expect(() => sh.getRange("A1:B2").setValues([[1], [2]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
  });

  it("reads a string starting with = as a formula, and one starting with ' as text", () => {
    const { sh } = sheet();
    sh.getRange("A1:C1").setValues([[2, "=A1*10", "'=A1*10"]]);
    expect(sh.getRange("A1:C1").getValues()).toEqual([[2, 20, "=A1*10"]]);
    expect(sh.getRange("A1:C1").getFormulas()).toEqual([["", "=A1*10", ""]]);
  });

  it("keeps text as typed in a cell formatted as plain text (@)", () => {
    const { sh } = sheet();
    sh.getRange("A1").setNumberFormat("@").setValue("=1+1");
    expect(sh.getRange("A1").getValue()).toBe("=1+1");
    expect(sh.getRange("A1").getFormula()).toBe("");
  });

  it("clears a cell written with '' or null", () => {
    const { sh } = sheet([[1, 2]]);
    sh.getRange("A1:B1").setValues([["", null]]);
    expect(sh.getRange("A1:B1").getValues()).toEqual([["", ""]]);
    expect(sh.getLastRow()).toBe(0);
  });
});

describe("formulas", () => {
  it("recalculate when an input changes", () => {
    const { sh } = sheet([[2], [3], ["=A1*A2"], ["=SUM(A1:A3)"]]);
    expect(sh.getRange("A3:A4").getValues()).toEqual([[6], [11]]);
    sh.getRange("A1").setValue(10);
    expect(sh.getRange("A3:A4").getValues()).toEqual([[30], [43]]);
  });

  it("spill arrays, show #REF! when blocked, and spill again once cleared", () => {
    const { s, sh } = sheet([[1], [2], [3]]);
    sh.getRange("B1").setFormula("=ARRAYFORMULA(A1:A3*2)");
    expect(sh.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
    expect(sh.getRange("B1:B3").getFormulas()).toEqual([["=ARRAYFORMULA(A1:A3*2)"], [""], [""]]);
    sh.getRange("B3").setValue("x");
    expect(sh.getRange("B1").getValue()).toBe("#REF!");
    expect(s.errorMessage("Data", "B1")).toMatch(/overwrite data/);
    sh.getRange("B3").clearContent();
    expect(sh.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
  });

  it("setFormula on a range moves relative references per cell", () => {
    const { sh } = sheet([[1], [2]]);
    sh.getRange("B1:B2").setFormula("=A1*$A$1*3");
    expect(sh.getRange("B1:B2").getFormulas()).toEqual([["=A1*$A$1*3"], ["=A2*$A$1*3"]]);
    expect(sh.getRange("B1:B2").getValues()).toEqual([[3], [6]]);
  });
});

describe("ranges and A1 notation", () => {
  it("reads A1 ranges, sheet-qualified ranges and row/column forms", () => {
    const { ss, sh } = sheet();
    const r = sh.getRange("A1:H30");
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([1, 1, 30, 8]);
    expect(sh.getRange(2, 3, 4, 5).getA1Notation()).toBe("C2:G5");
    expect(sh.getRange(1, 1).getA1Notation()).toBe("A1");
    ss.insertSheet("Other");
    ss.getRange("Other!B2").setValue(7);
    expect(ss.getSheetByName("Other")!.getRange("B2").getValue()).toBe(7);
    expect(ss.getRange("'Other'!B2").getValue()).toBe(7);
    expect(r.offset(1, 1, 2, 2).getA1Notation()).toBe("B2:C3");
    expect(r.getCell(2, 3).getA1Notation()).toBe("C2");
  });

  it("rejects coordinates outside the sheet as Sheets does", () => {
    const { sh } = sheet();
    expect(() => sh.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sh.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sh.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sh.getRange(1000, 1, 2, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  });

  it("reports the last row and column with content and a data range over it", () => {
    const { sh } = sheet([
      [1, "", ""],
      ["", "", "x"],
    ]);
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([2, 3]);
    expect(sh.getDataRange().getA1Notation()).toBe("A1:C2");
  });

  it("stores backgrounds, fonts, notes and number formats per cell", () => {
    const { sh } = sheet();
    const r = sh.getRange("A1:B1");
    expect(r.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    r.setBackgrounds([["#FF0000", null]])
      .setNotes([["why", ""]])
      .setFontWeights([["bold", null]]);
    r.setFontColors([["#00f", "#000000"]]).setNumberFormats([["0.0", "#,##0"]]);
    expect(r.getBackgrounds()).toEqual([["#ff0000", "#ffffff"]]);
    expect(r.getNotes()).toEqual([["why", ""]]);
    expect(r.getFontWeights()).toEqual([["bold", "normal"]]);
    expect(r.getFontColors()).toEqual([["#0000ff", "#000000"]]);
    r.setValues([[1.25, 1234567]]);
    expect(r.getDisplayValues()).toEqual([["1.3", "1,234,567"]]);
  });
});

describe("spreadsheet", () => {
  it("inserts, renames and deletes sheets; names must be unique", () => {
    const { ss } = sheet();
    const t = ss.insertSheet("Tree", 0);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(["Tree", "Data"]);
    expect(ss.getActiveSheet().getName()).toBe("Tree");
    expect(() => ss.insertSheet("tree")).toThrow(/already exists/);
    t.setName("KPI");
    expect(ss.getSheetByName("Tree")).toBeNull();
    expect(ss.getSheetByName("KPI")!.getSheetId()).toBe(t.getSheetId());
    ss.deleteSheet(t);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(["Data"]);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(/can't remove all the sheets/);
  });

  it("keeps named ranges", () => {
    const { ss, sh } = sheet([[5]]);
    ss.setNamedRange("KpiTable", sh.getRange("A1:B2"));
    expect(ss.getRangeByName("KpiTable")!.getA1Notation()).toBe("A1:B2");
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["KpiTable"]);
    expect(ss.getRangeByName("Missing")).toBeNull();
  });

  it("records toasts and reports locale and time zone", () => {
    const s = createStandin({ locale: "ja_JP", timeZone: "Asia/Tokyo" });
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.toast("保存しました", "KPI Tree");
    expect(s.ui.toasts).toEqual([{ message: "保存しました", title: "KPI Tree", timeoutSeconds: undefined }]);
    expect(ss.getSpreadsheetLocale()).toBe("ja_JP");
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
    expect(s.globals.Session.getScriptTimeZone()).toBe("Asia/Tokyo");
  });
});

describe("fakes fail loudly", () => {
  it("throws for a documented method the stand-in lacks", () => {
    const { sh, s } = sheet();
    const range = sh.getRange("A1:B2") as unknown as { merge: () => void };
    expect(() => range.merge()).toThrow("Range.merge is not implemented in the stand-in");
    const app = s.globals.SpreadsheetApp as unknown as { openById: (id: string) => void };
    expect(() => app.openById("x")).toThrow("SpreadsheetApp.openById is not implemented in the stand-in");
  });

  it("has no members Google does not document", () => {
    const { sh } = sheet();
    expect((sh.getRange("A1") as unknown as Record<string, unknown>).noSuchMethod).toBeUndefined();
  });
});

describe("call counting", () => {
  it("counts each call per Class.method and resets", () => {
    const { s, sh } = sheet([[1, 2]]);
    s.resetCalls();
    sh.getRange("A1:B1").getValues();
    sh.getRange("A1:B1").getValues();
    expect(s.calls.get("Sheet.getRange")).toBe(2);
    expect(s.calls.get("Range.getValues")).toBe(2);
    expect(s.calls.total("Range.")).toBe(2);
    s.resetCalls();
    expect(s.calls.get("Range.getValues")).toBeUndefined();
  });
});

describe("hiding sheets", () => {
  it("hides and shows a sheet, but never the last visible one", () => {
    const { ss, sh } = sheet();
    const other = ss.insertSheet("History");
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => sh.hideSheet()).toThrow(/not possible to hide all the sheets/);
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });
});

describe("inserting rows and columns", () => {
  const GRID = [
    ["a", "b", "c"],
    [1, 2, 3],
    [4, 5, 6],
  ];

  it("insertColumnsAfter grows the sheet and moves cells, formats and notes right", () => {
    const { s, sh } = sheet(GRID);
    sh.getRange("B2").setBackground("#ff0000").setNote("why").setNumberFormat("0.0");
    sh.getRange("C1").setFontWeight("bold");
    expect(sh.insertColumnsAfter(1, 2).getName()).toBe("Data");
    expect(sh.getMaxColumns()).toBe(28);
    expect(sh.getRange("A1:E3").getValues()).toEqual([
      ["a", "", "", "b", "c"],
      [1, "", "", 2, 3],
      [4, "", "", 5, 6],
    ]);
    expect(sh.getRange("D2").getBackground()).toBe("#ff0000");
    expect(sh.getRange("D2").getNote()).toBe("why");
    expect(sh.getRange("D2").getDisplayValue()).toBe("2.0");
    expect(sh.getRange("E1").getFontWeight()).toBe("bold");
    expect(sh.getRange("B2:C2").getNotes()).toEqual([["", ""]]);
    expect(sh.getLastColumn()).toBe(5);
    expect(s.calls.get("Sheet.insertColumnsAfter")).toBe(1);
  });

  it("insertColumnsAfter the last column adds empty columns at the right edge", () => {
    const { sh } = sheet(GRID);
    sh.getRange("Z1").setValue("last");
    sh.insertColumnsAfter(sh.getMaxColumns(), 4);
    expect(sh.getMaxColumns()).toBe(30);
    expect(sh.getRange("Z1:AD1").getValues()).toEqual([["last", "", "", "", ""]]);
    sh.getRange("AD1").setValue("new");
    expect(sh.getRange("A1:C1").getValues()).toEqual([["a", "b", "c"]]);
  });

  it("insertColumnsBefore, insertColumnAfter and insertColumnBefore move the columns from the position on", () => {
    const { sh } = sheet(GRID);
    sh.insertColumnsBefore(1, 2);
    expect(sh.getRange("A1:E1").getValues()).toEqual([["", "", "a", "b", "c"]]);
    sh.insertColumnAfter(3);
    expect(sh.getRange("A1:F1").getValues()).toEqual([["", "", "a", "", "b", "c"]]);
    sh.insertColumnBefore(6);
    expect(sh.getRange("A1:G1").getValues()).toEqual([["", "", "a", "", "b", "", "c"]]);
    expect(sh.getMaxColumns()).toBe(30);
  });

  it("insertRowsBefore, insertRowsAfter, insertRowAfter and insertRowBefore move the rows from the position on", () => {
    const { sh } = sheet(GRID);
    sh.getRange("A2").setNote("one");
    sh.insertRowsBefore(2, 2);
    expect(sh.getMaxRows()).toBe(1002);
    expect(sh.getRange("A1:A5").getValues()).toEqual([["a"], [""], [""], [1], [4]]);
    expect(sh.getRange("A4").getNote()).toBe("one");
    sh.insertRowsAfter(1, 1);
    expect(sh.getRange("A1:A3").getValues()).toEqual([["a"], [""], [""]]);
    sh.insertRowAfter(5);
    sh.insertRowBefore(1);
    expect(sh.getRange("A1:A8").getValues()).toEqual([[""], ["a"], [""], [""], [""], [1], [""], [4]]);
    expect(sh.getMaxRows()).toBe(1005);
    expect(sh.getLastRow()).toBe(8);
  });

  it("formulas follow the cells they reference; a range spanning the insertion point grows", () => {
    const { sh } = sheet([
      ["x", 1],
      ["x", 2],
      ["x", 3],
      ["x", 4],
      ["x", 5],
      ["=SUM(B2:B5)", "=B6"],
    ]);
    expect(sh.getRange("A6").getValue()).toBe(14);
    sh.insertRowsBefore(2, 1); // above the range: it moves down
    expect(sh.getRange("A7").getFormula()).toBe("=SUM(B3:B6)");
    expect(sh.getRange("B7").getFormula()).toBe("=B7");
    sh.insertRowsAfter(3, 2); // inside the range: it grows
    expect(sh.getRange("A9").getFormula()).toBe("=SUM(B3:B8)");
    sh.getRange("B4:B5").setValues([[10], [20]]);
    expect(sh.getRange("A9").getValue()).toBe(44);
    sh.insertRowAfter(8); // right below the range: it stays
    expect(sh.getRange("A10").getFormula()).toBe("=SUM(B3:B8)");
    sh.insertColumnBefore(2); // the referenced column moves right
    expect(sh.getRange("A10").getFormula()).toBe("=SUM(C3:C8)");
    expect(sh.getRange("A10").getValue()).toBe(44);
  });

  it("custom functions' ranges follow too: =KPI_ROLLUP(A1:F6) grows with a column inserted inside the table", () => {
    const s = createStandin({
      sheets: {
        Data: [
          ["KPI", "Parent", "Op", "Target", "Actual", "Memo"],
          ["Orders", "", "×", 100, "", ""],
          ["Meetings", "Orders", "", 500, 450, ""],
          ["Close rate", "Orders", "", "20%", "20%", ""],
          ["", "", "", "", "", ""],
          ["", "", "", "", "", ""],
        ],
      },
    });
    s.loadBundle(DIST);
    const sh = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
    sh.getRange("H2").setFormula("=KPI_ROLLUP(A1:F6)");
    expect(sh.getRange("H2:H4").getValues()).toEqual([[90], [450], [0.2]]);
    sh.insertColumnsAfter(6, 1); // right of the table: nothing to follow
    expect(sh.getRange("I2").getFormula()).toBe("=KPI_ROLLUP(A1:F6)");
    sh.insertColumnAfter(4); // between Target and Actual: the range grows
    expect(sh.getRange("J2").getFormula()).toBe("=KPI_ROLLUP(A1:G6)");
    sh.insertRowsBefore(1, 2); // a title above: it moves down
    expect(sh.getRange("J4").getFormula()).toBe("=KPI_ROLLUP(A3:G8)");
    expect(sh.getRange("J4:J6").getValues()).toEqual([[90], [450], [0.2]]);
    sh.getRange("F5").setValue(500);
    expect(sh.getRange("J4").getValue()).toBe(100);
  });

  it("moves and grows conditional-format rule ranges, and their formulas follow", () => {
    const { s, sh } = sheet([
      ["v", "w"],
      [5, 1],
      [0, 1],
    ]);
    const rule = s.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied("=$A2>1")
      .setBackground("#00ff00")
      .setRanges([sh.getRange("A2:B3")])
      .build();
    sh.setConditionalFormatRules([rule]);
    const ranges = () =>
      sh
        .getConditionalFormatRules()[0]
        .getRanges()
        .map((r) => r.getA1Notation());
    const formula = () => sh.getConditionalFormatRules()[0].getBooleanCondition()?.getCriteriaValues()[0];
    sh.insertColumnsBefore(1, 1);
    expect(ranges()).toEqual(["B2:C3"]);
    expect(formula()).toBe("=$B2>1");
    sh.insertRowsBefore(1, 1);
    expect(ranges()).toEqual(["B3:C4"]);
    expect(formula()).toBe("=$B3>1");
    sh.insertColumnAfter(2); // between the rule's columns: it grows
    expect(ranges()).toEqual(["B3:D4"]);
    sh.insertRowAfter(4); // right below the range: it stays
    expect(ranges()).toEqual(["B3:D4"]);
    expect(s.effectiveBackground("Data", "D3")).toBe("#00ff00");
    expect(s.effectiveBackground("Data", "D4")).toBe("#ffffff");
    expect(s.effectiveBackground("Data", "E3")).toBe("#ffffff");
  });

  it("moves named ranges and frozen rows", () => {
    const { ss, sh } = sheet(GRID);
    ss.setNamedRange("Body", sh.getRange("A2:C3"));
    sh.setFrozenRows(1);
    sh.insertRowBefore(1);
    expect(ss.getRangeByName("Body")!.getA1Notation()).toBe("A3:C4");
    expect(sh.getFrozenRows()).toBe(2);
    sh.insertRowAfter(2);
    expect(sh.getFrozenRows()).toBe(2);
  });

  it("gives new cells the format of the neighbour named by the position, never its note", () => {
    const { sh } = sheet(GRID);
    sh.getRange("B1:B2").setBackground("#ff0000").setNote("mine");
    sh.setColumnWidth(2, 250);
    sh.insertColumnsAfter(2, 1); // formats from column B, before it
    expect(sh.getRange("C1:C2").getBackgrounds()).toEqual([["#ff0000"], ["#ff0000"]]);
    expect(sh.getRange("C1:C2").getNotes()).toEqual([[""], [""]]);
    expect(sh.getColumnWidth(3)).toBe(250);
    sh.insertColumnsBefore(2, 1); // formats from column B, which moves to C
    expect(sh.getRange("B1:D1").getBackgrounds()).toEqual([["#ff0000", "#ff0000", "#ff0000"]]);
    expect(sh.getRange("A1:E1").getNotes()).toEqual([["", "", "mine", "", ""]]);
  });

  it("refuses positions outside the sheet with Google's message", () => {
    const { sh } = sheet(GRID);
    expect(() => sh.insertColumnsAfter(27, 1)).toThrow("Those columns are out of bounds.");
    expect(() => sh.insertColumnsBefore(0, 1)).toThrow("Those columns are out of bounds.");
    expect(() => sh.insertColumnBefore(27)).toThrow("Those columns are out of bounds.");
    expect(() => sh.insertRowsAfter(1001, 1)).toThrow("Those rows are out of bounds.");
    expect(() => sh.insertRowBefore(0)).toThrow("Those rows are out of bounds.");
    expect(() => sh.insertRowsAfter(1, 0)).toThrow(/don't match the method signature/);
    expect(() => sh.insertColumnsAfter(26, 18278)).toThrow(/above the limit of 18278/);
    expect(() => sh.insertRowsAfter(1000, 400_000)).toThrow(/above the limit of 10000000 cells/);
    expect([sh.getMaxRows(), sh.getMaxColumns()]).toEqual([1000, 26]);
  });

  it("makes new sheets of 1,000 rows × 26 columns and writes nothing outside a sheet until it is enlarged", () => {
    const { ss } = sheet();
    const fresh = ss.insertSheet("New");
    expect([fresh.getMaxRows(), fresh.getMaxColumns()]).toEqual([1000, 26]);
    const outside = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(() => fresh.getRange(1, 1, 1001, 1).setValues([])).toThrow(outside);
    expect(() => fresh.getRange("AA1")).toThrow(outside);
    fresh.insertRowsAfter(fresh.getMaxRows(), 5).insertColumnsAfter(fresh.getMaxColumns(), 2);
    expect([fresh.getMaxRows(), fresh.getMaxColumns()]).toEqual([1005, 28]);
    fresh.getRange(1005, 28).setValue("corner");
    expect(fresh.getRange("AB1005").getValue()).toBe("corner");
  });

  it("refuses a new sheet that would take the workbook past 10 million cells", () => {
    const { ss, sh } = sheet();
    // 384,000 × 26 = 9,984,000 cells: room for no other 26,000-cell sheet.
    sh.insertRowsAfter(1000, 383_000);
    expect(() => ss.insertSheet("One more")).toThrow(
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    );
    expect(ss.getSheets().map((x) => x.getName())).toEqual(["Data"]);
  });

  it("keeps the inserts it does not implement throwing", () => {
    const { sh } = sheet();
    expect(() => sh.insertColumns(1)).toThrow("Sheet.insertColumns is not implemented in the stand-in");
    expect(() => sh.insertRows(1, 2)).toThrow("Sheet.insertRows is not implemented in the stand-in");
  });
});

describe("the active sheet and range", () => {
  it("follow setActiveSheet, setActiveRange, setActiveSelection and insertSheet, as in Sheets", () => {
    const { s, ss, sh } = sheet([["a"]]);
    const other = ss.insertSheet("Other");
    // A new sheet becomes active, its A1 selected.
    expect(ss.getActiveSheet().getName()).toBe("Other");
    expect(s.selection()).toEqual({ sheet: "Other", row: 1, column: 1, numRows: 1, numColumns: 1 });
    ss.setActiveRange(sh.getRange("B2:C3"));
    expect(ss.getActiveSheet().getName()).toBe("Data");
    expect(ss.getActiveRange()!.getA1Notation()).toBe("B2:C3");
    other.setActiveSelection("D4");
    expect(s.selection()).toEqual({ sheet: "Other", row: 4, column: 4, numRows: 1, numColumns: 1 });
    ss.setActiveSheet(sh);
    expect(ss.getActiveRange()!.getA1Notation()).toBe("A1");
  });

  it("select() is a person's click: the add-on's getActiveSheet()/getActiveRange() see it", () => {
    const { s, ss } = sheet([["a"]]);
    ss.insertSheet("Other");
    s.select("Data", "A1:B5");
    expect(ss.getActiveSheet().getName()).toBe("Data");
    expect(s.globals.SpreadsheetApp.getActiveRange()!.getA1Notation()).toBe("A1:B5");
    expect(() => s.select("Missing")).toThrow(/no sheet named Missing/);
  });
});
