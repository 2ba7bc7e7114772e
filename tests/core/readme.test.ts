// The README's examples, so the documentation stays true.
import { describe, expect, it } from "vitest";
import { KPI_CHECK, KPI_REQUIRED, KPI_ROLLUP, KPI_STATUS, KPI_TREE } from "../../src/functions/customFunctions";

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
