// The sheet shows what the one number rule says: each number format the add-on writes
// (sheetNumberFormat) is rendered by the stand-in as Sheets renders it, and agrees with the
// text the sidebar shows (formatValue) up to the differences the README states: the sheet keeps
// a ".0" where the text drops it, and shows full yen where Japanese text says 万 or 億.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { formatNumber, UnsupportedFormat } from "../../dev/standin/values";
import {
  formatPercent,
  formatValue,
  numberStyle,
  RATE_FORMAT,
  requiredAmount,
  sheetNumberFormat,
} from "../../src/core/format";
import type { Lang } from "../../src/core/text";
import { parseNumber } from "../../src/core/value";
import { markdownTables, readmePart } from "../helpers/readme";

function shown(value: number, format: string): string {
  const s = createStandin({ sheets: { Data: [] } });
  const cell = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!.getRange("A1");
  cell.setValue(value).setNumberFormat(format);
  return cell.getDisplayValue();
}

describe("the stand-in renders the formats the add-on writes, as Sheets does", () => {
  it.each([
    [14_850_000, "円", "ja", false, "14,850,000円"],
    [14_850_000, "円", "en", false, "¥14,850,000"],
    [-500, "円", "en", false, "-¥500"],
    [0.2, "%", "ja", false, "20.0%"],
    [0.174_123, "%", "en", false, "17.41%"],
    [0.03125, "%", "ja", false, "3.13%"],
    [1000, "件", "ja", true, "1,000件"],
    [20.83, "件", "ja", false, "21件"],
    [24, "h", "en", false, "24.0 h"],
    [1.5, "時間", "ja", false, "1.5時間"],
    [70, "", "ja", true, "70"],
    [1234.567, "$", "en", false, "$1,234.57"],
  ] as const)("%s %s (%s, whole numbers: %s) → %s", (value, unit, lang, integers, text) => {
    expect(shown(value, sheetNumberFormat(unit, lang, integers))).toBe(text);
  });

  it("shows the achievement column as formatPercent writes it", () => {
    expect(shown(0.792, RATE_FORMAT)).toBe("79.2%");
    expect(formatPercent(0.792)).toBe("79.2%");
  });

  it("refuses, loudly, a pattern it would otherwise guess at", () => {
    for (const format of ['[>=100000000]0.00,,"億"', '#,##0,"千円"', '0\\.0,"万"', "#,##0;[Red]-#,##0", "0.0E+00"])
      expect(() => formatNumber(-1234, format, "UTC"), format).toThrow(UnsupportedFormat);
  });
});

/** Where a sheet's text and the rule's text may differ, as the README says; else they are equal. */
function agree(sheet: string, text: string, value: number, unit: string, lang: Lang): void {
  if (numberStyle(unit) === "yen" && lang === "ja" && Math.abs(value) >= 9_999.5) {
    // 万 to two decimals (100 yen), 億 to four (10,000 yen): the same amount within what the text shows.
    const place = Math.abs(value) >= 99_999_999.5 ? 1e4 : 100;
    const read = (t: string) => parseNumber(t)?.value as number;
    expect(Math.abs(read(sheet) - read(text)), `${sheet} / ${text}`).toBeLessThanOrEqual(place / 2 + 1);
    return;
  }
  // Sheets keeps the sign of a negative value that rounds to 0 (-0円); the rule's text never shows -0.
  const unsigned = /^-[^1-9]*$/.test(sheet) ? sheet.slice(1) : sheet;
  expect(unsigned.replace(/\.0(?!\d)/, ""), `${sheet} / ${text}`).toBe(text);
}

describe("the sheet and the sidebar agree", () => {
  it("on random values of every unit and language", () => {
    const units = fc.constantFrom("円", "%", "件", "人", "時間", "h", "$", "", "件/月");
    const values = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => Math.round(v * 100) / 100),
      fc.double({ min: -2, max: 2, noNaN: true }).map((v) => Math.round(v * 1e4) / 1e4),
    );
    fc.assert(
      fc.property(values, units, fc.constantFrom<Lang>("ja", "en"), (value, unit, lang) => {
        // Whole values get the whole-number format, as the sheet writer decides from the typed values.
        const format = sheetNumberFormat(unit, lang, Number.isInteger(value));
        agree(formatNumber(value + 0, format, "UTC"), formatValue(value, unit, lang), value, unit, lang);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("README: the numbers table", () => {
  const [table] = markdownTables(readmePart("<!-- numbers-table -->", "<!-- /numbers-table -->"));
  const rows = table.slice(1).map((cells) => cells.map((c) => c.replace(/^`|`$/g, "")));

  it("has the rows the rule is documented by", () => expect(rows.length).toBeGreaterThanOrEqual(12));

  it.each(rows)("%s %s, %s → %s / %s", (value, unit, purposeText, ja, en, formats, sheet) => {
    const purpose = purposeText.startsWith("requirement") ? "requirement" : purposeText === "input" ? "input" : "value";
    const direction = purposeText.includes("lower") ? "lower" : "higher";
    const options = { purpose, direction } as const;
    const v = Number(value);
    expect(formatValue(v, unit, "ja", options)).toBe(ja);
    expect(formatValue(v, unit, "en", options)).toBe(en);
    if (purpose === "input") return;
    const [jaFormat, enFormat] = formats.split(/`? \/ `?/);
    const integers = Number.isInteger(v);
    expect(sheetNumberFormat(unit, "ja", integers)).toBe(jaFormat);
    expect(sheetNumberFormat(unit, "en", integers)).toBe(enFormat);
    // What KPI_REQUIRED writes for a requirement, shown by the sheet's format.
    const written = purpose === "requirement" ? requiredAmount(v, unit, direction) : v;
    expect(shown(written, jaFormat)).toBe(sheet);
  });
});
