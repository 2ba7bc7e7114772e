// Fuzzing the built bundle as Sheets calls it: arbitrary cells in random trees
// never put NaN, Infinity or a half-read number in a cell, and every failure is
// an Error naming a row. Sized so each run finds the misreads issue 7 listed
// (5千万円 read as 5,000, 100-200 as 100, a 400-digit number as Infinity…).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDist } from "../helpers/dist";

const scope = loadDist();
type Fn = (...args: unknown[]) => unknown;
const call = (name: string, ...args: unknown[]) => (scope[name] as Fn)(...args);

/** Pieces that numbers, near-numbers and junk are made of. */
const TOKENS = [
  ...["0", "1", "5", "12", "300", "1,000", "2,345", ".5", "0.0000001", "9".repeat(400), "1e20", "1e-400", "1E6"],
  ...[",", ".", "'", "/", "-", "+", "▲", "△", " ", "\u200b", "〜", "→", "x", "0x", "e", "e5"],
  ...["兆", "億", "万", "千", "百", "十", "京", "割"],
  ...["円", "¥", "￥", "$", "€", "%", "％", "件", "件/月", "k", "M", "B", "bn", "kg", "leads"],
  ...["以上", "以下", "未満", "超", "１", "，", "．", "二", "未定", "N/A"],
];
const text = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((t) => t.join(""));
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 1e200, -1e200, 5e-324, 1e-300, 0),
  fc.integer(),
);
/** Japanese amounts of any shape with the value they mean: groups under 兆/億/万, each as digits or with 千/百/十. */
const japaneseAmount = fc
  .record({
    groups: fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 4, maxLength: 4 }),
    kanji: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    commas: fc.boolean(),
    yen: fc.constantFrom("", "円", "¥"),
    fullWidth: fc.boolean(),
  })
  .filter(({ groups }) => groups.some((g) => g > 0))
  .map(({ groups, kanji, commas, yen, fullWidth }) => {
    const units = ["兆", "億", "万", ""];
    let typed = "";
    let digits = "";
    groups.forEach((g, k) => {
      digits += String(g).padStart(4, "0");
      if (g === 0) return;
      typed += (kanji[k] ? smallUnits(g) : commas ? g.toLocaleString("en-US") : String(g)) + units[k];
    });
    if (yen === "円") typed += "円";
    if (yen === "¥") typed = `¥${typed}`;
    if (fullWidth) typed = typed.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return { typed, value: Number(digits) };
  });

/** 2345 → 2千3百4十5; 5000 → 5千. */
function smallUnits(g: number): string {
  const [th, hu, te, on] = String(g).padStart(4, "0").split("").map(Number);
  return `${th ? `${th}千` : ""}${hu ? `${hu}百` : ""}${te ? `${te}十` : ""}${on || ""}`;
}

/** Decimals with a multiplier, exponents and percentages, with the exact value they mean. */
const scaledAmount = fc
  .record({
    int: fc.integer({ min: 0, max: 999 }),
    frac: fc.stringMatching(/^[0-9]{0,7}$/),
    suffix: fc.constantFrom(
      ["千万", 7],
      ["百万", 6],
      ["億", 8],
      ["万", 4],
      ["千", 3],
      ["%", -2],
      ["k", 3],
      ["M", 6],
      ["e6", 6],
      ["e20", 20],
      ["E-3", -3],
      ["", 0],
    ),
  })
  .map(({ int, frac, suffix: [s, shift] }) => ({
    typed: `${int}${frac ? `.${frac}` : ""}${s}`,
    value: Number(`${int}${frac}e${(shift as number) - frac.length}`),
  }));

/** Mostly values a table holds (so most trees compute), sometimes junk, dates and booleans (so errors are met too). */
const cell = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.oneof(japaneseAmount, scaledAmount).map((a) => a.typed) },
  { weight: 1, arbitrary: fc.constantFrom("9".repeat(400), "1e400", "0.0000001%", "0.0000001k", "1e-400") },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.date({ noInvalidDate: true }), fc.boolean()) },
);
const OPS = ["+", "×", "−", "÷", "avg", "min", "max", "none"];
const HEADERS = {
  en: ["Name", "Parent", "Op", "Target", "Actual", "Direction"],
  ja: ["指標名", "親", "計算", "目標", "実績", "方向"],
};

/** A table of 1–10 KPIs, each row's parent one of the rows above (or none), every cell arbitrary. */
const table = fc
  .record({
    lang: fc.constantFrom("en" as const, "ja" as const),
    rows: fc.array(
      fc.record({
        parent: fc.nat(),
        op: fc.constantFrom(...OPS),
        target: cell,
        actual: cell,
        direction: fc.constantFrom("", "higher", "lower", "以下"),
      }),
      { minLength: 1, maxLength: 10 },
    ),
  })
  .map(({ lang, rows }) => {
    const hasChildren = new Set<number>();
    const parents = rows.map((r, i) => (i === 0 ? -1 : r.parent % (i + 1) === i ? -1 : r.parent % (i + 1)));
    for (const p of parents) if (p >= 0) hasChildren.add(p);
    const grid: unknown[][] = [HEADERS[lang]];
    rows.forEach((r, i) => {
      const parent = parents[i] < 0 ? "" : `K${parents[i]}`;
      grid.push([`K${i}`, parent, hasChildren.has(i) ? r.op : "", r.target, r.actual, r.direction]);
    });
    return { lang, grid };
  });

