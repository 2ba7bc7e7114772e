import { describe, expect, it } from "vitest";
import { achievement, DEFAULT_THRESHOLDS, OKR_THRESHOLDS, statusOf } from "../../src/core/status";
import { STATUS_LABEL } from "../../src/core/words";
import { KPI_ACHIEVEMENT, KPI_STATUS } from "../../src/functions/customFunctions";

describe("achievement", () => {
  it("is actual ÷ target for higher-is-better: 18M / 20M = 90%", () => {
    expect(achievement(18_000_000, 20_000_000, "higher")).toBeCloseTo(0.9, 12);
  });
  it("reverses lower-is-better: churn 3% target, 4% actual → 66.7%, 1.5% → 150%", () => {
    expect(achievement(0.04, 0.03, "lower")).toBeCloseTo(2 / 3, 12);
    expect(achievement(0.015, 0.03, "lower")).toBeCloseTo(1.5, 12);
  });
  it("handles zero and negative targets without Infinity", () => {
    expect(achievement(0, 0, "lower")).toBe(1);
    expect(achievement(3, 0, "lower")).toBe(0);
    expect(achievement(5, 0, "higher")).toBe(1);
    expect(achievement(-50, -100, "higher")).toBeCloseTo(1.5, 12);
    expect(achievement(null, 10, "higher")).toBeNull();
  });
  it("maps to statuses with default and OKR thresholds", () => {
    expect(statusOf(1)).toBe("achieved");
    expect(statusOf(0.85)).toBe("atRisk");
    expect(statusOf(0.5)).toBe("offTrack");
    expect(statusOf(null)).toBe("noData");
    expect(statusOf(0.7, OKR_THRESHOLDS)).toBe("achieved");
  });
});

describe("KPI_ACHIEVEMENT / KPI_STATUS over ranges", () => {
  it("works element-wise with a single direction for all", () => {
    expect(KPI_ACHIEVEMENT([[90], [""], [4]], [[100], [50], [3]], "lower")).toEqual([[1.1], [null], [2 - 4 / 3]]);
    expect(KPI_ACHIEVEMENT([[90], [120]], [[100], ["100以上"]])).toEqual([[0.9], [1.2]]);
  });
  it("uses custom thresholds and the requested language", () => {
    expect(KPI_STATUS([[75], [65], [""]], 100, "", [[0.7, 0.4]], "en")).toEqual([
      ["Achieved"],
      ["At risk"],
      ["No data"],
    ]);
    expect(KPI_STATUS(85, 100, "", "", "ja")).toBe("要注意");
    expect(KPI_STATUS([[""], [""], [5]], [[""], [10], [""]], "", "", "en")).toEqual([[null], ["No data"], ["No data"]]);
  });
  it("rejects ranges of different sizes and unreadable thresholds with a clear message", () => {
    expect(() => KPI_ACHIEVEMENT([[1], [2]], [[1], [2], [3]])).toThrow(/different sizes \(2×1, 3×1\)/);
    expect(() => KPI_STATUS(1, 1, "", [["x", 0.5]], "en")).toThrow(/are not status thresholds/);
    expect(() => KPI_ACHIEVEMENT("lots", 1)).toThrow(
      /^Row 1, column "actual": "lots" is not a number: it has no digits\. Fix: /,
    );
    expect(() => KPI_STATUS([[1], [2], [3]], [[1], ["x"], [3]], "", "", "ja")).toThrow(
      /^2行目の「目標」列: 「x」は数値として読めません（数字がありません）。 修正: /,
    );
    expect(() => KPI_ACHIEVEMENT(1, 1, "sideways")).toThrow(
      /^Row 1, column "direction": "sideways" is not a direction/,
    );
  });
});

describe("achievement: the edges", () => {
  it("is exact away from zero, both ways, for positive and negative targets", () => {
    expect(achievement(40, 20, "higher")).toBe(2);
    expect(achievement(10, 20, "lower")).toBe(1.5);
    expect(achievement(-150, -100, "lower")).toBe(1.5);
    expect(achievement(-150, -100, "higher")).toBe(0.5);
  });

  it("is blank for a missing or non-finite value", () => {
    for (const [a, t] of [
      [5, null],
      [Number.POSITIVE_INFINITY, 1],
      [1, Number.NEGATIVE_INFINITY],
      [Number.NaN, 1],
      [1, Number.NaN],
    ])
      expect(achievement(a, t, "higher")).toBeNull();
  });

  it("is met (1) or missed (0) for a zero target, or one so tiny that the ratio overflows", () => {
    expect(achievement(-5, 0, "higher")).toBe(0);
    expect(achievement(0, 0, "higher")).toBe(1);
    expect(achievement(1, 5e-324, "higher")).toBe(1);
    expect(achievement(-1, 5e-324, "higher")).toBe(0);
    expect(achievement(1, 5e-324, "lower")).toBe(0);
    expect(achievement(-1, 5e-324, "lower")).toBe(1);
  });
});

describe("statusOf: thresholds are inclusive, with room for rounding", () => {
  it("uses 100% and 80% by default", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ achieved: 1, atRisk: 0.8 });
    expect(statusOf(1 - 1e-13)).toBe("achieved");
    expect(statusOf(1 - 1e-9)).toBe("atRisk");
    expect(statusOf(0.8)).toBe("atRisk");
    expect(statusOf(0.8 - 1e-13)).toBe("atRisk");
    expect(statusOf(0.8 - 1e-9)).toBe("offTrack");
    expect(statusOf(-2)).toBe("offTrack");
  });

  it("uses 70% and 40% in OKR mode, and any pair given", () => {
    expect(OKR_THRESHOLDS).toEqual({ achieved: 0.7, atRisk: 0.4 });
    expect(statusOf(0.69, OKR_THRESHOLDS)).toBe("atRisk");
    expect(statusOf(0.4, OKR_THRESHOLDS)).toBe("atRisk");
    expect(statusOf(0.39, OKR_THRESHOLDS)).toBe("offTrack");
    expect(statusOf(0.5, { achieved: 0.5, atRisk: 0.5 })).toBe("achieved");
    expect(statusOf(null, OKR_THRESHOLDS)).toBe("noData");
  });

  it("has a word for every status in both languages", () => {
    expect(STATUS_LABEL).toEqual({
      ja: { achieved: "達成", atRisk: "要注意", offTrack: "未達", noData: "データなし" },
      en: { achieved: "Achieved", atRisk: "At risk", offTrack: "Off track", noData: "No data" },
    });
  });
});
