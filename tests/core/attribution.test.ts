// Gap attribution, sensitivity and goal seek (issue 11), on the core.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleRows } from "../../dev/preview/sample";
import { checkColumn } from "../../src/core/check";
import { designChecks, designMessage } from "../../src/core/design";
import { KpiError } from "../../src/core/errors";
import { gaps } from "../../src/core/gap";
import { impacts } from "../../src/core/impact";
import { readTree } from "../../src/core/layout";
import { rollup } from "../../src/core/rollup";
import { resolveDrivers, seek, seekColumn } from "../../src/core/seek";
import type { Tree } from "../../src/core/tree";
import { layout, randomShape, type Spec } from "../helpers/layouts";

const sample = () => readTree(sampleRows().map((r) => r.slice(0, 8)));
const byName = (tree: Tree, values: ArrayLike<unknown>) =>
  Object.fromEntries(tree.nodes.map((n) => [n.name, values[n.index]]));

/** Rolls up with some KPIs' values replaced (a parent's replaced value stands for its subtree). */
function rollupWith(original: Tree, values: ReadonlyMap<number, number>): (number | null)[] {
  const tree = structuredClone(original);
  for (const [i, v] of values) {
    tree.nodes[i].actual = v;
    tree.nodes[i].op = null;
  }
  return rollup(tree, "actual");
}

describe("KPI_GAP on the sales sample", () => {
  it("splits the ¥515万 shortfall in log space: アポ率, 架電数, and 平均単価 back", () => {
    const tree = sample();
    const g = byName(tree, gaps(tree)) as Record<string, number>;
    expect(g.月間売上).toBeCloseTo(-5_150_000, 6);
    // L(1,485万, 2,000万) × ln(actual ÷ target) per leaf.
    const L = (14_850_000 - 20_000_000) / Math.log(14_850_000 / 20_000_000);
    expect(g.アポ率).toBeCloseTo(L * Math.log(0.75), 6);
    expect(g.架電数).toBeCloseTo(L * Math.log(0.9), 6);
    expect(g.平均単価).toBeCloseTo(L * Math.log(1.1), 6);
    expect([g.商談化率, g.成約率]).toEqual([0, 0]);
    expect(g.成約数).toBeCloseTo(g.架電数 + g.アポ率, 6);
    expect(g.架電数 + g.アポ率 + g.平均単価).toBeCloseTo(-5_150_000, 6);
  });

  it("splits sums linearly and carries the product's factor down", () => {
    // Revenue = customers × price; customers = new + existing.
    const spec: Spec = {
      name: "Revenue",
      op: "×",
      target: 1000,
      children: [
        {
          name: "Customers",
          op: "+",
          children: [
            { name: "New", target: 40, actual: 30 },
            { name: "Existing", target: 60, actual: 60 },
          ],
        },
        { name: "Price", target: 10, actual: 10 },
      ],
    };
    const tree = readTree(layout([spec], "parent"));
    const g = byName(tree, gaps(tree)) as Record<string, number>;
    expect(g.Revenue).toBe(-100);
    expect(g.New).toBeCloseTo(-100, 9);
    expect(g.Existing).toBe(0);
    expect(g.Price).toBeCloseTo(0, 9);
  });

  it("gives a factor at zero the whole gap along the straight path, and never NaN", () => {
    const spec: Spec = {
      name: "Orders",
      op: "×",
      target: 100,
      children: [
        { name: "Leads", target: 1000, actual: 0 },
        { name: "Rate", target: "10%", actual: "10%" },
      ],
    };
    const tree = readTree(layout([spec], "parent"));
    const g = byName(tree, gaps(tree)) as Record<string, number>;
    expect(g.Orders).toBe(-100);
    expect(g.Leads).toBeCloseTo(-100, 9);
    expect(g.Rate).toBeCloseTo(0, 9);
  });

  it("spreads a parent target that its children do not give over the children's shares", () => {
    // E-commerce: the targets give ¥4,800万, the KGI says ¥5,000万; only CVR moved.
    const spec: Spec = {
      name: "Revenue",
      op: "×",
      target: "5,000万",
      children: [
        { name: "Visitors", target: 200000, actual: 200000 },
        { name: "CVR", target: "3%", actual: "2.7%" },
        { name: "Order value", target: 8000, actual: 8000 },
      ],
    };
    const tree = readTree(layout([spec], "parent"));
    const g = byName(tree, gaps(tree)) as Record<string, number>;
    expect(g.Revenue).toBeCloseTo(43_200_000 - 50_000_000, 6);
    expect(g.CVR).toBeCloseTo(g.Revenue, 6);
  });

  it("leaves a tree blank when its KGI has no target", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Actual"],
      ["A", 1, "+", ""],
      ["B", 2, "", 3],
    ]);
    expect(gaps(tree)).toEqual([null, null]);
  });
});

