import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMessage, type NumberReason } from "../../src/core/errors";
import { readTree } from "../../src/core/layout";
import {
  DIRECTION_WORD,
  numberReader,
  parseDirection,
  parseNumber,
  plainValue,
  readNumber,
  requireNumber,
} from "../../src/core/value";

describe("parseNumber", () => {
  it.each([
    [1000, 1000],
    [0.2, 0.2],
    ["1,000", 1000],
    ["１，０００", 1000],
    ["１，０００件", 1000],
    ["2,000万円", 20_000_000],
    ["¥2,000万", 20_000_000],
    ["￥100万", 1_000_000],
    ["1.2億", 120_000_000],
    ["1億2,000万円", 120_000_000],
    ["3千", 3000],
    ["2兆", 2e12],
    ["20%", 0.2],
    ["２０％", 0.2],
    ["3.125%", 0.03125],
    ["$1,200", 1200],
    ["10件/月", 10],
    ["-500", -500],
    ["▲500", -500],
    ["△500", -500],
    ["−1.5", -1.5],
    ["+7", 7],
    ["-¥500", -500],
    ["¥-500", -500],
    [".5", 0.5],
    ["5.", 5],
    ["24h", 24],
    ["3k", 3000],
    ["1.2M", 1_200_000],
    ["$3.5B", 3_500_000_000],
    ["2.5bn", 2_500_000_000],
    ["3 million", 3_000_000],
    ["3k件", 3000],
    ["5kg", 5],
    ["10min", 10],
    ["100Mbps", 100],
    // The Japanese amounts, each once misread.
    ["5千万円", 50_000_000],
    ["2億5千万", 250_000_000],
    ["1.5千万", 15_000_000],
    ["3百万円", 3_000_000],
    ["1億2,345万6千", 123_456_000],
    ["1千2百万", 12_000_000],
    ["十万", null],
    ["1億 2,000 万", 120_000_000],
    ["５千万円", 50_000_000],
    ["3割", 0.3],
    ["1,000円/件", 1000],
    // Scientific notation, read exactly.
    ["1e6", 1e6],
    ["1.5E-3", 0.0015],
    ["1e20", 1e20],
    ["1e-3%", 1e-5],
    // Tiny values stay exact instead of NaN.
    ["0.0000001%", 1e-9],
    ["0.0000001k", 1e-4],
    [`0.${"0".repeat(300)}1`, 1e-301],
    ["0", 0],
    ["0e-400", 0],
    ["0e99999999999999999999999", 0],
    ["1e+3", 1000],
    // Zero stays zero: -0 would show as -0 in a sheet.
    ["-0", 0],
    ["▲ 500", -500],
    ["¥ 1,000", 1000],
    ["\u200b1,000\u200b", 1000],
    ["\ufeff２０％", 0.2],
    ["3K", 3000],
    ["2 thousand", 2000],
    ["1.5 billion", 1_500_000_000],
    ["2 trillion", 2e12],
    ["20 percent", 0.2],
    ["20パーセント", 0.2],
    ["123,456", 123_456],
    ["12,345万", 123_450_000],
    ["1万9999", 19_999],
    ["1千999", 1999],
    ["2億千万", 210_000_000],
    // The carry out of the top digit: 9,500 + 900.
    ["9.5千9百", 10_400],
    ["5KG", 5],
  ])("reads %j as %j", (input, expected) => {
    if (expected === null) expect(parseNumber(input)).toBeUndefined();
    else expect(parseNumber(input)?.value).toBe(expected);
  });

  it("reads a whole text or nothing: the exact reading, no key more", () => {
    expect(readNumber("¥100円")).toStrictEqual({ value: 100, unit: "円" });
    expect(readNumber("¥1,000/件")).toStrictEqual({ value: 1000, unit: "円/件" });
    expect(readNumber("10 件 / 月")).toStrictEqual({ value: 10, unit: "件/月" });
    expect(readNumber("1,000")).toStrictEqual({ value: 1000 });
    expect(readNumber(1000)).toStrictEqual({ value: 1000 });
    expect(readNumber("-")).toStrictEqual({ value: null });
  });

  it("reads each distinct text of a table once and shares the reading, up to 4,096 texts", () => {
    const read = numberReader();
    const first = read("1,000件");
    expect(first).toStrictEqual({ value: 1000, unit: "件" });
    expect(read("1,000件")).toBe(first);
    expect(read(1000)).toStrictEqual({ value: 1000 });
    for (let k = 0; k < 5000; k++) read(`${k}件`);
    // Remembered before the bound was reached; texts past it are read again each time.
    expect(read("1,000件")).toBe(first);
    const late = read("4999件");
    expect(late).toStrictEqual({ value: 4999, unit: "件" });
    expect(read("4999件")).not.toBe(late);
    expect(read("4094件")).toBe(read("4094件"));
  });

  it("adds the parts of a Japanese amount exactly, rounding once", () => {
    expect(parseNumber("1.1億1千万")?.value).toBe(120_000_000);
    expect(parseNumber("1兆2,345億6,789万1,234.5")?.value).toBe(1_234_567_891_234.5);
    expect(parseNumber("0.1億2.5万")?.value).toBe(10_025_000);
  });

  it.each(["", "-", "—", "–", "―", "ー", "N/A", "n/a", "na", "未定", "TBD", "なし", "  ", null, undefined])(
    "reads %j as no value",
    (input) => {
      expect(parseNumber(input)).toStrictEqual({ value: null });
    },
  );
  it("keeps the direction only where the text gives one", () => {
    expect(readNumber("100超")).toStrictEqual({ value: 100, direction: "higher" });
    expect(readNumber("100")).toStrictEqual({ value: 100 });
  });

  it("takes the direction from 以上 / 以下 / 未満 / 超", () => {
    expect(parseNumber("3%以下")).toEqual({ value: 0.03, direction: "lower", unit: "%" });
    expect(parseNumber("90%以上")).toEqual({ value: 0.9, direction: "higher", unit: "%" });
    expect(parseNumber("10件/月以下")).toEqual({ value: 10, direction: "lower", unit: "件/月" });
    expect(parseNumber("24時間未満")?.direction).toBe("lower");
    expect(parseNumber("100超")).toEqual({ value: 100, direction: "higher" });
  });

  it("keeps the unit the text implies", () => {
    expect(parseNumber("500件")?.unit).toBe("件");
    expect(parseNumber("20%")?.unit).toBe("%");
    expect(parseNumber("3割")?.unit).toBe("%");
    expect(parseNumber("2,000万円")?.unit).toBe("円");
    expect(parseNumber("¥100万")?.unit).toBe("円");
    expect(parseNumber("$1,200")?.unit).toBe("$");
    expect(parseNumber("100€")?.unit).toBe("€");
    expect(parseNumber("1,000円/件")?.unit).toBe("円/件");
    expect(parseNumber("3 ヶ月")?.unit).toBe("ヶ月");
    expect(parseNumber("8 h/day")?.unit).toBe("h/day");
    expect(parseNumber(1000)?.unit).toBeUndefined();
  });
});

