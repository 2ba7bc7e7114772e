// Phasing an annual target into periods: flows add back exactly, rates are copied.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERIOD_COUNT, type PhasingNode, phase, rateKpis, split } from "../../src/core/phasing";

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

describe("phase", () => {
  it("splits the B2B example evenly: 5,000 leads a year ≈ 416.67 a month, 100 orders ≈ 8.33", () => {
    const leads = phase(5000, 12, "even", false) as number[];
    expect(leads).toHaveLength(12);
    expect(leads[0]).toBeCloseTo(416.6667, 3);
    expect(sum(leads)).toBe(5000);
    const orders = phase(100, 12, "even", false) as number[];
    expect(orders[0]).toBeCloseTo(8.3333, 3);
    expect(sum(orders)).toBe(100);
  });

  it("copies a rate into every period instead of dividing it", () => {
    expect(phase(0.2, 12, "even", true)).toEqual(new Array(12).fill(0.2));
    expect(phase(0.2, 4, "cumulative", true)).toEqual([0.2, 0.2, 0.2, 0.2]);
  });

  it("follows a weights row (seasonality): December twice a normal month", () => {
    const weights = [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1];
    const months = phase(1300, 12, "weights", false, weights) as number[];
    expect(months[0]).toBe(100);
    expect(months[8]).toBe(200);
    expect(sum(months)).toBe(1300);
  });

  it("cumulative: each period holds the running total, the last one the annual target", () => {
    expect(phase(1200, 4, "cumulative", false)).toEqual([300, 600, 900, 1200]);
    const weeks = phase(100, 13, "cumulative", false) as number[];
    expect(weeks[12]).toBe(100);
    for (let k = 1; k < 13; k++) expect(weeks[k]).toBeGreaterThan(weeks[k - 1]);
  });

  it("refuses weights that cannot share: all zero, negative, missing", () => {
    expect(phase(100, 3, "weights", false, [0, 0, 0])).toBeNull();
    expect(phase(100, 3, "weights", false, [1, -1, 1])).toBeNull();
    expect(phase(100, 3, "weights", false, [1, 1])).toBeNull();
    expect(split(100, [Number.NaN, 1])).toBeNull();
  });

  it("keeps 12 / 4 / 13 periods per kind", () => {
    expect(PERIOD_COUNT).toEqual({ month: 12, quarter: 4, week: 13 });
  });

  it("property: flow periods sum back to the annual target exactly, for any target and weights", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 53 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = split(total, weights) as number[];
          expect(shares).not.toBeNull();
          // === rather than toBe: a total of -0 sums to 0, which is the same amount.
          expect(sum(shares) === total).toBe(true);
          for (const s of shares) expect(Number.isFinite(s)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: even phasing of any n gives equal shares (within rounding) that add back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 53 }), (total, n) => {
        const shares = phase(total, n, "even", false) as number[];
        expect(sum(shares)).toBe(total);
        for (const s of shares) expect(s).toBeCloseTo(total / n, 3);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rateKpis", () => {
  const node = (parent: number, op: PhasingNode["op"], unit = ""): PhasingNode => ({ parent, op, unit });

  it("sales: revenue = deals × price, deals = meetings × close rate: the price and the rate are copied", () => {
    const nodes = [
      node(-1, "product", "円"), // revenue
      node(0, "product", "件"), // deals
      node(1, null, "件"), // meetings
      node(1, null, "%"), // close rate
      node(0, null, "円"), // average price
    ];
    expect(rateKpis(nodes)).toEqual([false, false, false, true, true]);
  });

  it("a ratio parent is a rate and its children flows; a sum inherits; a % unit is always a rate", () => {
    const nodes = [
      node(-1, "ratio", "%"), // CVR
      node(0, "sum"), // conversions
      node(1, null), // web
      node(1, null, "%"), // a % leaf under a sum of flows
      node(0, null), // sessions
    ];
    expect(rateKpis(nodes)).toEqual([true, false, false, true, false]);
  });

  it("a child of a rate under + stays a rate; a scorecard's children are judged by their units", () => {
    expect(rateKpis([node(-1, "sum", "%"), node(0, null), node(0, null)])).toEqual([true, true, true]);
    expect(rateKpis([node(-1, "none"), node(0, null, "%"), node(0, null, "件")])).toEqual([false, true, false]);
  });
});
