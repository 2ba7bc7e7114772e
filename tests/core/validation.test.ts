// The quarterly KPI check: correlation of changes, KPIs achieved while the KGI was not, never NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlation, MIN_PERIODS, type Series, validate } from "../../src/core/validation";

const s = (
  actual: (number | null)[],
  target: (number | null)[] = [],
  direction: "higher" | "lower" = "higher",
): Series => ({
  actual,
  target,
  direction,
});

describe("validate", () => {
  const kgi = s([100, 120, 110, 130, 125, 140], [130, 130, 130, 130, 130, 130]);

  it("says plainly when there are too few periods", () => {
    const v = validate(s([1, 2, 3, 4, 5]), [s([1, 2, 3, 4, 5])]);
    expect(v).toEqual({ periods: 5, enough: false, links: [], candidates: [] });
    expect(MIN_PERIODS).toBe(6);
  });

  it("a KPI moving with the KGI: r = 1 over 6 periods; one moving against it: r = −1", () => {
    const v = validate(kgi, [s([10, 12, 11, 13, 12.5, 14]), s([5, 3, 4, 2, 2.5, 1])]);
    expect(v.enough).toBe(true);
    expect(v.links[0]).toMatchObject({ link: "with", periods: 6 });
    expect(v.links[0].r).toBeCloseTo(1, 12);
    expect(v.links[1].r).toBeCloseTo(-1, 12);
    expect(v.links[1].link).toBe("against");
  });

  it("a lower-is-better KPI falling while the KGI rises goes with it", () => {
    const churn = s([0.05, 0.04, 0.045, 0.03, 0.035, 0.02], [], "lower");
    expect(validate(kgi, [churn]).links[0].link).toBe("with");
  });

  it("a KPI that never moves is 'flat', with no number (never NaN)", () => {
    const v = validate(kgi, [s([7, 7, 7, 7, 7, 7])]);
    expect(v.links[0]).toEqual({ index: 0, r: null, link: "flat", periods: 6, flat: "kpi" });
    const still = validate(s([5, 5, 5, 5, 5, 5]), [s([1, 2, 4, 3, 5, 6])]);
    expect(still.links[0]).toMatchObject({ r: null, flat: "kgi" });
    // +1 every period: it moves, but nothing varies to correlate.
    expect(validate(kgi, [s([1, 2, 3, 4, 5, 6])]).links[0]).toMatchObject({ r: null, flat: "steady" });
  });

  it("counts only consecutive periods where both have an actual", () => {
    const v = validate(kgi, [s([10, null, 11, 13, 12.5, 14])]);
    expect(v.links[0].periods).toBe(4); // 11→13→12.5→14
  });

  it("lists KPIs achieved while the KGI was missed (KPI倒れ), most often first", () => {
    const targets = [10, 10, 10, 10, 10, 10];
    const calls = s([12, 12, 12, 12, 12, 12], targets); // always achieved
    const deals = s([8, 8, 8, 11, 11, 8], targets); // achieved twice, once while the KGI was missed
    const v = validate(kgi, [deals, calls]);
    // The KGI missed 130 in 4 of 6 periods (100, 120, 110, 125).
    expect(v.candidates).toEqual([
      { index: 1, periods: 4, missed: 4 },
      { index: 0, periods: 1, missed: 4 },
    ]);
  });
});

describe("correlation", () => {
  it("property: always null or a number in [−1, 1], whatever the values", () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0), fc.constant(1e308));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 0, maxLength: 30 }), (pairs) => {
        const r = correlation(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        if (r !== null) {
          expect(Number.isFinite(r)).toBe(true);
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: validate never yields NaN for any series of finite values or blanks", () => {
    const v = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(v, { minLength: 6, maxLength: 14 }),
        fc.array(v, { minLength: 6, maxLength: 14 }),
        (a, b) => {
          const out = validate(s(a, b), [s(b, a), s(a, a)]);
          expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
          for (const l of out.links) if (l.r !== null) expect(Number.isFinite(l.r)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