describe("readNumber refuses, with the reason", () => {
  it.each<[unknown, NumberReason, string]>([
    ["abc", "noDigits", ""],
    ["万", "noDigits", ""],
    ["%", "noDigits", ""],
    ["二千万", "noDigits", ""],
    ["x100", "prefix", "x"],
    ["約100", "prefix", "約"],
    ["100-200", "twoNumbers", "-200"],
    ["100〜200", "twoNumbers", "〜200"],
    ["100~200", "twoNumbers", "~200"],
    ["100から200", "twoNumbers", "から200"],
    ["20%→25%", "twoNumbers", "→25%"],
    ["1/2", "fraction", "/"],
    ["3分の1", "fraction", "分の"],
    ["1'000", "separator", "'"],
    ["1.2.3", "separator", "."],
    ["1,00", "separator", ","],
    ["1000,000", "separator", ","],
    ["12 34", "separator", " "],
    ["0x10", "notDecimal", "x"],
    ["1\u200b000", "invisible", ""],
    ["2万1億", "kanji", "億"],
    ["1億12,345万", "kanji", "万"],
    ["1千23百", "kanji", "百"],
    ["5千万 000", "kanji", "0"],
    ["1万0500", "kanji", "0"],
    ["5千 000", "kanji", "0"],
    ["1億二千万", "kanjiDigit", "二"],
    ["1京", "unknownMultiplier", "京"],
    ["3垓円", "unknownMultiplier", "垓"],
    ["9".repeat(400), "tooLarge", ""],
    ["1e400", "tooLarge", ""],
    ["1e-400", "tooSmall", ""],
    ["300 leads", "unknownUnit", "leads"],
    ["5m", "unknownUnit", "m"],
    ["20%abc", "unknownUnit", "abc"],
    ["100減", "unknownUnit", "減"],
    ["$100円", "unknownUnit", "円"],
    ["2024-01-01", "date", ""],
    ["2024/1/1", "date", ""],
    ["5千k", "unknownUnit", "k"],
    ["1万k", "unknownUnit", "k"],
    ["1千2k", "unknownUnit", "k"],
    ["20%円", "unknownUnit", "円"],
    ["1万10000", "kanji", "1"],
    ["1億10,000万", "kanji", "万"],
    ["1億12千万", "kanji", "万"],
    ["1千1000", "kanji", "0"],
    ["1千05", "kanji", "0"],
    ["1百2百", "kanji", "百"],
    ["1千10百", "kanji", "百"],
    ["約 100", "prefix", "約"],
    ["1万.", "unknownUnit", "."],
    ["10件/", "unknownUnit", "/"],
    ["200まで", "twoNumbers", "まで"],
    ["10 to 20", "twoNumbers", "to 20"],
    ["0b101", "notDecimal", "b"],
    ["10x5", "twoNumbers", "x5"],
    ["3件京", "unknownMultiplier", "京"],
    ["100増", "unknownUnit", "増"],
    ["5以下以上", "unknownUnit", "以下"],
    ["1e99999999999999999999999", "tooLarge", ""],
    ["1e-99999999999999999999999", "tooSmall", ""],
    [true, "boolean", "TRUE"],
    [false, "boolean", "FALSE"],
    [new Date(2026, 0, 1), "date", ""],
    [Number.NaN, "tooLarge", ""],
    [Number.POSITIVE_INFINITY, "tooLarge", ""],
  ])("refuses %j: %s %j", (input, reason, part) => {
    expect(readNumber(input as never)).toStrictEqual({ reason, part });
    expect(parseNumber(input as never)).toBeUndefined();
  });
});

