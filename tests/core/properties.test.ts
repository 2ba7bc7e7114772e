// Invariants over random trees (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KpiError } from "../../src/core/errors";
import { readTree } from "../../src/core/layout";
import { required } from "../../src/core/required";
import { rollup } from "../../src/core/rollup";
import { achievement } from "../../src/core/status";
import { KPI_REQUIRED, KPI_ROLLUP } from "../../src/functions/customFunctions";
import { layout, randomShape, type Spec } from "../helpers/layouts";

/**
 * Runs per property. `npm run mutate` runs the suite once per mutant on a shared machine, so its config sets
 * KPI_PROPERTY_RUNS to a fraction; `npm test` runs them all.
 */
const runs = (n: number) => Math.max(20, Math.round(n * Number(process.env.KPI_PROPERTY_RUNS ?? 1)));

const INVERTIBLE = ["+", "×", "-", "avg"] as const;

/** A random tree: node i > 0 hangs under a random earlier node; leaves carry positive targets and actuals. */
const treeArb = (ops: readonly string[]) =>
  fc
    .record({
      parents: fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
      opPicks: fc.array(fc.nat(), { minLength: 26, maxLength: 26 }),
      targets: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 26, maxLength: 26 }),
      actuals: fc.array(fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }), {
        minLength: 26,
        maxLength: 26,
      }),
    })
    .map(({ parents, opPicks, targets, actuals }) => {
      const specs = randomShape(parents);
      specs.forEach((s, i) => {
        if (s.children?.length) {
          const usable = s.children.length === 2 ? [...ops, "÷"] : ops;
          s.op = usable[opPicks[i] % usable.length];
        } else {
          s.target = targets[i];
          s.actual = actuals[i] ?? "";
        }
      });
      return { root: specs[0], leaves: specs.filter((s) => !s.children) };
    });

describe("properties", () => {
  it("a tree gives the same results in its three layouts", () => {
    fc.assert(
      fc.property(treeArb([...INVERTIBLE, "min", "max", "none"]), ({ root }) => {
        const [p, l, o] = (["parent", "level", "outline"] as const).map((f) => layout([root], f));
        for (const fn of [(g: unknown) => KPI_ROLLUP(g), (g: unknown) => KPI_ROLLUP(g, "target"), KPI_REQUIRED]) {
          expect(fn(l)).toEqual(fn(p));
          expect(fn(o)).toEqual(fn(p));
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it("setting any leaf to its required value makes the targets roll up to the goal", () => {
    fc.assert(
      fc.property(
        treeArb(INVERTIBLE),
        fc.nat(),
        fc.integer({ min: 50, max: 200 }),
        ({ root, leaves }, pick, percent) => {
          const tree = readTree(layout([root], "parent"));
          // A goal near the plan, as real goals are: far-off goals make sums cancel catastrophically.
          const plan = rollup(tree, "target")[tree.roots[0]];
          fc.pre(plan !== null && plan !== 0);
          const goal = (plan * percent) / 100;
          const need = required(tree, goal);
          const leaf = tree.nodes.find((n) => n.name === leaves[pick % leaves.length].name)!;
          fc.pre(leaf.parent >= 0 && need[leaf.index] !== null); // not the root; not beside a zero factor
          leaf.target = need[leaf.index];
          const rolled = rollup(tree, "target");
          // Floating-point error scales with the largest intermediate value (differences cancel).
          const scale = rolled.reduce<number>((m, v) => Math.max(m, Math.abs(v ?? 0)), Math.abs(goal));
          expect(Math.abs((rolled[tree.roots[0]] as number) - goal)).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("required values along a product chain divide the goal by the rates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (goal, rates) => {
          // goal = volume × r1 × r2 …, nested like orders = meetings × close rate.
          let spec: Spec = { name: "volume" };
          rates.forEach((r, i) => {
            spec = { name: `level${i}`, op: "×", children: [spec, { name: `rate${i}`, target: `${r}%` }] };
          });
          const tree = readTree(layout([spec], "level"));
          const need = required(tree, goal);
          const volume = tree.nodes.find((n) => n.name === "volume")!;
          const expected = rates.reduce((v, r) => v / (r / 100), goal);
          expect((need[volume.index] as number) / expected).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it("no input makes the reader throw anything but KpiError", () => {
    const header = fc.constantFrom(
      "Name",
      "ID",
      "Parent",
      "Level",
      "Op",
      "Target",
      "Actual",
      "Direction",
      "KGI",
      "KPI1",
      "",
      "指標名",
      "親",
      "階層",
      "memo",
    );
    const cell = fc.oneof(
      fc.constantFrom("", "+", "×", "÷", "none", "a", "b", "1", "2", "3%以下", "2,000万円", "lower", "−", "N/A"),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -3, max: 5 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date(),
    );
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 7 }),
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
        (head, rows) => {
          try {
            const tree = readTree([head, ...rows]);
            rollup(tree, "actual");
            required(tree);
          } catch (e) {
            expect(e).toBeInstanceOf(KpiError);
          }
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it("achievement is never Infinity or NaN", () => {
    fc.assert(
      fc.property(
        fc.option(fc.double()),
        fc.option(fc.double()),
        fc.constantFrom("higher", "lower") as fc.Arbitrary<"higher" | "lower">,
        (a, t, d) => {
          const rate = achievement(a, t, d);
          expect(rate === null || Number.isFinite(rate)).toBe(true);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
