// No NaN or Infinity ever reaches a cell: overflow is computed around where it
// can be (averages, rates, gaps) and refused naming the row where it cannot.
import { describe, expect, it } from "vitest";
import { treeProblems } from "../../src/core/diagnosis";
import { readTree } from "../../src/core/layout";
import { combine } from "../../src/core/operators";
import { required } from "../../src/core/required";
import { rollup } from "../../src/core/rollup";
import { achievement } from "../../src/core/status";
import { KPI_ACHIEVEMENT, KPI_CHECK, KPI_REQUIRED, KPI_ROLLUP } from "../../src/functions/customFunctions";
import { finiteOutput } from "../../src/functions/grid";
import { customFunction } from "../../src/functions/registry";

const tree = (op: string, a: unknown, b: unknown, target: unknown = "") => [
  ["Name", "Parent", "Op", "Target", "Actual"],
  ["Total", "", op, target, ""],
  ["A", "Total", "", a, a],
  ["B", "Total", "", b, b],
];
const jaTree = (op: string, a: unknown, b: unknown) => [
  ["指標名", "親", "計算", "実績"],
  ["合計", "", op, ""],
  ["A", "合計", "", a],
  ["B", "合計", "", b],
];

describe("arithmetic that would overflow", () => {
  it("averages 1e308 and 1e308 to exactly 1e308", () => {
    expect(combine("avg", [1e308, 1e308])).toBe(1e308);
    expect(combine("avg", [1e308, 1e308, -1e308])).toBeCloseTo(1e308 / 3, -290);
    expect(combine("avg", [1, 2])).toBe(1.5);
    expect((KPI_ROLLUP(tree("avg", 1e308, 1e308)) as number[][])[0][0]).toBe(1e308);
  });

  it.each([
    ["+", 1e308, 1e308],
    ["×", 1e200, 1e200],
    ["−", 1e308, -1e308],
    ["÷", 1e308, 1e-308],
  ])("refuses %s of %j and %j naming the parent's row", (op, a, b) => {
    expect(() => KPI_ROLLUP(tree(op, a, b))).toThrow(
      /^Row 2 \("Total"\): The result is too large to calculate \(beyond ±1\.8e308\)\. Fix: /,
    );
    expect(() => KPI_ROLLUP(jaTree(op, a, b))).toThrow(/^2行目（合計）: 計算結果が大きすぎて表せません/);
  });

  it("refuses a required value that overflows, naming the child's row", () => {
    // Total = A × B must reach 1e300 with A planned at 1e-300: B would need 1e600.
    expect(() => KPI_REQUIRED(tree("×", 1e-300, "", 1e300))).toThrow(/^Row 4 \("B"\): The result is too large/);
    expect((KPI_REQUIRED(tree("×", 1e-150, "", 1e150)) as number[][]).flat()).toEqual([1e150, null, 1e150 / 1e-150]);
  });

  it("KPI_CHECK never shows Infinity: a gap of +200% between 1e308 and -1e308, or an error naming the row", () => {
    const opposite = [
      ["Name", "Parent", "Op", "Target"],
      ["Total", "", "+", -1e308],
      ["A", "Total", "", 1e308],
    ];
    expect((KPI_CHECK(opposite) as string[][])[0][0]).toBe("children give 1e308 (+200% vs target)");
    expect(() => KPI_CHECK(tree("+", 1e308, 1e308, 1))).toThrow(/^Row 2 \("Total"\): The result is too large/);
  });

  it("KPI_ACHIEVEMENT(1e308, -1e308) is 3 (1 + (a − t) ÷ |t| without the overflowing difference)", () => {
    expect(KPI_ACHIEVEMENT(1e308, -1e308)).toBe(3);
    expect(KPI_ACHIEVEMENT(1e308, -1e308, "lower")).toBe(-1);
    expect(achievement(-1e308, 1e308, "higher")).toBe(-1);
    expect(achievement(1e308, 5e-324, "higher")).toBe(1);
    expect(achievement(18e6, 20e6, "higher")).toBe(0.9);
  });
});

describe("the table check (treeProblems)", () => {
  it("lists every value too large with its row, column and fix, and still checks the other KPIs", () => {
    const table = readTree([
      ["Name", "Parent", "Op", "Target", "Actual"],
      ["Total", "", "+", 100, ""],
      ["P", "Total", "×", "", ""],
      ["A", "P", "", 1e200, 1e200],
      ["B", "P", "", 1e200, 1e200],
      ["Q", "Total", "+", 10, ""],
      ["C", "Q", "", 2, ""],
      ["D", "Q", "", 3, ""],
    ]);
    const problems = treeProblems(table, "en");
    expect(problems.map((p) => [p.severity, p.code, p.row, p.name, p.column])).toEqual([
      ["error", "tooLarge", 3, "P", "Target"],
      ["error", "tooLarge", 3, "P", "Actual"],
      // P counts as blank from there: Total's children give Q's 10.
      ["warning", "targetsDoNotCombine", 2, "Total", "Target"],
      ["warning", "targetsDoNotCombine", 6, "Q", "Target"],
    ]);
    expect(problems[0].message).toBe(
      'Row 3 ("P"), column "Target": The result is too large to calculate (beyond ±1.8e308). Fix: check the values it is computed from for a typing mistake (extra zeros), or enter them in a larger unit (万, 億, M).',
    );
    expect(problems[3].message).toMatch(/^Row 6 "Q": its children's targets give 5, not the target 10 \(-50%\)\./);
    // Without the check's sink the first is thrown, as the functions show it.
    expect(() => rollup(table, "target")).toThrow(/^Row 3 \("P"\): The result is too large/);
    expect(() => required(table)).toThrow(/^Row 3 \("P"\): The result is too large/);
  });

  it("lists a required value too large at the child that would need it, in the table's language", () => {
    const table = readTree([
      ["指標名", "親", "計算", "目標"],
      ["合計", "", "×", 1e300],
      ["A", "合計", "", 1e-300],
      ["B", "合計", "", ""],
    ]);
    expect(treeProblems(table, "ja").map((p) => [p.code, p.row, p.column, p.message])).toEqual([
      [
        "tooLarge",
        4,
        "目標",
        "4行目（B）の「目標」列: 計算結果が大きすぎて表せません（±1.8e308 を超えます）。 修正: 元になる値に入力ミス（0 の打ちすぎなど）がないか確かめるか、大きい単位（万・億）で入力してください。",
      ],
    ]);
  });
});

describe("the last guard on what a custom function returns", () => {
  it("throws naming the row instead of returning a non-finite number", () => {
    expect(() => finiteOutput([[1], [Number.POSITIVE_INFINITY]], 2)).toThrow(/^Row 3: The result is too large/);
    expect(() => finiteOutput(Number.NaN, null)).toThrow(/^The result is too large/);
    expect(finiteOutput([[1, "x", null]], 1)).toEqual([[1, "x", null]]);
  });

  it("guards every declared custom function", () => {
    const broken = customFunction(
      { name: "BROKEN", summary: "", params: [], returns: "", shape: { kind: "elementwise", over: [] } },
      () => [[1], [Number.NaN]],
    );
    expect(() => broken()).toThrow(/^Row 2: The result is too large/);
  });
});
