// KPI_GAP, KPI_IMPACT and KPI_SEEK as Sheets calls them: dist/Code.js in one
// global scope, the sample sheet's values with "" for empty cells, and in the
// stand-in, where HyperFormula evaluates the formulas typed beside the table.
import { describe, expect, it } from "vitest";
import { SAMPLE_SHEET, sampleRows, sampleStandin } from "../../dev/preview/sample";
import { DIST, loadDist } from "../helpers/dist";

const table = () => sampleRows().map((r) => r.slice(0, 8));
const flat = (out: unknown) => (out as unknown[][]).map((r) => r[0]);

describe("issue 11 functions in dist/Code.js", () => {
  const scope = loadDist();

  it("KPI_GAP splits the sample's ¥515万 shortfall, leaves adding up to it", () => {
    const gap = flat(scope.KPI_GAP(table())) as (number | null)[];
    expect(gap).toHaveLength(9);
    expect(gap[0]).toBeCloseTo(-5_150_000, 6);
    expect(
      (gap[3] as number) + (gap[4] as number) + (gap[5] as number) + (gap[6] as number) + (gap[7] as number),
    ).toBeCloseTo(-5_150_000, 6);
    expect(gap[8]).toBeNull();
  });

  it("KPI_IMPACT gives 1% for every KPI of the product tree", () => {
    expect(flat(scope.KPI_IMPACT(table())).slice(0, 8)).toEqual(new Array(8).fill(0.01));
  });

  it("KPI_SEEK takes a goal as text and drivers as a range, and errs in the headers' language", () => {
    const out = flat(scope.KPI_SEEK(table(), "1,800万", [["アポ率"], ["S4"], [""]])) as (number | null)[];
    expect(14_850_000 * (1 + (out[0] as number)) ** 2).toBeCloseTo(18_000_000, 3);
    expect(out.filter((v) => v !== null)).toHaveLength(3);
    expect(() => scope.KPI_SEEK(table(), "", [["売上高"]])).toThrow(
      /ドライバー「売上高」が範囲の KPI にありません。 修正:/,
    );
  });
});

describe("issue 11 functions in the stand-in", () => {
  it("fill their columns beside the sample table", () => {
    const s = sampleStandin(DIST);
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SAMPLE_SHEET)!;
    sheet.getRange("N1:P1").setValues([["寄与", "感応度", "逆算"]]);
    sheet.getRange("N2:P2").setFormulas([["=KPI_GAP(A1:H10)", "=KPI_IMPACT(A1:H10)", "=KPI_SEEK(A1:H10)"]]);
    const values = sheet.getRange("N2:P9").getValues();
    expect(values[0][0]).toBeCloseTo(-5_150_000, 6);
    expect(values[4][0]).toBeCloseTo(-4_976_155.2, 1);
    expect(values[3][1]).toBeCloseTo(0.01, 12);
    expect(values[0][2]).toBeCloseTo(0.0613551, 6);
    expect(values[3][2]).toBeCloseTo(955.2196, 3);
  });
});
