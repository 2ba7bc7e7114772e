// The custom-function registry is the one source of each function's name,
// parameters, shape and help: the bundle's JSDoc, the stand-in's result sizes
// and the formulas the add-on writes and recognises all follow it.
import { describe, expect, it } from "vitest";
import { expectedSize } from "../../dev/standin/customFunctions";
import { columnFunction, functionColumns, statusWithThresholds } from "../../src/functions/columns";
import { CUSTOM_FUNCTIONS, KPI_ROLLUP, KPI_STATUS } from "../../src/functions/customFunctions";
import { type FunctionSpec, formula, parseCall } from "../../src/functions/registry";
import { distCode, loadDist } from "../helpers/dist";
import * as ex from "../helpers/examples";
import { layout } from "../helpers/layouts";

const code = distCode();
const scope = loadDist() as unknown as { KpiTree: { CUSTOM_FUNCTIONS: { spec: FunctionSpec }[] } } & Record<
  string,
  (...args: unknown[]) => unknown
>;
const specs = scope.KpiTree.CUSTOM_FUNCTIONS.map((f) => f.spec);

describe("the registry in the built bundle", () => {
  it("lists every custom function once, as declared in the sources", () => {
    expect(specs.map((s) => s.name)).toEqual(CUSTOM_FUNCTIONS.map((f) => f.spec.name));
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
  });

  it.each(CUSTOM_FUNCTIONS.map((f) => [f.spec.name, f.spec as FunctionSpec] as const))(
    "generates %s's top-level declaration and JSDoc from its declaration",
    (name, spec) => {
      const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
      expect(m).not.toBeNull();
      const [, doc, params] = m as RegExpExecArray;
      expect(params.split(",")).toEqual(spec.params.map((p) => p.name));
      expect(doc).toContain(spec.summary);
      const lines = doc.split("\n").filter((l) => l.includes("@param"));
      expect(lines).toEqual(
        spec.params.map((p) => ` * @param {${p.example}} ${p.name} ${p.optional ? "Optional. " : ""}${p.help}`),
      );
      expect(doc).toContain(`@return ${spec.returns}`);
      expect(doc).toContain("@customfunction");
    },
  );
});

describe("declared output shapes", () => {
  const grid = layout(ex.salesDept, "parent", "ja");
  const column = (c: number) => grid.slice(1).map((row) => [row[c]]);
  const target = column(grid[0].indexOf("目標"));
  // The same table with two months (their values the targets').
  const periods = grid.map((row, r) => [...row, ...(r === 0 ? ["4月", "5月"] : [target[r - 1][0], target[r - 1][0]])]);
  const size = (v: unknown) =>
    Array.isArray(v) ? { width: (v[0] as unknown[]).length, height: v.length } : { width: 1, height: 1 };
  const calls: Record<string, unknown[]> = {
    KPI_TREE: [grid],
    KPI_ROLLUP: [grid],
    KPI_REQUIRED: [grid],
    KPI_CHECK: [grid],
    KPI_GAP: [grid],
    KPI_IMPACT: [grid],
    KPI_SEEK: [grid],
    KPI_ACHIEVEMENT: [target, target, "higher"],
    KPI_STATUS: [target, target, undefined, undefined, "en"],
    KPI_PERIODS: [periods],
    KPI_TOTAL: [periods],
    KPI_PACE: [target, target, "2026-04-01", "2027-03-31", "2026-09-30"],
    KPI_FORECAST: [target, "2026-04-01", "2027-03-31", "2026-09-30"],
  };

  it.each(specs.map((s) => [s.name, s] as const))("%s returns the size its shape says", (name, spec) => {
    const args = calls[name];
    expect(args).toBeDefined();
    const result = scope[name](...args);
    const expected = expectedSize(spec, (i) => size(args[i]));
    // One column per period: only running it tells (the stand-in guesses 1, then learns).
    if (spec.shape.kind === "column" && spec.shape.width === "periods") expected.width = 2;
    expect(size(result)).toEqual(expected);
    expect(size(result).height).toBe(grid.length - 1);
  });
});

