// The README's examples, so the documentation stays true.
import { describe, expect, it } from "vitest";
import { sampleRows } from "../../dev/preview/sample";
import { readTree } from "../../src/core/layout";
import { parseNumber } from "../../src/core/value";
import {
  KPI_CHECK,
  KPI_FORECAST,
  KPI_GAP,
  KPI_IMPACT,
  KPI_PACE,
  KPI_PERIODS,
  KPI_REQUIRED,
  KPI_ROLLUP,
  KPI_SEEK,
  KPI_STATUS,
  KPI_TOTAL,
  KPI_TREE,
} from "../../src/functions/customFunctions";
import { markdownTables, readmePart } from "../helpers/readme";

const JA = [
  ["指標名", "親", "計算", "目標", "実績"],
  ["受注数", "", "×", "100件", 80],
  ["商談数", "受注数", "×", "", ""],
  ["リード数", "商談数", "", "", "4,000"],
  ["商談化率", "商談数", "", "10%", "11%"],
  ["受注率", "受注数", "", "20%", "18%"],
];
const LEVEL = [
  ["Name", "Level", "Op", "Target"],
  ["Orders", 1, "×", 100],
  ["Meetings", 2, "×", ""],
  ["Leads", 3, "", ""],
  ["Meeting rate", 3, "", "10%"],
  ["Close rate", 2, "", "20%"],
];
const OUTLINE = [
  ["KGI", "KPI1", "KPI2", "Op", "Target"],
  ["Orders", "", "", "×", 100],
  ["", "Meetings", "", "×", ""],
  ["", "", "Leads", "", ""],
  ["", "", "Meeting rate", "", "10%"],
  ["", "Close rate", "", "", "20%"],
];

const flat = (out: unknown) => (out as unknown[][]).map((r) => r[0]);

describe("README examples", () => {
  it("KPI_ROLLUP of the Japanese table", () => {
    const [orders, meetings, leads, rate1, rate2] = flat(KPI_ROLLUP(JA)) as number[];
    expect(orders).toBeCloseTo(79.2, 9);
    expect(meetings).toBeCloseTo(440, 9);
    expect([leads, rate1, rate2]).toEqual([4000, 0.11, 0.18]);
  });

  it("KPI_REQUIRED of the three layouts", () => {
    const [orders, meetings, leads, rate1, rate2] = flat(KPI_REQUIRED(JA)) as number[];
    expect(orders).toBe(100);
    expect(meetings).toBeCloseTo(500, 9);
    expect(leads).toBeCloseTo(5000, 9);
    expect(rate1).toBeCloseTo(0.125, 12);
    expect(rate2).toBeCloseTo(100 / 440, 12);
    for (const grid of [LEVEL, OUTLINE]) {
      const [, m, l] = flat(KPI_REQUIRED(grid)) as number[];
      expect(m).toBeCloseTo(500, 9);
      expect(l).toBeCloseTo(5000, 9);
    }
  });

  it("KPI_STATUS and KPI_CHECK examples", () => {
    expect(KPI_STATUS("3.5%", "3%以下", "", "", "en")).toBe("At risk");
    const ecommerce = [
      ["Name", "Level", "Op", "Target"],
      ["Revenue", 1, "×", "5,000万"],
      ["Visitors", 2, "", 200000],
      ["CVR", 2, "", "3%"],
      ["Order value", 2, "", 8000],
    ];
    expect(flat(KPI_CHECK(ecommerce))[0]).toBe("children give 48,000,000 (-4% vs target)");
  });

  it("KPI_TREE: rollup, required, achievement and status in one block; a middle KPI judged against its rolled-up target", () => {
    const tree = [
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Orders", 1, "×", 100, ""],
      ["Meetings", 2, "×", "", ""],
      ["Leads", 3, "", "5,000", "4,000"],
      ["Meeting rate", 3, "", "10%", "11%"],
      ["Close rate", 2, "", "20%", "18%"],
    ];
    const rows = KPI_TREE(tree, undefined, "en") as [number, number, number, string][];
    const rounded = rows.map(([a, r, rate, status]) => [+a.toFixed(9), +r.toFixed(9), +rate.toFixed(9), status]);
    expect(rounded).toEqual([
      [79.2, 100, 0.792, "Off track"],
      [440, 500, 0.88, "At risk"],
      [4000, 5000, 0.8, "At risk"],
      [0.11, 0.1, 1.1, "Achieved"],
      [0.18, 0.2, 0.9, "At risk"],
    ]);
    // The same rows as the single-purpose functions give, status aside for Meetings (no target of its own).
    expect(rows.map((r) => r[0])).toEqual(flat(KPI_ROLLUP(tree)));
    expect(rows.map((r) => r[1])).toEqual(flat(KPI_REQUIRED(tree)));
    expect((KPI_TREE(tree, [[0.7, 0.4]], "ja") as unknown[][])[0][3]).toBe("達成");
  });
});

