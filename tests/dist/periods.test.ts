// The period functions through the built bundle, loaded as Apps Script loads it (one global scope).
import { describe, expect, it } from "vitest";
import { loadDist } from "../helpers/dist";
import { salesTwoMonths as sales } from "../helpers/examples";

const scope = loadDist();
const col = (out: unknown) => (out as unknown[][]).map((r) => r[0]);

describe("period functions in dist/Code.js", () => {
  it("KPI_TOTAL weights 成約率 (12.5%, not 15%) and the totals multiply up", () => {
    const [total, meetings, rate, price] = col(scope.KPI_TOTAL(sales)) as number[];
    expect([total, meetings]).toEqual([35_000_000, 400]);
    expect(rate).toBeCloseTo(0.125, 15);
    expect(price).toBeCloseTo(700_000, 8);
    expect(scope.KPI_PERIODS(sales)).toEqual([
      [20_000_000, 300 * 0.1 * 500_000],
      [100, 300],
      [0.2, 0.1],
      [1_000_000, 500_000],
    ]);
    expect(() => scope.KPI_TOTAL(sales, "", "9月")).toThrow("「9月」に当たる期間の列が表にありません");
  });

  it("KPI_PACE 83.1% and KPI_FORECAST 997.3, with Date cells from another realm", () => {
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const pace = scope.KPI_PACE(500, 1200, day(2026, 4, 1), day(2027, 3, 31), day(2026, 9, 30)) as number;
    expect(Number((pace * 100).toFixed(1))).toBe(83.1);
    const projected = scope.KPI_FORECAST(500, "2026年4月1日", "2027/3/31", "2026-09-30") as number;
    expect(Number(projected.toFixed(1))).toBe(997.3);
    expect(() => scope.KPI_FORECAST(500, "2026-04-01", "2027-03-31", "来月")).toThrow('"来月" is not a date');
  });
});