describe("the unreadable-number error", () => {
  it("names row, KPI and column, says why and how to fix, in Japanese and English", () => {
    const where = { row: 3, name: "売上", column: "目標" };
    expect(() => requireNumber("ja", "5千万京", where)).toThrow(
      "3行目（売上）の「目標」列: 「5千万京」は数値として読めません（「京」は読める単位（兆・億・万・千・百・十）ではありません）。 修正: 兆・億・万・千・百・十 を使うか、数字だけで書いてください。または ",
    );
    expect(() => requireNumber("en", "100-200", { row: 4, name: "Leads", column: "Target" })).toThrow(
      'Row 4 ("Leads"), column "Target": "100-200" is not a number: it holds more than one number ("-200"). Fix: enter one value; put the two ends of a range in two cells; or ',
    );
  });

  it("has a reason and a fix for every refusal, in both languages", () => {
    const reasons: NumberReason[] = [
      ...["date", "boolean", "noDigits", "prefix", "twoNumbers", "fraction", "separator", "invisible"],
      ...["notDecimal", "kanji", "kanjiDigit", "unknownMultiplier", "tooLarge", "tooSmall", "unknownUnit"],
    ] as NumberReason[];
    for (const reason of reasons) {
      expect(formatMessage("en", "badNumber", {}, { text: "x", reason, part: "y" })).toMatch(
        /is not a number: .+\. Fix: .+; or /,
      );
      expect(formatMessage("ja", "badNumber", {}, { text: "x", reason, part: "y" })).toMatch(
        /読めません（.+）。 修正: .+。または /,
      );
    }
  });

  it("comes from readTree with the row of the table", () => {
    const grid = [
      ["Name", "Parent", "Op", "Target"],
      ["Sales", "", "+", "1京"],
    ];
    expect(() => readTree(grid)).toThrow(
      /^Row 2 \("Sales"\), column "Target": "1京" is not a number: "京" is not a multiplier/,
    );
  });
});