const NAMES_A_ROW = { en: /(^|\W)Row \d+/, ja: /\d+行目/ };

/** Every cell a finite number, text or blank; or an Error whose message names a row. */
function expectSafe(lang: "en" | "ja", run: () => unknown): "output" | "error" {
  let out: unknown;
  try {
    out = run();
  } catch (e) {
    expect(Object.prototype.toString.call(e)).toBe("[object Error]");
    expect((e as Error).message).toMatch(NAMES_A_ROW[lang]);
    return "error";
  }
  const cells = Array.isArray(out) ? (out as unknown[][]).flat() : [out];
  for (const v of cells) {
    if (typeof v === "number") expect(Number.isFinite(v), `${v} in a cell`).toBe(true);
    else expect(v === null || typeof v === "string", `${String(v)} in a cell`).toBe(true);
  }
  return "output";
}

describe("fuzz: arbitrary cells in random trees, through the built bundle", () => {
  it("every output cell is a finite number, text or blank; every failure an Error naming a row", () => {
    const seen = { output: 0, error: 0 };
    fc.assert(
      fc.property(table, ({ lang, grid }) => {
        const column = (k: number) => grid.slice(1).map((r) => [r[k]]);
        seen[expectSafe(lang, () => call("KPI_ROLLUP", grid))]++;
        seen[expectSafe(lang, () => call("KPI_ROLLUP", grid, "target"))]++;
        seen[expectSafe(lang, () => call("KPI_REQUIRED", grid))]++;
        seen[expectSafe(lang, () => call("KPI_CHECK", grid))]++;
        seen[expectSafe("en", () => call("KPI_ACHIEVEMENT", column(4), column(3), column(5)))]++;
        seen[expectSafe(lang, () => call("KPI_STATUS", column(4), column(3), column(5), "", lang))]++;
      }),
      { numRuns: 400 },
    );
    // Both sides were exercised: trees that compute (about 390 of 2,400 calls, ±45) and trees that are refused.
    expect(seen.output).toBeGreaterThan(200);
    expect(seen.error).toBeGreaterThan(100);
    // About 5 s on an idle machine; a busy one (other runs sharing two cores) must not turn that into a failure.
  }, 60_000);
});

/** A leaf's actual as the bundle reads it: its value, or the error message. */
function readByBundle(input: unknown): unknown {
  try {
    return (call("KPI_ROLLUP", [HEADERS.en.slice(0, 5), ["x", "", "", "", input]]) as unknown[][])[0][0];
  } catch (e) {
    return e as Error;
  }
}

/** Text that must not be read in part: what follows the number makes it something else. */
const CONTINUATIONS = ["-200", "〜200", "~200", "/2", "→25%", "'000", "\u200b000", "京", " 000", ".5.5", "から200"];

describe("fuzz: amounts are read exactly, never in part", () => {
  it("Japanese amounts in any valid shape read as what they mean", () => {
    fc.assert(
      fc.property(japaneseAmount, ({ typed, value }) => {
        expect(readByBundle(typed)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it("decimals with 千万, 億, %, k, M and exponents read exactly", () => {
    fc.assert(
      fc.property(scaledAmount, ({ typed, value }) => {
        fc.pre(Number.isFinite(value));
        expect(readByBundle(typed)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it("a readable amount with a range, fraction, separator or unknown multiplier after it is refused", () => {
    fc.assert(
      fc.property(fc.oneof(japaneseAmount, scaledAmount), fc.constantFrom(...CONTINUATIONS), (amount, more) => {
        fc.pre(typeof readByBundle(amount.typed) === "number");
        const got = readByBundle(amount.typed + more);
        expect(Object.prototype.toString.call(got), `${amount.typed + more} was read as ${String(got)}`).toBe(
          "[object Error]",
        );
        expect(String((got as Error).message)).toMatch(/^Row 2 \("x"\), column "Actual": .* is not a number: /);
      }),
      { numRuns: 300 },
    );
  });

  it("hexadecimal and numbers beyond 1.8e308 are refused, not read as 0 or Infinity", () => {
    const hex = fc.stringMatching(/^[0-9a-f]{1,6}$/).map((h) => `0x${h}`);
    const huge = fc.integer({ min: 310, max: 600 }).map((n) => `1${"0".repeat(n)}`);
    fc.assert(
      fc.property(fc.oneof(hex, huge), (typed) => {
        const got = readByBundle(typed);
        expect(Object.prototype.toString.call(got), `${typed.slice(0, 12)} was read as ${String(got)}`).toBe(
          "[object Error]",
        );
        expect(String((got as Error).message)).toMatch(/is not a number: /);
      }),
      { numRuns: 100 },
    );
  });
});
