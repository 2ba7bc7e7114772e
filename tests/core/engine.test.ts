// Rollup, plans and required values through small trees whose every result is written out: which value wins
// when a parent has its own, what a blank passes down, and what a goal does.
import { describe, expect, it } from "vitest";
import { KpiError } from "../../src/core/errors";
import { readTree } from "../../src/core/layout";
import { plans, required } from "../../src/core/required";
import { rollup } from "../../src/core/rollup";
import { toColumn, toColumns } from "../../src/core/tree";
import { KPI_REQUIRED, KPI_ROLLUP } from "../../src/functions/customFunctions";

const HEAD = ["Name", "Parent", "Op", "Target", "Actual"];
const tree = (...rows: unknown[][]) => readTree([HEAD, ...rows]);

describe("rollup", () => {
  it("a parent's operator over its children wins over the parent's own value", () => {
    const t = tree(["Total", "", "+", 100, 1], ["A", "Total", "", 30, 2], ["B", "Total", "", 40, 5]);
    expect(rollup(t, "target")).toEqual([70, 30, 40]);
    expect(rollup(t, "actual")).toEqual([7, 2, 5]);
  });

  it("a parent keeps its own value when its children cannot give one", () => {
    const t = tree(["Orders", "", "×", 100, 80], ["Meetings", "Orders", "", "", 400], ["Rate", "Orders", "", "", ""]);
    expect(rollup(t, "target")).toEqual([100, null, null]);
    expect(rollup(t, "actual")).toEqual([80, 400, null]);
  });

  it("a scorecard (none) keeps its own value even when its children have values", () => {
    const t = tree(["Card", "", "none", 9, ""], ["A", "Card", "", 1, 3], ["B", "Card", "", 2, 4]);
    expect(rollup(t, "target")).toEqual([9, 1, 2]);
    expect(rollup(t, "actual")).toEqual([null, 3, 4]);
  });

  it("min and max pick the smallest and the largest child, through two levels", () => {
    const t = tree(
      ["Worst", "", "min", "", ""],
      ["Best", "Worst", "max", "", ""],
      ["A", "Best", "", 3, ""],
      ["B", "Best", "", 8, ""],
      ["C", "Worst", "", 5, ""],
    );
    expect(rollup(t, "target")).toEqual([5, 8, 3, 8, 5]);
  });
});

describe("plans: what each KPI is expected to reach", () => {
  it("is its own target, else what its children's targets give, else its rolled-up actual", () => {
    const t = tree(
      ["Total", "", "+", "", ""],
      ["X", "Total", "", 7, 1],
      ["Y", "Total", "+", "", ""],
      ["Y1", "Y", "", "", 2],
      ["Y2", "Y", "", "", 3],
    );
    expect(plans(t)).toEqual([7, 7, 5, 2, 3]);
    // Siblings are held at those plans: X needs 20 − 5, Y needs 20 − 7, and Y's children share Y's 13.
    expect(required(t, 20)).toEqual([20, 15, 13, 10, 11]);
  });
});

describe("required", () => {
  const sum = () => tree(["Total", "", "+", 10, ""], ["A", "Total", "", 4, ""], ["B", "Total", "", 6, ""]);

  it("starts from the KGI's target, or from the goal given instead", () => {
    expect(required(sum())).toEqual([10, 4, 6]);
    expect(required(sum(), null)).toEqual([10, 4, 6]);
    expect(required(sum(), 20)).toEqual([20, 14, 16]);
    expect(required(sum(), 0)).toEqual([0, -6, -4]);
  });

  it("passes blanks down from a parent that has no required value", () => {
    // No goal and no target on the KGI: nothing below it has a required value, whatever its own target.
    const noGoal = tree(
      ["Total", "", "+", "", ""],
      ["A", "Total", "×", 4, ""],
      ["A1", "A", "", 2, ""],
      ["A2", "A", "", 2, ""],
    );
    expect(required(noGoal)).toEqual([null, null, null, null]);
    // A zero factor leaves its sibling without a required value, and so that sibling's children too (Price itself
    // needs 100 ÷ 10).
    const zero = tree(
      ["Revenue", "", "×", 100, ""],
      ["Customers", "Revenue", "+", "", ""],
      ["New", "Customers", "", 5, ""],
      ["Existing", "Customers", "", 5, ""],
      ["Price", "Revenue", "", 0, ""],
    );
    expect(required(zero)).toEqual([100, null, null, null, 10]);
  });

  it("keeps a scorecard's children at their own targets, with or without a required value above", () => {
    const t = tree(["Card", "", "none", 50, ""], ["A", "Card", "", 3, ""], ["B", "Card", "", "", 7]);
    expect(required(t)).toEqual([50, 3, null]);
    const under = tree(["Total", "", "+", "", ""], ["Card", "Total", "none", "", ""], ["A", "Card", "", 3, ""]);
    expect(required(under)).toEqual([null, null, 3]);
  });

  it("refuses a goal for a range holding several trees, naming how many, in the table's language", () => {
    const two = tree(["A", "", "", 1, ""], ["B", "", "", 2, ""]);
    expect(required(two)).toEqual([1, 2]);
    expect(() => required(two, 5)).toThrow(KpiError);
    expect(() => required(two, 5)).toThrow(
      "A goal was given but the range holds 2 trees. Fix: leave the goal out (each KGI uses its own target) or select a single tree.",
    );
    const ja = [
      ["指標名", "親", "目標"],
      ["A", "", 1],
      ["B", "", 2],
      ["C", "", 3],
    ];
    expect(() => KPI_REQUIRED(ja, 5)).toThrow(/^目標値が指定されましたが、範囲に KGI が 3 つあります。/);
  });
});

describe("output height: one value per data row of the range", () => {
  it("counts blank rows between and after the KPIs, and leaves them blank", () => {
    const grid = [
      HEAD,
      ["Total", "", "+", "", ""],
      ["", "", "", "", ""],
      ["A", "Total", "", 1, 2],
      ["", "", "", "", ""],
    ];
    expect(KPI_ROLLUP(grid)).toEqual([[2], [null], [2], [null]]);
    expect(KPI_ROLLUP(grid, "target")).toEqual([[1], [null], [1], [null]]);
    expect(KPI_REQUIRED(grid, 3)).toEqual([[3], [null], [3], [null]]);
  });

  it("writes several columns side by side, one row per data row", () => {
    const grid = [HEAD, ["Total", "", "+", "", ""], ["", "", "", "", ""], ["A", "Total", "", 1, 2]];
    const t = readTree(grid);
    expect(toColumns(t, [rollup(t, "target"), rollup(t, "actual"), ["x", "y"]])).toEqual([
      [1, 2, "x"],
      [null, null, null],
      [1, 2, "y"],
    ]);
    expect(toColumn(t, ["x", "y"])).toEqual([["x"], [null], ["y"]]);
  });

  it("gives one blank cell, not an empty array, for a header with no rows", () => {
    expect(KPI_ROLLUP([HEAD])).toBe("");
  });
});
