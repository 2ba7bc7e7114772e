// The one number rule (src/core/format.ts): what each unit, language and purpose shows, that the text reads back
// through the number reader to the same value within the precision it shows, and what the sheet's format is.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatGap,
  formatPercent,
  formatValue,
  numberStyle,
  requiredAmount,
  sheetNumberFormat,
} from "../../src/core/format";
import { parseNumber } from "../../src/core/value";

describe("formatValue", () => {
  it.each([
    [14_850_000, "円", "ja", "1,485万円"],
    [14_850_000, "円", "en", "¥14,850,000"],
    [120_000_000, "円", "ja", "1.2億円"],
    [8_333.33, "円", "ja", "8,333円"],
    [-4_976_200, "円", "ja", "-497.62万円"],
    [-500, "円", "en", "-¥500"],
    [0.2, "%", "ja", "20%"],
    [0.174_123, "%", "en", "17.41%"],
    [1000, "件", "ja", "1,000件"],
    [20.4, "件", "ja", "20件"],
    [24, "h", "en", "24 h"],
    [1.5, "時間", "ja", "1.5時間"],
    [300, "leads", "en", "300 leads"],
    [2000, "万円", "ja", "2,000万円"],
    [1234.5, "$", "en", "$1,234.5"],
    [70, "", "ja", "70"],
    [null, "件", "ja", "–"],
  ] as const)("%s %s (%s) → %s", (value, unit, lang, text) => {
    expect(formatValue(value, unit, lang)).toBe(text);
  });

  it("rounds requirements toward the safe side: counts and yen up, lower-is-better down", () => {
    expect(formatValue(20.83, "件", "ja", { purpose: "requirement" })).toBe("21件");
    expect(formatValue(20.83, "人", "en", { purpose: "requirement" })).toBe("21人");
    expect(formatValue(208_333.33, "人", "ja", { purpose: "requirement" })).toBe("208,334人");
    expect(formatValue(8_333.33, "円", "ja", { purpose: "requirement" })).toBe("8,334円");
    expect(formatValue(0.03125, "%", "ja", { purpose: "requirement" })).toBe("3.13%");
    expect(formatValue(0.029_66, "%", "ja", { purpose: "requirement", direction: "lower" })).toBe("2.96%");
    expect(formatValue(10.7, "件", "ja", { purpose: "requirement", direction: "lower" })).toBe("10件");
    expect(formatValue(21, "件", "ja", { purpose: "requirement" })).toBe("21件");
    expect(formatValue(21.000000001, "件", "ja", { purpose: "requirement" })).toBe("21件");
  });

  it("never shows -0, NaN or Infinity", () => {
    expect(formatValue(-0.0001, "件", "ja", { purpose: "requirement" })).toBe("0件");
    expect(formatValue(-0.4, "件", "ja")).toBe("0件");
    expect(formatValue(-0, "円", "en")).toBe("¥0");
    expect(formatValue(-0.00001, "%", "ja")).toBe("0%");
    expect(formatValue(-0.001, "%", "ja")).toBe("-0.1%");
    expect(formatValue(Number.NaN, "件", "ja")).toBe("–");
    expect(formatValue(Number.POSITIVE_INFINITY, "円", "ja")).toBe("–");
    expect(formatGap(-0.0001)).toBe("0%");
    expect(formatGap(0.0001)).toBe("0%");
    expect(formatGap(0.025)).toBe("+2.5%");
    expect(formatGap(-0.04)).toBe("-4%");
    expect(formatPercent(0.792)).toBe("79.2%");
  });

  it("writes an input's text exactly, without the unit except %", () => {
    expect(formatValue(20_000_000, "円", "ja", { purpose: "input" })).toBe("2,000万");
    expect(formatValue(12_345_678, "円", "ja", { purpose: "input" })).toBe("1,234.5678万");
    expect(formatValue(20_000_000, "円", "en", { purpose: "input" })).toBe("20,000,000");
    expect(formatValue(0.175, "%", "ja", { purpose: "input" })).toBe("17.5%");
    expect(formatValue(1000.25, "件", "ja", { purpose: "input" })).toBe("1,000.25");
  });

  it("keeps huge and tiny values readable", () => {
    expect(formatValue(1e21, "", "en")).toBe("1e21");
    expect(formatValue(1e307, "%", "en")).toBe("1e309%");
    expect(formatValue(1e-9, "%", "en")).toBe("0%");
    expect(parseNumber(formatValue(1.5e300, "円", "ja"))?.value).toBe(1.5e300);
  });
});

