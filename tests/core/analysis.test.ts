import { describe, expect, it } from "vitest";
import { bottlenecks, whatIf } from "../../src/core/analysis";
import { readTree } from "../../src/core/layout";
import { revenueFiveSteps } from "../helpers/examples";
import { layout } from "../helpers/layouts";

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