describe("formulas from the registry", () => {
  it("writes calls in parameter order, leaving out trailing omitted arguments", () => {
    expect(formula(KPI_ROLLUP, { tree: "A1:H9" })).toBe("=KPI_ROLLUP(A1:H9)");
    expect(formula(KPI_STATUS, { actual: "G2:G9", target: "D2:D9", language: '"ja"' })).toBe(
      '=KPI_STATUS(G2:G9,D2:D9,,,"ja")',
    );
  });

  it("splits a call at the commas outside quotes, braces and parentheses", () => {
    expect(parseCall('= kpi_status(G4:G7, D4:D7,"a,b",{0.7,0.4},IF(A1,1,2))')).toEqual({
      name: "KPI_STATUS",
      args: ["G4:G7", "D4:D7", '"a,b"', "{0.7,0.4}", "IF(A1,1,2)"],
    });
    expect(parseCall("=NOW()")).toEqual({ name: "NOW", args: [] });
    expect(parseCall("=KPI_ROLLUP(A1:H9)*2")).toBeNull();
    expect(parseCall("=KPI_ROLLUP(A1:H9")).toBeNull();
    expect(parseCall("KPI_ROLLUP(A1:H9)")).toBeNull();
  });

  it("recognises every column formula it writes, and nothing else", () => {
    const g = { top: 1, left: 1, height: 9, width: 8, targetColumn: 4, directionColumn: 7 };
    const okr = { achieved: 0.7, atRisk: 0.4 };
    const tree = columnFunction(functionColumns(g, 9, "ja", okr).formulas[0]);
    expect(tree?.fn.spec.name).toBe("KPI_TREE");
    expect(tree?.args).toEqual({ tree: "A1:H9", thresholds: "{0.7,0.4}", language: '"ja"' });
    const fx = functionColumns(g, 9, "ja", okr, false);
    const read = fx.formulas.map((f) => columnFunction(f));
    expect(read.map((r) => r?.fn.spec.name)).toEqual(["KPI_ROLLUP", "KPI_REQUIRED", "KPI_ACHIEVEMENT", "KPI_STATUS"]);
    expect(read[3]?.args).toEqual({
      actual: "I2:I9",
      target: "D2:D9",
      direction: "G2:G9",
      thresholds: "{0.7,0.4}",
      language: '"ja"',
      tree: "A1:H9",
    });
    for (const other of ["=SUM(A1:A3)", "=KPI_CHECK(A1:H9)", "=KPI_ROLLUP(A1:H9)+1", "text"])
      expect(columnFunction(other)).toBeNull();
  });

  it("gives our status formulas new thresholds, and leaves a user's threshold cells alone", () => {
    const plain = { achieved: 1, atRisk: 0.8 };
    const okr = { achieved: 0.7, atRisk: 0.4 };
    expect(statusWithThresholds('=KPI_STATUS(I2:I9,D2:D9,G2:G9,{1,0.8},"ja")', plain, okr)).toBe(
      '=KPI_STATUS(I2:I9,D2:D9,G2:G9,{0.7,0.4},"ja")',
    );
    expect(statusWithThresholds("=KPI_STATUS(I2:I9,D2:D9)", plain, okr)).toBe("=KPI_STATUS(I2:I9,D2:D9,,{0.7,0.4})");
    expect(statusWithThresholds('=KPI_STATUS(I2:I9,D2:D9,"",{0.7,0.4})', okr, plain)).toBe(
      '=KPI_STATUS(I2:I9,D2:D9,"",{1,0.8})',
    );
    expect(statusWithThresholds('=KPI_TREE(A1:H9,{1,0.8},"ja")', plain, okr)).toBe('=KPI_TREE(A1:H9,{0.7,0.4},"ja")');
    // Thresholds the user chose (a cell reference, other rates) are theirs.
    expect(statusWithThresholds("=KPI_STATUS(I2:I9,D2:D9,,Z1:Z2)", plain, okr)).toBeNull();
    expect(statusWithThresholds("=KPI_STATUS(I2:I9,D2:D9,,{0.9,0.5})", plain, okr)).toBeNull();
    expect(statusWithThresholds("=KPI_ACHIEVEMENT(I2:I9,D2:D9)", plain, okr)).toBeNull();
  });
});