/** The README's figures are rounded as written there: ¥万 to one decimal, % to one or two. */
const man = (yen: unknown) => Math.round((yen as number) / 1000) / 10;
const pct = (rate: unknown, digits = 1) => Number(((rate as number) * 100).toFixed(digits));

describe("README: KPI_GAP, KPI_IMPACT, KPI_SEEK on the sales sample", () => {
  const sales = sampleRows().map((r) => r.slice(0, 8));
  const [kgi, deals, meetings, calls, appoint, meetRate, closeRate, price] = [0, 1, 2, 3, 4, 5, 6, 7];

  it("splits the ¥515万 shortfall", () => {
    const gap = flat(KPI_GAP(sales));
    expect(man(gap[kgi])).toBe(-515);
    expect([man(gap[appoint]), man(gap[calls]), man(gap[price])]).toEqual([-497.6, -182.2, 164.9]);
    expect([gap[meetRate], gap[closeRate]]).toEqual([0, 0]);
    expect([man(gap[deals]), man(gap[meetings])]).toEqual([-679.9, -679.9]);
    const L = ((gap[kgi] as number) - 0) / Math.log(14_850_000 / 20_000_000);
    expect(man(L)).toBe(1729.7);
    expect(gap[appoint]).toBeCloseTo(L * Math.log(0.75), 6);
  });

  it("gives a factor at zero the gap it causes", () => {
    const funnel = [
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Orders", 1, "×", 100, ""],
      ["Leads", 2, "", 1000, 0],
      ["Rate", 2, "", "10%", "10%"],
    ];
    const gap = flat(KPI_GAP(funnel)) as number[];
    expect(gap[1]).toBeCloseTo(-100, 9);
    expect(gap[2]).toBeCloseTo(0, 9);
  });

  it("impacts: 1% for the sample's factors, shares for addends, −0.99% for a denominator", () => {
    expect(flat(KPI_IMPACT(sales)).slice(0, 8)).toEqual(new Array(8).fill(0.01));
    const revenue = [
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Revenue", 1, "×", "1.2億", ""],
      ["Customers", 2, "+", "", ""],
      ["New", 3, "×", "", ""],
      ["Leads", 4, "", "5,000", "4,000"],
      ["Meeting rate", 4, "", "10%", "10%"],
      ["Close rate", 4, "", "20%", "15%"],
      ["Existing", 3, "", 500, 520],
      ["Revenue per customer", 2, "", "200,000", "190,000"],
    ];
    const impact = flat(KPI_IMPACT(revenue));
    expect([pct(impact[2], 2), pct(impact[6], 2), pct(impact[0], 0)]).toEqual([0.1, 0.9, 1]);
    const cvr = [
      ["Name", "Level", "Op", "Actual"],
      ["CVR", 1, "÷", ""],
      ["Orders", 2, "", 30],
      ["Sessions", 2, "", 1000],
    ];
    expect(pct(flat(KPI_IMPACT(cvr))[2], 2)).toBe(-0.99);
  });

  it("seeks the common improvement", () => {
    const all = flat(KPI_SEEK(sales));
    expect(pct(all[kgi], 2)).toBe(6.14);
    expect(Math.round(all[calls] as number)).toBe(955);
    expect([pct(all[appoint]), pct(all[meetRate]), pct(all[closeRate])]).toEqual([15.9, 53.1, 21.2]);
    expect(man(all[price])).toBe(116.7);
    const two = flat(KPI_SEEK(sales, "", [["アポ率"], ["架電数"]]));
    expect(pct(two[kgi], 2)).toBe(16.05);
    expect([Math.round(two[calls] as number), pct(two[appoint])]).toEqual([1044, 17.4]);
    const zero = sales.map((r, i) => (i === 4 ? [...r.slice(0, 5), 0, ...r.slice(6)] : r));
    expect(() => KPI_SEEK(zero, "", [["架電数"]])).toThrow(
      "目標 2,000万円 に届きません: 「架電数」の実績が 0 で、何 % 動かしても 0 のままです（KGI は 0円 まで）。",
    );
    const capped = [
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Score", 1, "min", 10, ""],
      ["A", 2, "", "", 5],
      ["B", 2, "", "", 8],
    ];
    expect(() => KPI_SEEK(capped, "", "A")).toThrow(
      '"Score" (min, max or none) caps what the drivers can do (the KGI reaches 8)',
    );
  });

  it("KPI_CHECK's design notes", () => {
    const team = [
      ["指標名", "階層", "計算", "目標", "担当者", "期限"],
      ["売上", 1, "+", 600, "青木", "2026-03-31"],
      ["東京", 2, "", 100, "青木", ""],
      ["東京", 2, "", 100, "", "2026-03-31"],
      ["大阪", 2, "", 100, "青木", "2026-03-31"],
      ["名古屋", 2, "", 100, "青木", "2026-03-31"],
      ["福岡", 2, "", 100, "青木", "2026-03-31"],
      ["札幌", 2, "", 100, "青木", "2026-03-31"],
      ["広告費", 1, "", 50, "伊藤", "2026-03-31"],
    ];
    const check = flat(KPI_CHECK(team));
    expect(check[1]).toBe("SMART: 期限なし、担当「青木」の KPI が 6 個（5 個まで）");
    expect(check[2]).toBe("SMART: 担当者なし、兄弟に同じ名前（3行目）");
    expect(check[7]).toBe("親がなく KGI 扱い（KGI が 2 個）");
    expect(check[0]).toBe("OK、担当「青木」の KPI が 6 個（5 個まで）");
  });
});