describe("numberStyle and the sheet's number format", () => {
  it.each([
    ["%", "percent", "#,##0.0#%", "#,##0.0#%"],
    ["円", "yen", '#,##0"円"', '"¥"#,##0'],
    ["¥", "yen", '#,##0"円"', '"¥"#,##0'],
    ["件", "count", '#,##0"件"', '#,##0"件"'],
    ["件/月", "count", '#,##0"件/月"', '#,##0"件/月"'],
    ["leads", "count", '#,##0" leads"', '#,##0" leads"'],
    ["時間", "measure", '#,##0.0#"時間"', '#,##0.0#"時間"'],
    ["$", "money", '"$"#,##0.0#', '"$"#,##0.0#'],
    ["", "none", "#,##0.0#", "#,##0.0#"],
  ] as const)("%s is %s: %s / %s", (unit, style, ja, en) => {
    expect(numberStyle(unit)).toBe(style);
    expect(sheetNumberFormat(unit, "ja", false)).toBe(ja);
    expect(sheetNumberFormat(unit, "en", false)).toBe(en);
  });

  it("drops decimals for whole-number KPIs", () => {
    expect(sheetNumberFormat("", "ja")).toBe("#,##0");
    expect(sheetNumberFormat("時間", "ja")).toBe('#,##0"時間"');
  });
});

/** The place value of the last digit a text shows: 0.01 for `17.41%` (as a rate: 0.0001), 100 for `497.62万円`. */
function lastPlace(text: string, unit: string): number {
  const m = /([\d,]+)(?:\.(\d+))?(e-?\d+)?\s*(億|万)?/.exec(text);
  if (!m) throw new Error(text);
  if (m[3]) return Math.abs(Number(`1${m[3]}`)) * 1e-14;
  const yen = numberStyle(unit) === "yen";
  const scale = yen && m[4] === "億" ? 1e8 : yen && m[4] === "万" ? 1e4 : 1;
  const place = 10 ** -(m[2]?.length ?? 0) * scale;
  return numberStyle(unit) === "percent" ? place / 100 : place;
}

// Units the reader reads after a number (a Latin word such as `leads` belongs in the Unit column, and is refused there).
const units = fc.constantFrom("円", "%", "件", "人", "時間", "h", "kg", "$", "", "万円", "件/月");
const langs = fc.constantFrom<"ja" | "en">("ja", "en");
const values = fc.oneof(
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1, max: 1, noNaN: true }),
);

/** The reader takes `2,000万円` as 20,000,000 yen: a value in the unit 万円 reads back 10,000 times larger. */
function readBack(text: string, unit: string): number | null | undefined {
  const read = parseNumber(text)?.value;
  return unit === "万円" && typeof read === "number" ? read / 1e4 : read;
}

describe("properties", () => {
  it("reads back through the number reader to the value, within the precision shown", () => {
    fc.assert(
      fc.property(values, units, langs, (value, unit, lang) => {
        const text = formatValue(value, unit, lang);
        const read = readBack(text, unit);
        expect(read, text).toBeTypeOf("number");
        const place = lastPlace(text, unit);
        expect(Math.abs((read as number) - value), text).toBeLessThanOrEqual(place / 2 + Math.abs(value) * 1e-12);
        expect(text).not.toMatch(/NaN|Infinity|^-0(?![.\d])|-0[^.\d,]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("rates and changes of any size read back and never show -0, NaN or Infinity", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (rate) => {
        for (const text of [formatPercent(rate), formatGap(rate)]) {
          expect(text).not.toMatch(/NaN|Infinity|^-0(?![.\d])/);
          const read = parseNumber(text)?.value as number;
          expect(Math.abs(read - rate), text).toBeLessThanOrEqual(0.0005 + Math.abs(rate) * 1e-14);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("an input's text reads back to the same value", () => {
    fc.assert(
      fc.property(values, units, langs, (value, unit, lang) => {
        const text = formatValue(value, unit, lang, { purpose: "input" });
        const read = parseNumber(text)?.value as number;
        expect(Math.abs(read - value), text).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
      }),
      { numRuns: 2000 },
    );
  });

  it("requirements never show less than needed (more for lower-is-better), and counts are whole", () => {
    fc.assert(
      fc.property(values, units, langs, fc.constantFrom<"higher" | "lower">("higher", "lower"), (v, unit, lang, d) => {
        const text = formatValue(v, unit, lang, { purpose: "requirement", direction: d });
        const read = readBack(text, unit) as number;
        // Float noise below a billionth of a step is not rounded up (100 − 99.99999999999 needs 0 more).
        const slack = Math.max(1, Math.abs(v)) * 1e-9;
        if (d === "higher") expect(read, text).toBeGreaterThanOrEqual(v - slack);
        else expect(read, text).toBeLessThanOrEqual(v + slack);
        const amount = requiredAmount(v, unit, d);
        if (numberStyle(unit) === "count") {
          expect(Number.isInteger(amount)).toBe(true);
          expect(read).toBe(amount);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
