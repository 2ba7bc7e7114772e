import { describe, expect, it } from "vitest";
import { healthReport, historySeries, nodeKeys, snapshotRows } from "../../src/core/insights";
import { readTree } from "../../src/core/layout";
import { DEFAULT_THRESHOLDS } from "../../src/core/status";
import { ecommerce, revenueFiveSteps } from "../helpers/examples";
import { layout } from "../helpers/layouts";

describe("healthReport", () => {
  it("finds the e-commerce targets that do not multiply up (4% short)", () => {
    const report = healthReport(readTree(layout(ecommerce, "level", "ja")), DEFAULT_THRESHOLDS);
    expect(report.mismatches).toHaveLength(1);
    expect(report.mismatches[0].name).toBe("月間売上");
    expect(report.mismatches[0].computed).toBeCloseTo(48_000_000, 3);
    expect(report.mismatches[0].gap).toBeCloseTo(-0.04, 12);
    expect(report.statusCounts.noData).toBe(4);
  });

  it("summarises the KGI, counts statuses and ranks bottlenecks", () => {
    const report = healthReport(readTree(layout(revenueFiveSteps, "parent")), DEFAULT_THRESHOLDS);
    expect(report.nodes).toBe(8);
    expect(report.depth).toBe(4);
    const kgi = report.roots[0];
    expect(kgi.name).toBe("Annual revenue");
    expect(kgi.actual).toBeCloseTo(176 * 550_000, 3);
    expect(kgi.rate).toBeCloseTo((176 * 550_000) / 120_000_000, 12);
    expect(kgi.status).toBe("atRisk"); // 80.7%
    expect(report.bottlenecks.map((b) => b.name)[0]).toBe("Revenue per customer");
    expect(report.bottlenecks.every((b) => b.gain > 0)).toBe(true);
    expect(Object.values(report.statusCounts).reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe("history", () => {
  it("keys KPIs by ID, else by their path of names", () => {
    const byPath = readTree(layout(revenueFiveSteps, "level"));
    expect(nodeKeys(byPath)[2]).toBe("Annual revenue › Customers › New customers");
    const byId = readTree(layout(revenueFiveSteps, "parent"));
    expect(nodeKeys(byId)[0]).toBe("#N1");
  });

  it("turns snapshots back into series, oldest first, the last snapshot of a day winning", () => {
    const tree = readTree(layout(revenueFiveSteps, "level"));
    const table = "KPI!A1:F9";
    const day2 = snapshotRows(tree, "2026-11-02", table);
    const day1 = snapshotRows(tree, "2026-11-01", table);
    const day2again = day2.map((r) => (r[2] === "Annual revenue" ? [...r.slice(0, 5), 1] : r));
    const other = snapshotRows(tree, "2026-11-01", "Other!A1:F9");
    const series = historySeries([["date", "table"], ...day2, ...day1, ...day2again, ...other, ["garbage"]], table);
    const kgi = series.get("Annual revenue")!;
    expect(kgi.map((p) => p.date)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(kgi[1].actual).toBe(1);
    expect(kgi[0].actual).toBeCloseTo(176 * 550_000, 3);
    expect(series.size).toBe(8);
  });
});
