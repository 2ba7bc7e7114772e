// Every worked example of shared/domain/kpi-trees.md, in all three layouts.
import { describe, expect, it } from "vitest";
import { KPI_CHECK, KPI_REQUIRED, KPI_ROLLUP, KPI_STATUS } from "../../src/functions/customFunctions";
import * as ex from "../helpers/examples";
import { byName, LAYOUTS, layout } from "../helpers/layouts";

describe.each(LAYOUTS)("worked examples, %s layout", (form) => {
  it("B2B reverse calculation: 100 orders → 500 meetings → 5,000 leads", () => {
    const req = byName(ex.b2bReverse, KPI_REQUIRED(layout(ex.b2bReverse, form)));
    expect(req.Orders).toBe(100);
    expect(req.Meetings).toBeCloseTo(500, 9);
    expect(req.Leads).toBeCloseTo(5000, 9);
    // Per month, as the guides quote it: ≈ 417 leads, ≈ 42 meetings.
    expect(Math.round((req.Leads as number) / 12)).toBe(417);
    expect(Math.round((req.Meetings as number) / 12)).toBe(42);
  });

  it("B2B revenue ¥2億 with 100 orders needs an average order of ¥200万", () => {
    const req = byName(ex.b2bRevenue, KPI_REQUIRED(layout(ex.b2bRevenue, form, "ja")));
    expect(req.平均受注単価).toBeCloseTo(2_000_000, 6);
  });

  it("sales department: ¥2,000万 = 20 deals × ¥100万, and actuals roll up", () => {
    const grid = layout(ex.salesDept, form, "ja");
    const check = byName(ex.salesDept, KPI_CHECK(grid));
    expect(check.月間売上).toBe("OK");
    expect(check.成約数).toBe("OK");
    expect(check.商談数).toBe("OK");
    const actual = byName(ex.salesDept, KPI_ROLLUP(grid));
    // 900 calls × 20% × 50% = 90 meetings; × 20% = 18 deals; × ¥110万.
    expect(actual.商談数).toBeCloseTo(90, 9);
    expect(actual.成約数).toBeCloseTo(18, 9);
    expect(actual.月間売上).toBeCloseTo(19_800_000, 3);
    const target = byName(ex.salesDept, KPI_ROLLUP(grid, "目標"));
    expect(target.月間売上).toBeCloseTo(20_000_000, 3);
  });

  it("revenue tree in five steps: new = leads × rates, customers = new + existing", () => {
    const grid = layout(ex.revenueFiveSteps, form);
    const actual = byName(ex.revenueFiveSteps, KPI_ROLLUP(grid));
    expect(actual["New customers"]).toBeCloseTo(1500 * 0.12 * 0.2, 9);
    expect(actual.Customers).toBeCloseTo(36 + 140, 9);
    expect(actual["Annual revenue"]).toBeCloseTo(176 * 550_000, 3);
    const target = byName(ex.revenueFiveSteps, KPI_ROLLUP(grid, "target"));
    expect(target.Customers).toBeCloseTo(50 + 150, 9);
    expect(target["Annual revenue"]).toBeCloseTo(120_000_000, 3);
    const req = byName(ex.revenueFiveSteps, KPI_REQUIRED(grid));
    expect(req.Customers).toBeCloseTo(200, 9);
    expect(req["New customers"]).toBeCloseTo(50, 9);
    expect(req.Leads).toBeCloseTo(2000, 6);
  });

  it("e-commerce: the health check catches ¥4,800万 ≠ ¥5,000万 and the required CVR is 3.125%", () => {
    const grid = layout(ex.ecommerce, form, "ja");
    const check = byName(ex.ecommerce, KPI_CHECK(grid));
    expect(check.月間売上).toBe("子の計算 4,800万円（目標比 -4%）");
    const req = byName(ex.ecommerce, KPI_REQUIRED(grid));
    expect(req.CVR).toBeCloseTo(0.03125, 12);
    // 208,333.33 visitors: a count required is written rounded up.
    expect(req.訪問者数).toBe(Math.ceil(50_000_000 / (0.03 * 8000)));
  });

  it("HR scorecard: children are tracked, not combined", () => {
    const grid = layout(ex.hrScorecard, form, "ja");
    const actual = byName(ex.hrScorecard, KPI_ROLLUP(grid));
    expect(actual.エンゲージメントスコア).toBe(72);
    expect(actual.定着率).toBeCloseTo(0.92, 12);
    const req = byName(ex.hrScorecard, KPI_REQUIRED(grid));
    expect(req.エンゲージメントスコア).toBe(70);
    expect(req.サーベイ回答率).toBeCloseTo(0.95, 12);
  });

  it("SaaS: churn 3%以下 is lower-is-better: 3.5% is at risk, 4% off track", () => {
    expect(KPI_STATUS("3.5%", "3%以下", "", "", "ja")).toBe("要注意");
    expect(KPI_STATUS("4%", "3%以下", "", "", "ja")).toBe("未達");
    expect(KPI_STATUS(0.025, "3%以下", "", "", "en")).toBe("Achieved");
    expect(KPI_STATUS(0.05, 0.03, "lower", "", "en")).toBe("Off track");
  });

  it("OKR bridge: 100 leads a month × 1.5 = 150", () => {
    const spec = [
      {
        name: "Leads / month",
        op: "×",
        children: [
          { name: "Last quarter avg", target: 100 },
          { name: "Growth", target: "150%" },
        ],
      },
    ];
    expect(byName(spec, KPI_ROLLUP(layout(spec, form), "target"))["Leads / month"]).toBeCloseTo(150, 9);
  });
  it("marketing funnel: 300 leads × 50% × 1/3 = 50 SQL; 50 SQL need 300 leads", () => {
    const grid = layout(ex.marketingFunnel, form);
    expect(byName(ex.marketingFunnel, KPI_CHECK(grid))["SQL / month"]).toBe("OK");
    expect(byName(ex.marketingFunnel, KPI_REQUIRED(grid))["Leads / month"]).toBeCloseTo(300, 9);
  });

  it("development scorecard: lower-is-better targets written as 10件/月以下 and 24時間以下", () => {
    const grid = layout(ex.development, form, "ja");
    const tree = byName(ex.development, KPI_ROLLUP(grid));
    expect(tree.バグ件数).toBe(12);
    // 12 bugs against ≤ 10 → 80% (at risk); 30 h against ≤ 24 h → 75% (off track).
    expect(
      KPI_STATUS(
        [[12], [30], [0.92], [2]],
        [["10件/月以下"], ["24時間以下"], ["90%以上"], ["2回/週以上"]],
        "",
        "",
        "ja",
      ),
    ).toEqual([["要注意"], ["未達"], ["達成"], ["達成"]]);
  });
});
