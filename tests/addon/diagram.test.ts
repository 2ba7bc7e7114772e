// The diagram dialog's server side, run from dist/ on the stand-in: the tree
// and figures it hands the dialog (KPI_TREE's own), the dialog it opens, and
// inserting the picture beside the table, replacing only the add-on's own.

import { describe, expect, it } from "vitest";
import { readTree } from "../../src/core/layout";
import { DEFAULT_THRESHOLDS } from "../../src/core/status";
import { templateDraft } from "../../src/core/templates";
import { treeView } from "../../src/core/treeView";
import type { DiagramTable } from "../../src/shared/api";
import { readDiagramTree, tableDiagram } from "../../src/sidebar/diagramData";
import { writeTree } from "../helpers/sidebar";
import { addon, select } from "./helpers";

/** A valid PNG header (signature and IHDR) of the given size: all the stand-in reads of an image. */
function png(width: number, height: number): string {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "ascii");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b.toString("base64");
}

function written() {
  const s = addon({ locale: "ja_JP" });
  const draft = templateDraft("sales", "ja");
  const { sheetName } = writeTree(s, draft) as { sheetName: string };
  select(s, sheetName, "B3");
  return { s, sheetName };
}

describe("diagram data", () => {
  it("is the cells of the table Check tree read; the dialog's reading gives KPI_TREE's figures in pre-order", () => {
    const { s, sheetName } = written();
    const report = s.run("detectTable") as { sheetName: string; table: string };
    expect(report.sheetName).toBe(sheetName);
    const cells = s.run("diagram", sheetName, report.table) as DiagramTable;
    const grid = s.values(sheetName, report.table);
    expect(cells.values).toEqual(grid);
    const tree = readTree(grid);
    const view = treeView(tree, DEFAULT_THRESHOLDS);
    const nodes = tableDiagram(readDiagramTree(cells), DEFAULT_THRESHOLDS);
    expect(nodes.map((n) => n.name)).toEqual(tree.order.map((i) => tree.nodes[i].name));
    tree.order.forEach((i, k) => {
      expect(nodes[k]).toMatchObject({
        actual: view.actual[i],
        target: view.target[i],
        required: view.required[i],
        rate: view.rate[i],
        status: view.status[i],
      });
      const p = tree.nodes[i].parent;
      expect(nodes[k].parent).toBe(p < 0 ? -1 : tree.order.indexOf(p));
    });
    expect(nodes.filter((n) => n.op).map((n) => n.op)).toContain("product");
    expect(() => s.run("diagram", "no such sheet", report.table)).toThrow(/no such sheet/);
  });

  it("draws a period of a table with period columns: that period's values rolled up", () => {
    const grid = [
      ["指標名", "親", "計算", "目標", "実績", "4月目標", "4月実績", "5月目標", "5月実績"],
      ["売上", "", "×", 2000, "", 1000, "", 1000, ""],
      ["件数", "売上", "", 20, 18, 10, 8, 10, 10],
      ["単価", "売上", "", 100, 100, 100, 90, 100, 120],
    ];
    const tree = readDiagramTree({ values: grid, formats: [] });
    expect(tree.periods.map((p) => p.label)).toEqual(["4月", "5月"]);
    const may = tableDiagram(tree, DEFAULT_THRESHOLDS, 1);
    expect(may[0]).toMatchObject({ name: "売上", actual: 1200, target: 1000, rate: 1.2, status: "achieved" });
    const april = tableDiagram(tree, DEFAULT_THRESHOLDS, 0);
    expect(april[0]).toMatchObject({ actual: 720, rate: 0.72, status: "offTrack" });
    expect(tableDiagram(tree, DEFAULT_THRESHOLDS)[0]).toMatchObject({ actual: 1800, target: 2000 });
  });

  it("refuses a table it cannot read, with the reader's message naming the row and column", () => {
    const cells = {
      values: [
        ["指標名", "親", "計算", "目標"],
        ["売上", "", "×", "abc"],
      ],
      formats: [],
    };
    expect(() => readDiagramTree(cells)).toThrow(/2行目/);
  });

  it("refuses a blank range in the dialog's language: a blank range has no header to take one from", () => {
    const blank = { values: [[""]], formats: [] };
    expect(() => readDiagramTree(blank, "ja")).toThrow(/範囲が空です/);
    expect(() => readDiagramTree(blank, "en")).toThrow(/The range is empty/);
  });
});

describe("diagram dialog and picture", () => {
  it("opens Diagram.html as a large modal dialog with its source, names kept as text", () => {
    const { s, sheetName } = written();
    s.run("showDiagram", { draft: { lang: "ja", nodes: [{ name: "</script><b>x" }] } });
    s.run("showDiagram");
    expect(s.ui.dialogs).toHaveLength(2);
    const [fromDraft, fromMenu] = s.ui.dialogs;
    expect(fromDraft).toMatchObject({ title: "KPIツリー", modal: true, width: 1000, height: 700 });
    expect(fromDraft.html).toContain("\\x3c/script>\\x3cb>x");
    expect(fromDraft.html).not.toContain("</script><b>x");
    expect(fromMenu.html).toContain("window.KPI_DIAG={};");
    expect(sheetName).toBeTruthy();
  });

  it("inserts the PNG beside the table and replaces only the picture it inserted for that table", () => {
    const { s, sheetName } = written();
    const data = { ...(s.run("detectTable") as { table: string }), anchor: "Q1", row: 1, column: 17 };
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
    const { Utilities } = s.globals;
    sheet.insertImage(Utilities.newBlob(Utilities.base64Decode(png(10, 10)), "image/png", "a"), 1, 30);
    sheet
      .insertImage(Utilities.newBlob(Utilities.base64Decode(png(10, 10)), "image/png", "b"), 2, 30)
      .setAltTextTitle("kpi-tree:diagram Other!A1");
    const insert = () => s.run("diagram", sheetName, data.table, png(800, 600), data.row, data.column) as number;
    expect(insert()).toBe(0);
    expect(insert()).toBe(1);
    const titles = sheet.getImages().map((i) => i.getAltTextTitle());
    expect(titles).toEqual(["", "kpi-tree:diagram Other!A1", `kpi-tree:diagram ${sheetName}!A1`]);
    const ours = sheet.getImages()[2];
    expect(ours.getAnchorCell().getA1Notation()).toBe(data.anchor);
    expect(s.calls.get("Sheet.insertImage")).toBe(4);
  });

  it("fails like Sheets on a picture Sheets refuses, and leaves the previous one in place", () => {
    const { s, sheetName } = written();
    const data = { ...(s.run("detectTable") as { table: string }), anchor: "Q1", row: 1, column: 17 };
    s.run("diagram", sheetName, data.table, png(1024, 1024), data.row, data.column);
    expect(() => s.run("diagram", sheetName, data.table, png(1025, 1024), data.row, data.column)).toThrow(/1048576/);
    expect(() =>
      s.run("diagram", sheetName, data.table, Buffer.from("not an image").toString("base64"), data.row, data.column),
    ).toThrow(/PNG, JPEG or GIF/);
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
    expect(sheet.getImages().map((i) => i.getInherentWidth())).toEqual([1024]);
  });
});
