// Arguments are read or refused, never silently replaced by a default.
import { describe, expect, it } from "vitest";
import { readTree } from "../../src/core/layout";
import { KPI_CHECK, KPI_STATUS } from "../../src/functions/customFunctions";

const ECOMMERCE = [
  ["Name", "Level", "Op", "Target"],
  ["Revenue", 1, "×", "5,000万"],
  ["Visitors", 2, "", 200000],
  ["CVR", 2, "", "3%"],
  ["Order value", 2, "", 8000],
];
const EXACT = [
  ["Name", "Level", "Op", "Target"],
  ["Total", 1, "+", 30],
  ["A", 2, "", 10],
  ["B", 2, "", 20],
];

describe("KPI_CHECK tolerance: 0 ≤ tolerance < 100%", () => {
  it.each([
    [undefined, "children give 48,000,000 (-4% vs target)"],
    ["", "children give 48,000,000 (-4% vs target)"],
    [0.05, "OK"],
    ["5%", "OK"],
    ["4.1%", "OK"],
    ["3.9%", "children give 48,000,000 (-4% vs target)"],
  ])("reads %j", (tolerance, expected) => {
    expect((KPI_CHECK(ECOMMERCE, tolerance) as string[][])[0][0]).toBe(expected);
  });

  it("an exact match is OK at tolerance 0", () => {
    expect((KPI_CHECK(EXACT, 0) as string[][])[0][0]).toBe("OK");
  });

  it.each(["abc", true, -1, "-0.1%", 1, "100%", 5])("refuses %j", (tolerance) => {
    expect(() => KPI_CHECK(EXACT, tolerance)).toThrow(/is not a tolerance\. Fix: give a relative difference from 0/);
  });

  it("refuses in Japanese for a Japanese table", () => {
    const ja = [["指標名", "階層", "計算", "目標"], ...EXACT.slice(1)];
    expect(() => KPI_CHECK(ja, "abc")).toThrow(/^「abc」は許容誤差として読めません。 修正: 0 以上 100% 未満/);
  });
});

describe("KPI_STATUS thresholds: two rates ≥ 0, at risk not above achieved", () => {
  it("reads rates and text rates", () => {
    expect(KPI_STATUS(75, 100, "", [[0.7, 0.4]], "en")).toBe("Achieved");
    expect(KPI_STATUS(50, 100, "", [["70%", "40%"]], "en")).toBe("At risk");
    expect(KPI_STATUS(50, 100, "", [[0.7, 0]], "en")).toBe("At risk");
  });

  it.each([
    [[[-0.1, -0.5]]],
    [[[0.7, -0.4]]],
    [[[0.4, 0.7]]],
    [[["abc", 0.4]]],
    [[[true, 0.4]]],
    [[["", 0.4]]],
    [[[1, 0.8, 0.5]]],
  ])("refuses %j", (thresholds) => {
    expect(() => KPI_STATUS(1, 1, "", thresholds, "en")).toThrow(
      /are not status thresholds\. Fix: give two rates of 0% or more/,
    );
  });
});

describe("levels are whole numbers ≥ 0", () => {
  const withLevel = (level: unknown) => [
    ["Name", "Level", "Op"],
    ["Top", 1, "+"],
    ["Child", level, ""],
  ];
  it.each([2, "2", "Level 2", "第2階層"])("reads %j", (level) => {
    expect(readTree(withLevel(level)).nodes[1].parent).toBe(0);
  });
  it.each([-1, "-1", "−1", 1.5, "1.5", "▲2", "two"])("refuses %j naming the row", (level) => {
    expect(() => readTree(withLevel(level))).toThrow(
      /^Row 3 \("Child"\), column "Level": ".*" is not a level number\./,
    );
  });
});
