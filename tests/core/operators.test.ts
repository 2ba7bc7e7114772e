// Each operator, forward (combine) and inverse (solveChildren), with the results written out, and every word the
// Op column reads. Between-layout comparisons cannot see a min computed as a max; these can.
import { describe, expect, it } from "vitest";
import { combine, OP_WORD, OPS, type Op, parseOp, solveChildren } from "../../src/core/operators";

describe("combine: a parent's value from its children's", () => {
  it("sum, avg, min and max skip blanks, as SUM and AVERAGE do, and give blank when every child is blank", () => {
    expect(combine("sum", [3, null, 4, -2])).toBe(5);
    expect(combine("avg", [2, null, 7])).toBe(4.5); // over the two values, not the three cells
    expect(combine("min", [3, null, -1, 2])).toBe(-1);
    expect(combine("max", [3, null, -1, 2])).toBe(3);
    expect(combine("min", [-4, -9])).toBe(-9);
    expect(combine("max", [-4, -9])).toBe(-4);
    for (const op of ["sum", "avg", "min", "max"] as const) {
      expect(combine(op, [null, null])).toBeNull();
      expect(combine(op, [])).toBeNull();
      expect(combine(op, [6])).toBe(6);
    }
  });

  it("product multiplies every child and needs them all", () => {
    expect(combine("product", [2, 3, 4])).toBe(24);
    expect(combine("product", [5])).toBe(5);
    expect(combine("product", [2, null, 4])).toBeNull();
    expect(combine("product", [])).toBeNull();
  });

  it("difference takes the later children from the first and needs them all", () => {
    expect(combine("difference", [10, 3, 2])).toBe(5);
    expect(combine("difference", [7])).toBe(7);
    expect(combine("difference", [10, null])).toBeNull();
    expect(combine("difference", [null, 3])).toBeNull();
    expect(combine("difference", [])).toBeNull();
  });

  it("ratio divides the first child by the second; a blank or zero denominator gives blank, not Infinity", () => {
    expect(combine("ratio", [6, 4])).toBe(1.5);
    expect(combine("ratio", [0, 4])).toBe(0);
    expect(combine("ratio", [6, 0])).toBeNull();
    expect(combine("ratio", [6, null])).toBeNull();
    expect(combine("ratio", [null, 4])).toBeNull();
    expect(combine("ratio", [6, 4, 2])).toBeNull();
  });

  it("none never combines", () => {
    expect(combine("none", [1, 2])).toBeNull();
  });
});

describe("solveChildren: what each child must be for the parent to reach a value, siblings held", () => {
  it("sum: the value less the siblings (a blank sibling counts as 0)", () => {
    expect(solveChildren("sum", 10, [3, null, 4])).toEqual([6, 3, 7]);
  });

  it("avg: the value that makes the mean of the known siblings and this child the goal", () => {
    // A blank child joins the average once it is given a value: mean(4, 20, 6) = 10.
    expect(solveChildren("avg", 10, [4, null, 6])).toEqual([14, 20, 16]);
    expect(solveChildren("avg", 3, [null, null])).toEqual([3, 3]);
  });

  it("min and max: every child must reach the value itself", () => {
    expect(solveChildren("min", 7, [1, null, 9])).toEqual([7, 7, 7]);
    expect(solveChildren("max", -2, [5])).toEqual([-2]);
  });

  it("product: the value divided by the siblings; blank when a sibling is blank or zero", () => {
    expect(solveChildren("product", 48, [2, 3, 4])).toEqual([4, 6, 8]);
    expect(solveChildren("product", 16, [2, null, 4])).toEqual([null, 2, null]);
    expect(solveChildren("product", 10, [0, 5, 2])).toEqual([1, null, null]);
    expect(solveChildren("product", 10, [null])).toEqual([10]);
  });

  it("difference: the first child is the value plus the rest; a later one is what the first leaves", () => {
    expect(solveChildren("difference", 4, [10, 3, 2])).toEqual([9, 4, 3]);
    expect(solveChildren("difference", 4, [10, null, 2])).toEqual([null, 4, null]);
    expect(solveChildren("difference", 4, [null, 3])).toEqual([7, null]);
  });

  it("ratio: numerator = value × denominator, denominator = numerator ÷ value; blank for a zero value", () => {
    expect(solveChildren("ratio", 4, [6, 3])).toEqual([12, 1.5]);
    expect(solveChildren("ratio", 0, [6, 3])).toEqual([0, null]);
    expect(solveChildren("ratio", 4, [6, null])).toEqual([null, 1.5]);
    expect(solveChildren("ratio", 4, [null, 3])).toEqual([12, null]);
    expect(solveChildren("ratio", 4, [6, 3, 1])).toEqual([null, null, null]);
  });

  it("none: no child is solved", () => {
    expect(solveChildren("none", 5, [1, 2])).toEqual([null, null]);
  });

  it("every solved value, put back, makes the parent combine to the value", () => {
    const plans = [5, 2, 4];
    for (const op of ["sum", "avg", "product", "difference"] as const) {
      solveChildren(op, 3, plans).forEach((v, k) => {
        const changed = plans.map((p, j) => (j === k ? v : p));
        expect(combine(op, changed)).toBeCloseTo(3, 12);
      });
    }
  });
});

describe("parseOp: the words of the Op column", () => {
  const WORDS: Record<Op, string[]> = {
    sum: ["+", "sum", "add", "plus", "合計", "和", "足し算", "加算", "SUM", "＋", " Plus "],
    product: ["×", "*", "x", "✕", "product", "multiply", "積", "掛け算", "乗算", "X", "＊", "ｘ"],
    difference: ["-", "−", "diff", "difference", "subtract", "minus", "差", "引き算", "減算", "－", " - "],
    ratio: ["÷", "/", "ratio", "divide", "比", "割り算", "除算", "／"],
    avg: ["avg", "average", "mean", "平均", "AVG"],
    min: ["min", "minimum", "最小", "MIN"],
    max: ["max", "maximum", "最大", "Max"],
    none: ["none", "なし", "無し", "scorecard", "NONE"],
  };

  it.each(OPS)("reads every word for %s, in any case and width", (op) => {
    for (const word of WORDS[op]) expect([word, parseOp(word)]).toEqual([word, op]);
  });

  it("gives undefined for anything else", () => {
    for (const word of ["", "plus minus", "%", "times", "sum of", "÷÷", "mx"]) expect(parseOp(word)).toBeUndefined();
  });

  it("writes each operator back with one word per language that reads as the same operator", () => {
    expect(OP_WORD.en).toEqual({
      sum: "+",
      product: "×",
      difference: "−",
      ratio: "÷",
      avg: "avg",
      min: "min",
      max: "max",
      none: "none",
    });
    expect(OP_WORD.ja).toEqual({
      sum: "+",
      product: "×",
      difference: "−",
      ratio: "÷",
      avg: "平均",
      min: "min",
      max: "max",
      none: "なし",
    });
    for (const op of OPS) for (const lang of ["ja", "en"] as const) expect(parseOp(OP_WORD[lang][op])).toBe(op);
    expect(OPS).toEqual(["sum", "product", "difference", "ratio", "avg", "min", "max", "none"]);
  });
});
