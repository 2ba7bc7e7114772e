// KPI_PERIODS, KPI_TOTAL, KPI_PACE and KPI_FORECAST (issue 8), with the worked examples.
import { describe, expect, it } from "vitest";
import {
  KPI_FORECAST,
  KPI_PACE,
  KPI_PERIODS,
  KPI_ROLLUP,
  KPI_TOTAL,
  KPI_TREE,
} from "../../src/functions/customFunctions";
import { salesTwoMonths as SALES } from "../helpers/examples";

const col = (out: unknown) => (out as unknown[][]).map((r) => r[0]);

describe("KPI_TOTAL", () => {
  it("weights the rates of a product: 商談数 400, 成約率 12.5% (not 15%), 平均単価 ¥700,000, 売上 ¥35,000,000", () => {
    const [sales, meetings, rate, price] = col(KPI_TOTAL(SALES)) as number[];
    expect(sales).toBe(35_000_000);
    expect(meetings).toBe(400);
    expect(rate).toBeCloseTo(0.125, 15);
    expect(price).toBeCloseTo(700_000, 8);
    expect(meetings * rate * price).toBeCloseTo(sales, 6);
    // Each month's products as the issue gives them.
    expect(col(KPI_PERIODS(SALES)).slice(0, 1)).toEqual([20_000_000]);
    expect((KPI_PERIODS(SALES) as number[][])[0][1]).toBeCloseTo(15_000_000, 6);
  });

  it("÷ totals Σ numerator ÷ Σ denominator: a CVR over months is conversions ÷ sessions", () => {
    const cvr = [
      ["Name", "Level", "Op", "Jan", "Feb", "Mar"],
      ["CVR", 1, "÷", "", "", ""],
      ["Orders", 2, "", 30, 10, 60],
      ["Sessions", 2, "", 1000, 2000, 1000],
    ];
    expect(col(KPI_TOTAL(cvr))).toEqual([100 / 4000, 100, 4000]);
    expect(col(KPI_TOTAL(cvr, "actual", "Feb"))).toEqual([40 / 3000, 40, 3000]);
  });

  it("a ÷ weighted as a rate factor of a × is still the ratio of its children's totals", () => {
    const shop = [
      ["Name", "Level", "Op", "Jan", "Feb"],
      ["Revenue", 1, "×", "", ""],
      ["Sessions", 2, "", 1000, 3000],
      ["CVR", 2, "÷", "", ""],
      ["Buyers", 3, "", 20, 30],
      ["Visitors", 3, "", 1000, 2000],
      ["Order value", 2, "", 5000, 8000],
    ];
    const [revenue, sessions, cvr, buyers, visitors, value] = col(KPI_TOTAL(shop)) as number[];
    expect(revenue).toBeCloseTo(1000 * 0.02 * 5000 + 3000 * 0.015 * 8000, 6);
    expect(sessions * cvr * value).toBeCloseTo(revenue, 6);
    expect(buyers / visitors).toBeCloseTo(cvr, 15);
    // CVR weighted by sessions: (1000 × 2% + 3000 × 1.5%) ÷ 4000.
    expect(cvr).toBeCloseTo((20 + 45) / 4000, 15);
  });

  it("sums flows, takes stocks' latest value, averages avg, and adds a + parent's children", () => {
    const t = [
      ["指標名", "階層", "計算", "集計", "4月目標", "4月実績", "5月目標", "5月実績", "6月目標", "6月実績"],
      ["顧客数", 1, "+", "", "", "", "", "", "", ""],
      ["新規", 2, "", "", 10, 12, 10, 8, 10, ""],
      ["既存", 2, "", "期末", 500, 510, 500, 520, 500, ""],
      ["満足度", 1, "", "平均", "", 4, "", 5, "", 3],
    ];
    expect(col(KPI_TOTAL(t))).toEqual([540, 20, 520, 4]);
    expect(col(KPI_TOTAL(t, "target"))).toEqual([530, 30, 500, null]);
    expect(col(KPI_TOTAL(t, "目標", "5月"))).toEqual([520, 20, 500, null]);
    expect(col(KPI_TOTAL(t, "", "4月実績"))).toEqual([522, 12, 510, 4]);
  });

  it("a rate with nothing to weigh it by stays blank, unless one period has a value", () => {
    const t = [
      ["Name", "Level", "Aggregation", "Q1", "Q2"],
      ["Churn", 1, "rate", "3%", "5%"],
      ["NPS", 1, "rate", 40, ""],
    ];
    expect(col(KPI_TOTAL(t))).toEqual([null, 40]);
  });

  it("with one period, equals KPI_ROLLUP of it", () => {
    const one = SALES.map((r) => r.slice(0, 4));
    expect(col(KPI_TOTAL(one))).toEqual(col(KPI_ROLLUP(one, "4月")));
  });

  it("refuses a through naming no period, a field that is not actual/target, and a table without periods", () => {
    expect(() => KPI_TOTAL(SALES, "actual", "9月")).toThrow(
      "「対象期間」列: 「9月」に当たる期間の列が表にありません（4月, 5月）。",
    );
    expect(() => KPI_TOTAL(SALES, "plan B")).toThrow("「plan B」は期間の項目として読めません");
    expect(() =>
      KPI_TOTAL([
        ["Name", "Level", "Target"],
        ["A", 1, 1],
      ]),
    ).toThrow("Row 1: The table has no period columns.");
    expect(() =>
      KPI_PERIODS([
        ["Name", "Level", "Target"],
        ["A", 1, 1],
      ]),
    ).toThrow("no period columns");
  });
});