describe("KPI_IMPACT", () => {
  it("is 1% everywhere in the sales sample's product tree", () => {
    const tree = sample();
    for (const v of impacts(tree)) expect(v).toBeCloseTo(0.01, 15);
  });

  it("is each addend's share of the sum, chained up", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Actual"],
      ["Revenue", 1, "×", ""],
      ["Customers", 2, "+", ""],
      ["New", 3, "", 30],
      ["Existing", 3, "", 90],
      ["Price", 2, "", 10],
    ]);
    const i = byName(tree, impacts(tree)) as Record<string, number>;
    expect(i.Revenue).toBe(0.01);
    expect(i.New).toBeCloseTo(0.0025, 15);
    expect(i.Existing).toBeCloseTo(0.0075, 15);
    expect(i.Price).toBe(0.01);
  });

  it("sees through a zero on the way up (profit 0 = revenue − cost)", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Actual"],
      ["Total", 1, "+", ""],
      ["Profit", 2, "-", ""],
      ["Revenue", 3, "", 100],
      ["Cost", 3, "", 100],
      ["Other", 2, "", 50],
    ]);
    const i = byName(tree, impacts(tree)) as Record<string, number>;
    expect(i.Profit).toBe(0);
    expect(i.Revenue).toBeCloseTo(0.02, 15); // +1 on 50
    expect(i.Cost).toBeCloseTo(-0.02, 15);
    expect(i.Other).toBeCloseTo(0.01, 15);
  });

  it("measures min, max and a ratio's denominator with the 1% step", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Actual"],
      ["Score", 1, "min", ""],
      ["A", 2, "", 5],
      ["B", 2, "", 5.02],
      ["CVR", 1, "÷", ""],
      ["Orders", 2, "", 30],
      ["Sessions", 2, "", 1000],
    ]);
    const i = byName(tree, impacts(tree)) as Record<string, number>;
    expect(i.A).toBeCloseTo(0.004, 12); // A can only rise to B: 5 → 5.02
    expect(i.B).toBe(0);
    expect(i.Orders).toBe(0.01);
    expect(i.Sessions).toBeCloseTo(1 / 1.01 - 1, 15);
  });
});

