// Every KPI's trend from the period columns (rolled up), and the KPI check on whichever source has more periods.
import { describe, expect, it } from "vitest";
import { readTree } from "../../src/core/layout";
import { type KpiTrend, kgiOf, periodTrends, validateTrends } from "../../src/core/trends";

const MONTHS = ["2026年4月", "2026年5月", "2026年6月", "2026年7月", "2026年8月", "2026年9月"];

describe("periodTrends", () => {
  it("rolls each period up through the tree: revenue = deals × price, month by month", () => {
    const tree = readTree([
      ["指標名", "ID", "親", "計算", ...MONTHS.slice(0, 2).flatMap((m) => [`${m}目標`, `${m}実績`])],
      ["売上", "K1", "", "×", "", "", "", ""],
      ["成約数", "K2", "K1", "", 10, 8, 10, 12],
      ["単価", "K3", "K1", "", 100, 100, 100, 90],
    ]);
    const trends = periodTrends(tree);
    expect(trends[0]).toEqual([
      { date: "2026年4月", target: 1000, actual: 800 },
      { date: "2026年5月", target: 1000, actual: 1080 },
    ]);
    expect(trends[2].map((p) => p.actual)).toEqual([100, 90]);
    expect(Array.from(kgiOf(tree))).toEqual([0, 0, 0]);
  });
});

describe("validateTrends", () => {
  const trend = (row: number, kgiRow: number, actual: number[], target: number[] = []): KpiTrend => ({
    row,
    name: `R${row}`,
    unit: "",
    kgiRow,
    direction: "higher",
    points: [],
    periods: actual.map((a, k) => ({ date: MONTHS[k] ?? `${k}`, actual: a, target: target[k] ?? null })),
  });

  it("checks each KGI's KPIs on the period columns, and says when there are too few", () => {
    const kgi = trend(2, 2, [100, 120, 110, 130, 125, 140], new Array(6).fill(130));
    const kpi = trend(3, 2, [10, 12, 11, 13, 12.5, 14]);
    const [v] = validateTrends([kgi, kpi]);
    expect(v).toMatchObject({ row: 2, source: "periods", kpis: [{ row: 3, name: "R3" }] });
    expect(v.result.links[0].link).toBe("with");
    const few = validateTrends([trend(2, 2, [1, 2, 3]), trend(3, 2, [1, 2, 3])]);
    expect(few[0].result).toMatchObject({ enough: false, periods: 3 });
  });
});
