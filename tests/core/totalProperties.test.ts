// KPI_TOTAL keeps the tree's arithmetic over any tree of + and × with random period values (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTree } from "../../src/core/layout";
import { KPI_ROLLUP, KPI_TOTAL } from "../../src/functions/customFunctions";
import { randomShape, type Spec } from "../helpers/layouts";

const runs = (n: number) => Math.max(20, Math.round(n * Number(process.env.KPI_PROPERTY_RUNS ?? 1)));

/** A level-form table: Name, Level, Op, then one column per period (W1, W2…), values only on leaves. */
function table(specs: Spec[], ops: string[], values: number[][], periods: number): unknown[][] {
  const depth = new Map<Spec, number>([[specs[0], 1]]);
  const rows: unknown[][] = [];
  const stack = [specs[0]];
  while (stack.length) {
    const s = stack.pop() as Spec;
    const i = specs.indexOf(s);
    const kids = s.children ?? [];
    for (const k of kids) depth.set(k, (depth.get(s) as number) + 1);
    stack.push(...kids.slice().reverse());
    const cells = Array.from({ length: periods }, (_, t) => (kids.length ? "" : values[i][t]));
    rows.push([s.name, depth.get(s), kids.length ? ops[i] : "", ...cells]);
  }
  const header = ["Name", "Level", "Op", ...Array.from({ length: periods }, (_, t) => `W${t + 1}`)];
  return [header, ...rows];
}

/** Random trees of + and × (2–25 KPIs) with 1–6 periods of positive values (volumes, rates, prices mixed). */
const arb = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 24 }),
    opPicks: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
    periods: fc.integer({ min: 1, max: 6 }),
    values: fc.array(fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 6, maxLength: 6 }), {
      minLength: 25,
      maxLength: 25,
    }),
  })
  .map(({ parents, opPicks, periods, values }) => {
    const specs = randomShape(parents);
    const ops = opPicks.map((p) => (p ? "+" : "×"));
    return { grid: table(specs, ops, values, periods), periods };
  });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("KPI_TOTAL properties", () => {
  it("a + parent's total is the sum of its children's totals; a × parent's, their product", () => {
    fc.assert(
      fc.property(arb, ({ grid }) => {
        const tree = readTree(grid);
        const totals = (KPI_TOTAL(grid) as number[][]).map((r) => r[0]);
        const parents = tree.nodes.filter((n) => n.children.length > 0);
        fc.pre(parents.length > 0);
        for (const node of parents) {
          const kids = node.children.map((c) => totals[tree.nodes[c].row - 2]);
          const combined = node.op === "sum" ? kids.reduce((a, b) => a + b, 0) : kids.reduce((a, b) => a * b, 1);
          const total = totals[node.row - 2];
          if (!close(total, combined)) expect([node.name, node.op, total]).toEqual([node.name, node.op, combined]);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("with a single period, KPI_TOTAL equals KPI_ROLLUP of it", () => {
    fc.assert(
      fc.property(arb, ({ grid, periods }) => {
        fc.pre(periods === 1);
        const totals = (KPI_TOTAL(grid) as number[][]).map((r) => r[0]);
        const rolled = (KPI_ROLLUP(grid, "W1") as number[][]).map((r) => r[0]);
        totals.forEach((t, i) => {
          if (!close(t, rolled[i])) expect([i, t]).toEqual([i, rolled[i]]);
        });
      }),
      { numRuns: runs(300) },
    );
  });
});