describe("KPI_PERIODS", () => {
  it("spills every period rolled up, in table order, one row per data row (blank rows blank)", () => {
    const t = [
      ["Name", "Level", "Op", "Memo", "Apr target", "Apr actual", "May", "Jun"],
      ["Revenue", 1, "+", "", "", "", "", ""],
      ["", "", "", "", "", "", "", ""],
      ["Web", 2, "", "note", 5, 4, 6, 7],
      ["Shop", 2, "", "", 5, 3, "", 1],
    ];
    expect(KPI_PERIODS(t)).toEqual([
      [7, 6, 8],
      [null, null, null],
      [4, 6, 7],
      [3, null, 1],
    ]);
    expect(KPI_PERIODS(t, "target")).toEqual([
      [10, null, null],
      [null, null, null],
      [5, null, null],
      [5, null, null],
    ]);
  });
});

describe("KPI_PACE and KPI_FORECAST", () => {
  it("the issue's example: target 1,200 from 2026-04-01 to 2027-03-31, actual 500 on 2026-09-30", () => {
    const pace = KPI_PACE(500, 1200, "2026-04-01", "2027-03-31", "2026-09-30") as number;
    expect(pace).toBeCloseTo(500 / ((1200 * 183) / 365), 12);
    expect(Number((pace * 100).toFixed(1))).toBe(83.1);
    const projected = KPI_FORECAST(500, "2026-04-01", "2027-03-31", "2026-09-30") as number;
    expect(Number(projected.toFixed(1))).toBe(997.3);
  });

  it("reads dates as text in three forms and as Date cells; clips elapsed to [0, 1]", () => {
    const forms = [
      ["2026/4/1", "2027/3/31", "2026/9/30"],
      ["2026年4月1日", "2027年3月31日", "2026年9月30日"],
      [new Date(Date.UTC(2026, 3, 1)), new Date(Date.UTC(2027, 2, 31)), new Date(Date.UTC(2026, 8, 30))],
    ];
    for (const [s, e, a] of forms) expect(KPI_FORECAST(500, s, e, a)).toBeCloseTo((500 * 365) / 183, 9);
    expect(KPI_FORECAST(500, "2026-04-01", "2027-03-31", "2028-01-01")).toBe(500);
    expect(KPI_FORECAST(500, "2026-04-01", "2027-03-31", "2026-01-01")).toBeNull();
    // Before the start nothing is expected yet: any actual is on pace (KPI_ACHIEVEMENT's zero rule).
    expect(KPI_PACE(0, 1200, "2026-04-01", "2027-03-31", "2026-03-01")).toBe(1);
    expect(KPI_PACE(0.04, "3%以下", "2026-04-01", "2026-04-30", "2026-04-30")).toBeCloseTo(2 - 0.04 / 0.03, 12);
  });

  it("works cell by cell over ranges", () => {
    const out = KPI_PACE([[100], [600]], [[1200], [1200]], "2026-04-01", "2027-03-31", "2026-09-30") as number[][];
    expect(out.map((r) => Number(r[0].toFixed(3)))).toEqual([0.166, 0.997]);
  });

  it("refuses 来月, an impossible day, a serial number and an end before the start, naming the cell", () => {
    expect(() => KPI_FORECAST(500, "2026-04-01", "2027-03-31", "来月")).toThrow(
      'Row 1, column "as_of": "来月" is not a date.',
    );
    expect(() => KPI_FORECAST(500, "2026-02-30", "2027-03-31", "2026-09-30")).toThrow('column "start": "2026-02-30"');
    expect(() => KPI_FORECAST(500, 46113, "2027-03-31", "2026-09-30")).toThrow('"46113" is not a date');
    expect(() => KPI_PACE(500, 1200, "2026-04-01", "2026-03-31", "2026-09-30")).toThrow(
      'Row 1, column "end": The end 2026-03-31 is before the start 2026-04-01.',
    );
    expect(() => KPI_FORECAST([[1], [2]], [["2026-04-01"], ["2026/13/01"]], "2027-03-31", "2026-09-30")).toThrow(
      'Row 2, column "start"',
    );
  });

  it("a blank date or actual gives a blank, not an error", () => {
    expect(KPI_FORECAST("", "2026-04-01", "2027-03-31", "2026-09-30")).toBeNull();
    expect(KPI_PACE(500, 1200, "2026-04-01", "", "2026-09-30")).toBeNull();
  });
});