describe("parseDirection", () => {
  it.each([
    ["higher", "higher"],
    ["Lower", "lower"],
    ["up", "higher"],
    ["down", "lower"],
    ["↑", "higher"],
    ["↓", "lower"],
    ["以上", "higher"],
    ["以下", "lower"],
    ["ｌｏｗｅｒ", "lower"],
    ["lower is better", "lower"],
    ...["high", "高", "高い", "大", "max", "maximize", "increase", "+"].map((w) => [w, "higher"]),
    ...["low", "未満", "低", "低い", "小", "min", "minimize", "decrease", "-"].map((w) => [w, "lower"]),
    ["大きいほど良い", "higher"],
    ["多いほどよい", "higher"],
    ["小さいほど良い", "lower"],
    ["少ないが良い", "lower"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseDirection(input)).toBe(expected);
  });
  it("reads back every direction word the sheet writes", () => {
    for (const lang of ["ja", "en"] as const)
      for (const direction of ["higher", "lower"] as const)
        expect(parseDirection(DIRECTION_WORD[lang][direction])).toBe(direction);
  });
  it("blank is the default, unknown text is undefined", () => {
    expect(parseDirection("")).toBeNull();
    expect(parseDirection(null)).toBeNull();
    expect(parseDirection("  ")).toBeNull();
    expect(parseDirection(undefined)).toBeNull();
    expect(parseDirection("sideways")).toBeUndefined();
    expect(parseDirection(3)).toBeUndefined();
  });
});

describe("the reader's shortcuts read as the grammar does", () => {
  const cells = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom("", null, undefined, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 5e-324),
    fc.constantFrom(" ", "0", "-", "1,000件", "20%", "3%以下", "abc", "constructor", true),
    fc.string(),
  );

  it("plainValue short-circuits only cells readNumber reads as that value, with no unit or direction", () => {
    fc.assert(
      fc.property(cells, (cell) => {
        const plain = plainValue(cell);
        if (plain !== undefined) expect(readNumber(cell)).toEqual({ value: plain });
      }),
      { numRuns: 2000 },
    );
    // and it does take the cells a table is made of: numbers and blanks.
    expect([plainValue(1001), plainValue(-0.5), plainValue(""), plainValue(null)]).toEqual([1001, -0.5, null, null]);
    expect([plainValue(Number.NaN), plainValue(" "), plainValue("1")]).toEqual([undefined, undefined, undefined]);
  });

  it("numberReader (one reading of a table, each text parsed once) gives readNumber's answers, asked twice", () => {
    const read = numberReader();
    fc.assert(
      fc.property(cells, (cell) => {
        expect(read(cell)).toEqual(readNumber(cell));
        expect(read(cell)).toEqual(readNumber(cell));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads no direction in text that only names an object property ("constructor")', () => {
    expect(parseDirection("constructor")).toBeUndefined();
    expect(parseDirection("toString")).toBeUndefined();
  });
});
