import { describe, expect, it } from "vitest";
import { parseDirection, parseNumber } from "../../src/core/value";

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
    ["−1.5", -1.5],
    [".5", 0.5],
    ["24h", 24],
    ["  300 leads ", 300],
    ["3k", 3000],
    ["1.2M", 1_200_000],
    ["$3.5B", 3_500_000_000],
    ["2.5bn", 2_500_000_000],
    ["3k件", 3000],
    ["5kg", 5],
    ["10min", 10],
    ["100Mbps", 100],
  ])("reads %j as %j", (input, expected) => {
    expect(parseNumber(input)?.value).toBe(expected);
  });

  it.each(["", "-", "—", "N/A", "n/a", "未定", "TBD", null, undefined])("reads %j as no value", (input) => {
    expect(parseNumber(input)).toEqual({ value: null });
  });

  it("takes the direction from 以上 / 以下 / 未満", () => {
    expect(parseNumber("3%以下")).toEqual({ value: 0.03, direction: "lower", unit: "%" });
    expect(parseNumber("90%以上")).toEqual({ value: 0.9, direction: "higher", unit: "%" });
    expect(parseNumber("10件/月以下")).toEqual({ value: 10, direction: "lower", unit: "件/月" });
    expect(parseNumber("24時間未満")?.direction).toBe("lower");
  });

  it("keeps the unit the text implies", () => {
    expect(parseNumber("500件")?.unit).toBe("件");
    expect(parseNumber("20%")?.unit).toBe("%");
    expect(parseNumber("2,000万円")?.unit).toBe("円");
    expect(parseNumber("¥100万")?.unit).toBe("円");
    expect(parseNumber("$1,200")?.unit).toBe("$");
    expect(parseNumber(1000)?.unit).toBeUndefined();
  });

  it.each([
    "abc",
    "1.2.3",
    "1,00",
    "12 34",
    "万",
    "2万1億",
    "%",
    "x100",
    true,
    new Date(2026, 0, 1),
    Number.NaN,
    Infinity,
  ])("rejects %j", (input) => {
    expect(parseNumber(input as never)).toBeUndefined();
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
  ])("reads %j as %s", (input, expected) => {
    expect(parseDirection(input)).toBe(expected);
  });
  it("blank is the default, unknown text is undefined", () => {
    expect(parseDirection("")).toBeNull();
    expect(parseDirection(null)).toBeNull();
    expect(parseDirection("sideways")).toBeUndefined();
    expect(parseDirection(3)).toBeUndefined();
  });
});
