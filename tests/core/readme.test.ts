// The README's examples, so the documentation stays true.
import { describe, expect, it } from "vitest";
import { sampleRows } from "../../dev/preview/sample";
import {
  KPI_CHECK,
  KPI_GAP,
  KPI_IMPACT,
  KPI_REQUIRED,
  KPI_ROLLUP,
  KPI_SEEK,
  KPI_STATUS,
} from "../../src/functions/customFunctions";

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
