import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bottlenecks, whatIf } from "../../src/core/analysis";
import { readTree } from "../../src/core/layout";
import { combine, OPS, replaceOne } from "../../src/core/operators";
import { revenueFiveSteps } from "../helpers/examples";
import { layout } from "../helpers/layouts";

describe("replaceOne: combine with one operand replaced, in O(1) per question", () => {
  const value = fc.option(fc.integer({ min: -90, max: 90 }), { nil: null, freq: 4 });
  it("gives what combine gives, for every operator, operand and value (blanks included)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), fc.array(value, { minLength: 1, maxLength: 8 }), value, (op, values, v) => {
        const replace = replaceOne(op, values);
        values.forEach((_, k) => {
          const expected = combine(
            op,
            values.map((x, i) => (i === k ? v : x)),
          );
          // Small integers add and multiply exactly in any order (90⁸ < 2⁵³); avg and ratio divide once.
          expect(replace(k, v), `${op} ${JSON.stringify(values)} [${k}] = ${v}`).toBe(expected);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("pins the cases a quick reading gets wrong: the first operand of a difference, all blanks, a blank factor", () => {
    expect(replaceOne("difference", [10, 3, 2])(0, 20)).toBe(15);
    expect(replaceOne("difference", [10, 3, 2])(2, 5)).toBe(2);
    expect(replaceOne("difference", [10])(0, 4)).toBe(4);
    expect(replaceOne("sum", [null, 5])(1, null)).toBeNull();
    expect(replaceOne("avg", [null, 4, 8])(0, 3)).toBe(5);
    expect(replaceOne("product", [2, null, 4])(0, 3)).toBeNull();
    expect(replaceOne("product", [2, null, 4])(1, 3)).toBe(24);
    expect(replaceOne("min", [5, 1, 7])(1, 9)).toBe(5);
    expect(replaceOne("max", [5, 1, 7])(2, null)).toBe(5);
    expect(replaceOne("none", [5, 1])(0, 9)).toBeNull();
  });
});

describe("bottlenecks", () => {
  it("ranks leaves by how far their reaching target alone moves the KGI", () => {
    const tree = readTree(layout(revenueFiveSteps, "parent"));
    const ranked = bottlenecks(tree).map((i) => ({
      name: tree.nodes[i.node].name,
      gain: i.gain,
      rootIfHit: i.rootIfHit,
    }));
    // Now: (1500 × 12% × 20% + 140) × ¥55万 = 176 × 55万 = ¥9,680万.
    const now = 176 * 550_000;
    const expected: Record<string, number> = {
      "Revenue per customer": 176 * 600_000,
      "Close rate": (1500 * 0.12 * 0.25 + 140) * 550_000,
      Leads: (2000 * 0.12 * 0.2 + 140) * 550_000,
      "Existing customers": (36 + 150) * 550_000,
    };
    const order = Object.entries(expected)
      .sort((a, b) => b[1] - a[1])
      .map(([n]) => n);
    expect(ranked.map((r) => r.name)).toEqual([...order, "Meeting rate"]);
    for (const r of ranked)
      if (r.name in expected) {
        expect(r.rootIfHit).toBeCloseTo(expected[r.name], 3);
        expect(r.gain).toBeCloseTo((expected[r.name] - now) / 120_000_000, 9);
      }
    // Meeting rate is above target: reaching "only" its target would lower revenue.
    expect(ranked[ranked.length - 1].name).toBe("Meeting rate");
    expect(ranked[ranked.length - 1].gain).toBeLessThan(0);
  });

  it("ignores scorecard children, which do not move the KGI", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Engagement", 1, "none", 70, 72],
      ["Retention", 2, "", "90%", "85%"],
    ]);
    expect(bottlenecks(tree)).toEqual([]);
  });
});

describe("whatIf", () => {
  it("recomputes the tree with some actuals replaced, leaving the tree untouched", () => {
    const tree = readTree(layout(revenueFiveSteps, "parent"));
    const leads = tree.nodes.find((n) => n.name === "Leads")!;
    const rolled = whatIf(tree, new Map([[leads.index, 3000]]));
    expect(rolled[tree.roots[0]]).toBeCloseTo((3000 * 0.12 * 0.2 + 140) * 550_000, 3);
    expect(leads.actual).toBe(1500);
  });
});
