// `npm start -- table.csv book.xlsx`: the preview opens a team's own tables, one sheet per CSV file and
// per visible worksheet, with values, formulas (recalculated) and number formats.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Preview, startPreview } from "../../dev/preview/server";
import { DIST } from "../helpers/dist";

let dir: string;
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kpi-files-"));
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("営業KPI");
  ws.addRows([
    ["指標名", "親", "計算", "目標", "実績"],
    ["受注数", "", "×", 100, 80],
    ["商談数", "受注数", "", 500, 440],
    ["受注率", "受注数", "", 0.2, 0.18],
  ]);
  ws.getCell("D4").numFmt = "0%";
  ws.getCell("E4").numFmt = "0%";
  ws.getCell("F1").value = "合計";
  ws.getCell("F2").value = { formula: "SUM(D2:D3)", result: 0 };
  book.addWorksheet("hidden").state = "hidden";
  await book.xlsx.writeFile(join(dir, "book.xlsx"));
  writeFileSync(join(dir, "team.csv"), 'KPI,Target\r\n"Orders, total",100\r\n');
  writeFileSync(join(dir, "notes.txt"), "x");
  preview = await startPreview({ port: 0, distDir: DIST, files: [join(dir, "book.xlsx"), join(dir, "team.csv")] });
}, 30_000);

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the preview opens .xlsx and .csv files", () => {
  it("adds a sheet per visible worksheet and per CSV file, after the sample, and opens on the first", () => {
    const s = preview.standin;
    expect(s.sheetNames().slice(1)).toEqual(["営業KPI", "team"]);
    expect(s.selection().sheet).toBe("営業KPI");
  });

  it("keeps values, number formats and formulas (recalculated by the stand-in)", () => {
    const s = preview.standin;
    expect(s.values("営業KPI", "A2:E2")).toEqual([["受注数", "", "×", 100, 80]]);
    expect(s.displayValue("営業KPI", "D4")).toBe("20%");
    expect(s.snapshot("営業KPI", 2, 6).cells[1][5].formula).toBe("=SUM(D2:D3)");
    expect(s.values("営業KPI", "F2")).toEqual([[600]]);
    expect(s.values("team", "A2:B2")).toEqual([["Orders, total", 100]]);
  });

  it("refuses other files with a clear message", async () => {
    await expect(startPreview({ port: 0, distDir: DIST, files: [join(dir, "notes.txt")] })).rejects.toThrow(
      /notes\.txt: the preview opens \.csv and \.xlsx files/,
    );
  });
});