describe("KPI_SEEK", () => {
  it("finds the common improvement of the sample's leaves that closes the ¥515万 gap", () => {
    const tree = sample();
    const result = seek(tree);
    expect(result.trees).toHaveLength(1);
    const rate = result.trees[0].rate;
    expect(1.1 * 0.75 * 0.9 * (1 + rate) ** 5).toBeCloseTo(1, 10);
    const col = byName(tree, seekColumn(result)) as Record<string, number | null>;
    expect(col.月間売上).toBe(rate);
    expect(col.成約数).toBeNull();
    expect(col.架電数).toBeCloseTo(900 * (1 + rate), 9);
    const rolled = rollupWith(sample(), new Map(result.trees[0].drivers.map((d) => [d, result.values[d] as number])));
    expect(rolled[0]).toBeCloseTo(20_000_000, 3);
  });

  it("moves only the chosen drivers, by name or ID, towards a goal", () => {
    const tree = sample();
    const result = seek(tree, 18_000_000, resolveDrivers(tree, ["アポ率", "S4"]));
    const [{ rate, drivers }] = result.trees;
    expect(drivers.map((d) => tree.nodes[d].name).sort()).toEqual(["アポ率", "架電数"].sort());
    expect(14_850_000 * (1 + rate) ** 2).toBeCloseTo(18_000_000, 3);
    expect(result.values.filter((v) => v !== null)).toHaveLength(2);
  });

  it("takes the KSF-marked KPIs by default, and lowers lower-is-better drivers", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Target", "Actual", "Direction", "KSF"],
      ["Profit", 1, "-", 100, "", "", ""],
      ["Revenue", 2, "", 500, 450, "", ""],
      ["Cost", 2, "", 400, 400, "lower", "○"],
    ]);
    const result = seek(tree);
    const cost = result.values[2] as number;
    expect(result.values[1]).toBeNull();
    expect(cost).toBeCloseTo(350, 9);
    expect(result.trees[0].rate).toBeCloseTo(0.125, 12);
  });

  it("says which driver at zero or which min/max keeps the goal out of reach", () => {
    const zero = sample();
    zero.nodes[3].actual = 0;
    expect(() => seek(zero, null, resolveDrivers(zero, ["架電数"]))).toThrow(/「架電数」の実績が 0/);
    const capped = readTree([
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Score", 1, "min", 10, ""],
      ["A", 2, "", "", 5],
      ["B", 2, "", "", 8],
    ]);
    expect(() => seek(capped, null, resolveDrivers(capped, ["A"]))).toThrow(
      /"Score" \(min, max or none\) caps .* reaches 8\)/,
    );
    expect(() => resolveDrivers(capped, ["zz"])).toThrow(/driver "zz" is not a KPI/);
    expect(() => seek(capped, null, resolveDrivers(capped, ["Score"]))).toThrow(/KGI cannot be a driver/);
  });
});

describe("design checks", () => {
  const table = [
    ["Name", "Level", "Op", "Target", "Owner", "Deadline"],
    ["Revenue", 1, "+", 100, "Aoki", ""],
    ["Web", 2, "", 50, "Aoki", "2026-03-31"],
    ["Web", 2, "", "", "", ""],
    ["Shop", 2, "", 50, "Aoki", "2026-03-31"],
    ["A", 2, "", 1, "Aoki", "2026-03-31"],
    ["B", 2, "", 1, "Aoki", "2026-03-31"],
    ["C", 2, "", 1, "Aoki", "2026-03-31"],
    ["Stray", 1, "", 5, "Ito", "2026-03-31"],
  ];

  it("flags SMART gaps, owner load, same-name siblings and a stray KGI", () => {
    const tree = readTree(table);
    const messages = designChecks(tree).map((i) => designMessage(tree, i, "en"));
    expect(messages).toContain('Row 4 "Web": SMART: no target, owner, deadline');
    expect(messages).toContain('Row 4 "Web": same name as a sibling (row 3)');
    expect(messages).toContain('Row 2 "Revenue": owner "Aoki" has 6 KPIs (max 5)');
    expect(messages).toContain('Row 9 "Stray": no parent: counts as a KGI (2 KGIs)');
    expect(checkColumn(tree, 0.001)[0]).toBe('children give 103 (+3% vs target); owner "Aoki" has 6 KPIs (max 5)');
  });

  it("checks owners and deadlines only when the table has those columns", () => {
    const tree = sample();
    expect(designChecks(tree)).toEqual([]);
    expect(checkColumn(tree, 0.001).filter((t) => t !== null)).toEqual(["OK", "OK", "OK"]);
  });
});

/* Properties (fast-check). */

const OPS = ["+", "×", "-", "avg", "min", "max"] as const;