/** The markdown tables of a part of the README, as grids ("" for empty cells). */
function readmeTables(after: string, until: string): string[][][] {
  return markdownTables(readmePart(after, until));
}

describe("README: periods", () => {
  const [ja, en] = readmeTables("### Periods (期間の列)", "## Functions");
  const [total] = readmeTables("<!-- total-example -->", "<!-- /total-example -->");

  it("the Japanese and English period tables read alike, and total as the text says", () => {
    for (const t of [ja, en]) {
      expect(readTree(t).periods.map((p) => Object.keys(p.column).sort().join())).toEqual([
        "actual,target",
        "actual,target",
        "actual",
      ]);
      expect(flat(KPI_TOTAL(t))).toEqual([544, 29, 515]);
      expect(flat(KPI_TOTAL(t, "", t === ja ? "5月" : "May"))).toEqual([540, 20, 520]);
    }
  });

  it("the KPI_TOTAL example: the table's last column is what =KPI_TOTAL gives", () => {
    const grid = total.map((row) => row.slice(0, -1));
    expect(total[0][total[0].length - 1]).toBe("=KPI_TOTAL(A1:E5)");
    const stated = total.slice(1).map((row) => parseNumber(row[row.length - 1])?.value as number);
    const got = flat(KPI_TOTAL(grid)) as number[];
    for (const [i, v] of got.entries()) expect(v).toBeCloseTo(stated[i], 6);
    expect(stated).toEqual([35_000_000, 400, 0.125, 700_000]);
    expect(got[1] * got[2] * got[3]).toBeCloseTo(got[0], 4);
    expect(flat(KPI_TOTAL(grid, undefined, "4月"))).toEqual([20_000_000, 100, 0.2, 1_000_000]);
    const spill = KPI_PERIODS(grid) as number[][];
    expect(spill[0]).toEqual([20_000_000, 15_000_000]);
    expect(() => KPI_TOTAL(grid, undefined, "9月")).toThrow("「9月」に当たる期間の列が表にありません（4月, 5月）。");
  });

  it('the KPI_TREE year-to-date example: its last four columns are what =KPI_TREE(…,"5月") gives', () => {
    const [table] = readmeTables("<!-- tree-total-example -->", "<!-- /tree-total-example -->");
    const grid = table.map((row) => row.slice(0, 7));
    const rows = KPI_TREE(grid, undefined, "ja", "5月") as unknown[][];
    const stated = table.slice(1).map((row) => row.slice(7));
    for (const [r, row] of rows.entries()) {
      for (const k of [0, 1, 2])
        expect(row[k]).toBeCloseTo(parseNumber(stated[r][k])?.value as number, k === 2 ? 4 : 2);
      expect(row[3]).toBe(stated[r][3]);
    }
    expect(table[0].slice(7)).toEqual(["実績累計", "目標累計", "達成率（累計）", "状態（累計）"]);
  });

  it("the error for two columns of one period, as quoted", () => {
    const twice = [["指標名", "階層", "計算", "5月", "6月", "5月"]];
    expect(() => readTree(twice)).toThrow("1行目の「5月」列: 範囲の 4 列目と 6 列目が両方とも「5月」の実績です。");
    expect(() => readTree([["指標名", "階層", "5月目標"]])).toThrow(
      "期間「5月」に目標の列はありますが、実績の列がありません。",
    );
  });

  it("KPI_PACE 83.1% and KPI_FORECAST 997.3; 来月 is refused", () => {
    const pace = KPI_PACE(500, 1200, "2026-04-01", "2027-03-31", "2026-09-30") as number;
    const elapsed = 183 / 365;
    expect(Number((1200 * elapsed).toFixed(1))).toBe(601.6);
    expect(pace).toBeCloseTo(500 / (1200 * elapsed), 12);
    expect(pct(pace)).toBe(83.1);
    expect(Number((KPI_FORECAST(500, "2026-04-01", "2027-03-31", "2026-09-30") as number).toFixed(1))).toBe(997.3);
    expect(() => KPI_FORECAST(500, "2026-04-01", "2027-03-31", "来月")).toThrow(
      'Row 1, column "as_of": "来月" is not a date.',
    );
  });
});
