// The workbook the preview opens on: the sales-department example of
// ../shared/domain/kpi-trees.md (月間売上 ¥2,000万 = 成約数 20件 × 平均単価 ¥100万),
// with the custom functions in place and status colours as conditional formats.

import { DEFAULT_COLORS, STATUSES } from "../../src/core/rules";
import { FUNCTION_HEADERS, HEADER, STATUS_LABEL } from "../../src/core/words";
import { createStandin, type Standin } from "../standin";

export const SAMPLE_SHEET = "KPIツリー";

const YEN = "¥#,##0";
const COUNT = '#,##0"件"';
const RATE = "0.0%";

// 指標名, ID, 親, 計算, 目標, 実績, 単位, 方向 — leaves carry actuals; parents are rolled up.
const TREE: [string, string, string, string, number | string, number | string, string, string, string][] = [
  ["月間売上", "S1", "", "×", 20_000_000, "", "円", "↑", YEN],
  ["成約数", "S2", "S1", "×", 20, "", "件", "↑", COUNT],
  ["商談数", "S3", "S2", "×", 100, "", "件", "↑", COUNT],
  ["架電数", "S4", "S3", "", 1000, 900, "件", "↑", COUNT],
  ["アポ率", "S5", "S3", "", "20%", "15%", "%", "↑", RATE],
  ["商談化率", "S6", "S3", "", "50%", "50%", "%", "↑", RATE],
  ["成約率", "S7", "S2", "", "20%", "20%", "%", "↑", RATE],
  ["平均単価", "S8", "S1", "", 1_000_000, 1_100_000, "円", "↑", YEN],
];

/** Rows 2..10 hold the tree and one spare row, so a new KPI can be typed in. */
const TABLE = "A1:H10";

export function sampleRows(): unknown[][] {
  const h = HEADER.ja;
  const header = [
    ...[h.name, h.id, h.parent, h.op, h.target, h.actual, h.unit, h.direction],
    ...FUNCTION_HEADERS.ja,
    "整合チェック",
  ];
  const rows: unknown[][] = [header, ...TREE.map((r) => r.slice(0, 8))];
  rows.push(["", "", "", "", "", "", "", ""]);
  rows[1].push(
    `=KPI_ROLLUP(${TABLE})`,
    `=KPI_REQUIRED(${TABLE})`,
    "=KPI_ACHIEVEMENT(I2:I10, E2:E10, H2:H10)",
    "=KPI_STATUS(I2:I10, E2:E10, H2:H10)",
    `=KPI_CHECK(${TABLE})`,
  );
  return rows;
}

/** Formats, widths and the status rules, as the add-on would set them. */
export function decorate(s: Standin, sheetName = SAMPLE_SHEET): void {
  const { SpreadsheetApp } = s.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  sheet.setFrozenRows(1);
  sheet.getRange("A1:M1").setFontWeight("bold").setBackground("#f3f3f3");
  TREE.forEach((r, i) => {
    sheet.getRange(i + 2, 5, 1, 2).setNumberFormat(r[8]);
    sheet.getRange(i + 2, 9, 1, 2).setNumberFormat(r[8]);
  });
  sheet.getRange("K2:K10").setNumberFormat("0%");
  sheet.setColumnWidth(1, 110);
  sheet.setColumnWidths(2, 3, 48);
  sheet.setColumnWidths(5, 2, 110);
  sheet.setColumnWidths(7, 2, 48);
  sheet.setColumnWidths(9, 2, 120);
  sheet.setColumnWidth(13, 220);
  const rows = sheet.getRange("A2:L10");
  // The add-on's colours on the status words KPI_STATUS writes.
  const rules = STATUSES.map((status) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($A2<>"", $L2="${STATUS_LABEL.ja[status]}")`)
      .setBackground(DEFAULT_COLORS[status])
      .setRanges([rows])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

/** A stand-in holding the sample workbook with the bundle from `distDir` loaded. */
export function sampleStandin(distDir = "dist"): Standin {
  const s = createStandin({ locale: "ja_JP", timeZone: "Asia/Tokyo", sheets: { [SAMPLE_SHEET]: [] } });
  // Custom functions first, so the formulas below evaluate as they are entered.
  s.loadBundle(distDir);
  const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SAMPLE_SHEET)!;
  const rows = sampleRows();
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(1, 1, rows.length, width)
    .setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")));
  decorate(s);
  s.resetCalls();
  return s;
}

/** Minimal RFC 4180 CSV: quotes, doubled quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