/** A random tree with positive targets and actuals on every leaf; some parents carry their own target. */
const treeArb = (ops: readonly string[], ratio = true) =>
  fc
    .record({
      parents: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
      opPicks: fc.array(fc.nat(), { minLength: 21, maxLength: 21 }),
      targets: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 21, maxLength: 21 }),
      actuals: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 21, maxLength: 21 }),
      ownTargets: fc.array(fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }), {
        minLength: 21,
        maxLength: 21,
      }),
    })
    .map(({ parents, opPicks, targets, actuals, ownTargets }) => {
      const specs = randomShape(parents);
      specs.forEach((s, i) => {
        if (s.children?.length) {
          const usable = s.children.length === 2 && ratio ? [...ops, "÷"] : ops;
          s.op = usable[opPicks[i] % usable.length];
          s.target = ownTargets[i] ?? "";
        } else {
          s.target = targets[i];
          s.actual = actuals[i];
        }
      });
      specs[0].target = targets[0];
      return readTree(layout([specs[0]], "parent"));
    });

describe("properties", () => {
  it("the leaves' KPI_GAP add up to the KGI's gap, and every parent to its children's", () => {
    fc.assert(
      fc.property(treeArb(OPS), (tree) => {
        const share = gaps(tree);
        const total = share[0];
        fc.pre(total !== null);
        // Floating-point error scales with the largest share (children's shares may cancel) and with the
        // largest value split on the way (a product's gap is split before it is scaled to its parent's).
        const values = [...share, ...rollup(tree, "target"), ...rollup(tree, "actual")];
        const scale = Math.max(1, ...values.map((v) => Math.abs(v ?? 0)));
        for (const v of share) expect(v === null || Number.isFinite(v)).toBe(true);
        const leaves = tree.nodes.filter((n) => n.children.length === 0).map((n) => share[n.index] as number);
        expect(Math.abs(leaves.reduce((a, b) => a + b, 0) - (total as number))).toBeLessThanOrEqual(1e-9 * scale);
        for (const n of tree.nodes)
          if (n.children.length) {
            const sum = n.children.reduce((s, c) => s + (share[c] as number), 0);
            expect(Math.abs(sum - (share[n.index] as number))).toBeLessThanOrEqual(1e-9 * scale);
          }
      }),
      { numRuns: 300 },
    );
  });

  it("impacts of a pure product tree are all 1%", () => {
    fc.assert(
      fc.property(treeArb(["×"], false), (tree) => {
        for (const v of impacts(tree)) expect(v).toBeCloseTo(0.01, 14);
      }),
    );
  });

  it("an impact is the KGI's change when that KPI alone rises 1% (sum, product, difference, avg)", () => {
    fc.assert(
      fc.property(treeArb(["+", "×", "-", "avg"], false), fc.nat(), (tree, pick) => {
        const before = rollup(tree, "actual")[0] as number;
        fc.pre(Math.abs(before) > 1e-6);
        const node = tree.nodes[pick % tree.nodes.length];
        const impact = impacts(tree)[node.index] as number;
        const now = rollup(tree, "actual")[node.index] as number;
        const after = rollupWith(tree, new Map([[node.index, now * 1.01]]))[0] as number;
        const scale = Math.max(1, ...rollup(tree, "actual").map((v) => Math.abs(v ?? 0))) / Math.abs(before);
        expect(Math.abs((after - before) / before - impact)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 300 },
    );
  });

  it("rolling up with KPI_SEEK's values reaches the goal", () => {
    fc.assert(
      fc.property(treeArb(["+", "×", "avg", "min", "max"]), fc.integer({ min: 50, max: 200 }), (tree, percent) => {
        const plan = rollup(tree, "actual")[0] as number;
        const goal = (plan * percent) / 100;
        let result: ReturnType<typeof seek> | null = null;
        try {
          result = seek(tree, goal);
        } catch (e) {
          // A min/max tree can cap what its leaves do; the error must say so, not hide it.
          expect(e).toBeInstanceOf(KpiError);
          expect((e as KpiError).code).toMatch(/^seek/);
        }
        fc.pre(result !== null);
        const sought = result as ReturnType<typeof seek>;
        const reached = rollupWith(
          tree,
          new Map(sought.trees[0].drivers.map((d) => [d, sought.values[d] as number])),
        )[0] as number;
        expect(Math.abs(reached - goal)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(goal)));
      }),
      { numRuns: 300 },
    );
  });
});