describe("KPI_TREE's optional total", () => {
  it("gives the year to date instead: actual and target totals through the period named, judged on each other", () => {
    const plain = KPI_TREE(SALES) as unknown[][];
    expect(plain[0]).toHaveLength(4);
    // SALES has actual-only periods: no target to date, so no achievement, and the status says so.
    const ytd = KPI_TREE(SALES, undefined, "en", "5月") as unknown[][];
    expect(ytd[0]).toHaveLength(4);
    expect(ytd.map((r) => r[0])).toEqual(col(KPI_TOTAL(SALES, "actual", "5月")));
    expect(ytd.map((r) => r.slice(1))).toEqual(new Array(4).fill([null, null, "No data"]));
    expect((KPI_TREE(SALES, undefined, "en", "4月") as unknown[][]).map((r) => r[0])).toEqual([
      20_000_000, 100, 0.2, 1_000_000,
    ]);
    // Pairs: the totals of actuals and of targets, their achievement (direction-aware) and the status word.
    const pairs = [
      ["Name", "Level", "Op", "Direction", "Apr target", "Apr actual", "May target", "May actual"],
      ["Profit", 1, "-", "", "", "", "", ""],
      ["Revenue", 2, "", "", 100, 90, 100, 120],
      ["Cost", 2, "", "lower", 50, 40, 50, 70],
    ];
    const rows = KPI_TREE(pairs, [[0.9, 0.8]], "en", "May") as unknown[][];
    const [actual, target] = (["actual", "target"] as const).map((f) => col(KPI_TOTAL(pairs, f, "May")));
    expect(rows.map((r) => r.slice(0, 2))).toEqual(actual.map((a, i) => [a, target[i]]));
    expect(rows).toEqual([
      [100, 100, 1, "Achieved"],
      [210, 200, 1.05, "Achieved"],
      [110, 100, 0.9, "Achieved"],
    ]);
    expect((KPI_TREE(pairs, undefined, "en", "Apr") as unknown[][])[2]).toEqual([40, 50, 1.2, "Achieved"]);
    // Actual-only periods with share: the annual target (a parent's rolled up) × share, a rate as it is.
    const actualOnly = [
      ["Name", "Level", "Op", "Unit", "Target", "Apr", "May"],
      ["Deals", 1, "×", "", "", "", ""],
      ["Leads", 2, "", "", 100, 30, 30],
      ["Close rate", 2, "", "%", "20%", "20%", "10%"],
    ];
    const shared = KPI_TREE(actualOnly, undefined, "en", "May", 0.5) as number[][];
    expect(shared.map((r) => r.slice(0, 3))).toEqual([
      [9, 10, 0.9],
      [60, 50, 1.2],
      [0.15, 0.2, 0.75],
    ]);
    expect(shared.map((r) => r[3])).toEqual(["At risk", "Achieved", "Off track"]);
    expect(() => KPI_TREE(SALES, undefined, "en", "9月")).toThrow("9月");
    expect(() =>
      KPI_TREE(
        [
          ["Name", "Level", "Target"],
          ["A", 1, 1],
        ],
        undefined,
        "en",
        "Q1",
      ),
    ).toThrow("no period columns");
  });
});
