// The wizard's period block as data: periods, headers in both languages, settings from outside, formulas.
import { describe, expect, it } from "vitest";
import {
  dateSerial,
  elapsedFormula,
  type PeriodPlan,
  parsePeriodPlan,
  periodHeaders,
  periodSpecs,
  throughFormula,
} from "../../src/core/periodBlock";
import { parsePeriodHeader } from "../../src/core/periods";
import { dayNumber, dayText } from "../../src/core/review";

const plan = (patch: Partial<PeriodPlan>): PeriodPlan =>
  parsePeriodPlan({ kind: "month", start: "2026-04", ...patch }) as PeriodPlan;

describe("periodSpecs and periodHeaders", () => {
  it("12 months from April 2026, across the new year, in both languages", () => {
    const ja = periodSpecs(plan({}), "ja");
    expect(ja.map((p) => p.label)).toEqual([
      "2026年4月",
      "2026年5月",
      "2026年6月",
      "2026年7月",
      "2026年8月",
      "2026年9月",
      "2026年10月",
      "2026年11月",
      "2026年12月",
      "2027年1月",
      "2027年2月",
      "2027年3月",
    ]);
    expect(dayText(ja[0].first)).toBe("2026-04-01");
    expect(dayText(ja[11].last)).toBe("2027-03-31");
    expect(periodHeaders(plan({}), "en").slice(0, 2)).toEqual(["Apr 2026 Target", "Apr 2026 Actual"]);
    expect(periodHeaders(plan({ pairs: false }), "ja")[0]).toBe("2026年4月");
  });

  it("4 quarters of three months, 13 weeks of seven days labelled by ISO week", () => {
    const q = periodSpecs(plan({ kind: "quarter" }), "en");
    expect(q.map((p) => p.label)).toEqual(["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"]);
    expect(dayText(q[1].first)).toBe("2026-07-01");
    const w = periodSpecs(plan({ kind: "week" }), "ja");
    expect(w).toHaveLength(13);
    // 2026-04-01 is a Wednesday of ISO week 14.
    expect(w[0].label).toBe("第14週");
    expect(w[12].last - w[0].first + 1).toBe(91);
    expect(periodSpecs(plan({ kind: "week" }), "en")[1].label).toBe("W15");
  });

  it("every header the wizard writes reads back as a period with its measure (the periods reader's rule)", () => {
    for (const kind of ["month", "quarter", "week"] as const)
      for (const lang of ["ja", "en"] as const)
        for (const pairs of [true, false])
          periodHeaders(plan({ kind, pairs }), lang).forEach((h, k) => {
            const read = parsePeriodHeader(h);
            expect([h, read?.measure ?? "none"]).toEqual([h, pairs ? (k % 2 ? "actual" : "target") : "none"]);
          });
  });
});

describe("parsePeriodPlan", () => {
  it("fills the weights to the number of periods and refuses what it cannot read", () => {
    expect(plan({ kind: "quarter", phasing: "weights", weights: [1, 2] }).weights).toEqual([1, 2, 1, 1]);
    expect(parsePeriodPlan(null)).toBeNull();
    for (const bad of [
      { kind: "day", start: "2026-04" },
      { kind: "month", start: "2026-13" },
      { kind: "month", start: "April" },
      { kind: "month", start: "2026-04", phasing: "random" },
      { kind: "month", start: "2026-04", weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      { kind: "month", start: "2026-04", weights: [-1] },
    ])
      expect(parsePeriodPlan(bad)).toBeUndefined();
  });
});

describe("row 1 formulas", () => {
  const specs = periodSpecs(plan({ kind: "quarter" }), "en");

  it("looks up the period of the as-of date among the periods' first days (Sheets date serials)", () => {
    expect(dateSerial(dayNumber("2026-04-01") as number)).toBe(46113);
    expect(throughFormula(specs, "$B$1")).toBe(
      '=IFERROR(INDEX({"2026 Q1";"2026 Q2";"2026 Q3";"2026 Q4"},MATCH($B$1,{46113;46204;46296;46388},1)),"")',
    );
    expect(elapsedFormula(specs, "$B$1")).toBe("=MIN(1,MAX(0,($B$1-46113+1)/365))");
  });
});
