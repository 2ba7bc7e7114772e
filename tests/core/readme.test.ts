// The README's examples, so the documentation stays true.
import { describe, expect, it } from "vitest";
import { KPI_CHECK, KPI_REQUIRED, KPI_ROLLUP, KPI_STATUS } from "../../src/functions/customFunctions";

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
