// Reading period columns from a tree range (issue 8): headers, pairs, order, values, the Aggregation column.
import { describe, expect, it } from "vitest";
import { diagnose, findHeaderRow, readTree } from "../../src/core/layout";
import { findPeriod, parseAggregation, parsePeriodHeader } from "../../src/core/periods";
import { KPI_ROLLUP } from "../../src/functions/customFunctions";

const key = (h: string) => parsePeriodHeader(h)?.key;

describe("period headers", () => {
  it("reads every form of the issue as a period", () => {
    const forms = [
      "4月",
      "2026年4月",
      "2026/04",
      "2026-04",
      "Apr",
      "Apr 2026",
      "April",
      "Q1",
      "1Q",
      "2026 Q1",
      "第1四半期",
      "上期",
      "下期",
      "H1",
      "W14",
      "第14週",
      "FY2026",
      "2026-04-01",
      "2026/4/1",
      "2026年4月1日",
      "４月",
      "sept",
    ];
    for (const h of forms) expect([h, parsePeriodHeader(h)?.measure]).toEqual([h, null]);
  });

  it("reads target/actual words before or after the period, and nothing else", () => {
    const pairs: [string, string, string][] = [
      ["5月目標", "5月", "target"],
      ["5月実績", "5月", "actual"],
      ["目標 5月", "5月", "target"],
      ["5月（実績）", "5月", "actual"],
      ["May target", "may", "target"],
      ["May actual", "may", "actual"],
      ["Plan May", "may", "target"],
      ["Actual May", "may", "actual"],
      ["2026-05 Goal", "2026-05", "target"],
      // As the wizard writes them (the cycle lane).
      ["2026年4月目標", "2026年4月", "target"],
      ["2026年4月実績", "2026年4月", "actual"],
      ["Apr 2026 target", "apr2026", "target"],
      ["Apr 2026 actual", "apr2026", "actual"],
      ["2026 Q1 target", "2026q1", "target"],
      ["第14週実績", "第14週", "actual"],
      ["W14 target", "w14", "target"],
    ];
    for (const [h, k, m] of pairs) expect([h, parsePeriodHeader(h)]).toMatchObject([h, { key: k, measure: m }]);
    for (const h of [
      "Target",
      "実績",
      "Memo",
      "May memo",
      "Q5",
      "13月",
      "W54",
      "2026-13",
      "2026-04/01",
      "Total",
      "累計",
      "達成率",
      "Leads",
      "W",
    ])
      expect([h, parsePeriodHeader(h)]).toEqual([h, undefined]);
    expect(key("APR 2026")).toBe(key("Apr 2026"));
  });
});

const T = [
  ["Name", "Level", "Op", "Memo", "4月", "5月目標", "5月実績", "Q&A", "6月"],
  ["Orders", 1, "×", "x", "", "", "", "", ""],
  ["Leads", 2, "", "", "1,000件", "1,200", "１，１００", "", "未定"],
  ["Rate", 2, "", "", "20%", "20%", "15%", "", "0.1"],
];

describe("period columns in a table", () => {
  it("groups pairs and actual-only periods in table order, ignoring memos, reading values leniently", () => {
    const tree = readTree(T);
    expect(tree.periods.map((p) => [p.label, p.column, p.header])).toEqual([
      ["4月", { actual: 4 }, { actual: "4月" }],
      ["5月", { target: 5, actual: 6 }, { target: "5月目標", actual: "5月実績" }],
      ["6月", { actual: 8 }, { actual: "6月" }],
    ]);
    const [apr, may, jun] = tree.periods;
    expect(apr.values.actual).toEqual([null, 1000, 0.2]);
    expect(apr.values.target).toEqual([null, null, null]);
    expect(may.values).toEqual({ target: [null, 1200, 0.2], actual: [null, 1100, 0.15] });
    expect(jun.values.actual).toEqual([null, null, 0.1]);
  });

  it("a table of periods only (no Target/Actual) reads, and its header row is found under a title", () => {
    expect(
      findHeaderRow([
        ["KPI tree", "", ""],
        ["KGI", "KPI1", "Apr"],
      ]),
    ).toBe(1);
    const tree = readTree([
      ["KGI", "KPI1", "計算", "4月", "5月"],
      ["Sales", "", "+", "", ""],
      ["", "Web", "", 1, 2],
      ["", "Shop", "", 3, 4],
    ]);
    expect(tree.periods.map((p) => p.values.actual)).toEqual([
      [null, 1, 3],
      [null, 2, 4],
    ]);
  });

  it("names the cell of an unreadable period value", () => {
    const bad = T.map((r) => r.slice());
    bad[2][6] = "abc";
    expect(() => readTree(bad)).toThrow("3行目（Leads）の「5月実績」列: 「abc」は数値として読めません");
  });

  it("refuses two columns for one period (ambiguous) and a target without an actual, naming the column", () => {
    const twice = diagnose([
      ["Name", "Level", "May", "Jun", "may"],
      ["A", 1, 1, 2, 3],
    ]).problems;
    expect(twice.map((p) => [p.code, p.row, p.column])).toEqual([["duplicatePeriod", 1, "may"]]);
    expect(twice[0].message).toContain('Columns 3 and 5 of the range are both the actual of "May"');
    const alone = diagnose([
      ["指標名", "階層", "5月目標", "6月"],
      ["A", 1, 1, 2],
    ]).problems;
    expect(alone.map((p) => [p.code, p.row, p.column])).toEqual([["periodNoActual", 1, "5月目標"]]);
    expect(alone[0].message).toContain("期間「5月」に目標の列はありますが、実績の列がありません");
    // 5月 and 5月実績 are two actuals of May.
    expect(diagnose([["Name", "Level", "5月", "5月実績"]]).problems[0].code).toBe("duplicatePeriod");
  });

  it("finds a period as an argument names it", () => {
    const tree = readTree(T);
    expect(findPeriod(tree.periods, "5月")).toEqual({ index: 1, measure: "actual" });
    expect(findPeriod(tree.periods, "5月目標")).toEqual({ index: 1, measure: "target" });
    expect(findPeriod(tree.periods, " 6月 ")).toEqual({ index: 2, measure: "actual" });
    expect(findPeriod(tree.periods, "7月")).toBeUndefined();
    expect(findPeriod(tree.periods, "Memo")).toBeUndefined();
  });
});

describe("the Aggregation column", () => {
  it("reads its words in both languages, blank as a sum", () => {
    const words: [string, string | null][] = [
      ["合計", "sum"],
      ["sum", "sum"],
      ["期末", "last"],
      ["Last", "last"],
      ["平均", "avg"],
      ["avg", "avg"],
      ["率", "rate"],
      ["RATE", "rate"],
      ["", null],
    ];
    for (const [w, a] of words) expect([w, parseAggregation(w)]).toEqual([w, a]);
    expect(parseAggregation("median")).toBeUndefined();
  });

  it("under each of its headers; an unreadable word names row, KPI and column", () => {
    for (const h of ["集計", "集計方法", "Aggregation", "Time", "Total"]) {
      const tree = readTree([
        ["Name", "Level", h, "4月"],
        ["Members", 1, "期末", 10],
      ]);
      expect([h, tree.nodes[0].aggregation, tree.headers.aggregation]).toEqual([h, "last", h]);
    }
    expect(() =>
      readTree([
        ["指標名", "階層", "集計", "4月"],
        ["会員数", 1, "中央値", 10],
      ]),
    ).toThrow("2行目（会員数）の「集計」列: 「中央値」は期間の集計方法として読めません。");
  });
});

describe("KPI_ROLLUP of a period", () => {
  it("rolls the named period's column up; 5月 on a table of pairs is May's actual", () => {
    const col = (out: unknown) => (out as unknown[][]).map((r) => r[0]);
    expect(col(KPI_ROLLUP(T, "5月"))).toEqual([1100 * 0.15, 1100, 0.15]);
    expect(col(KPI_ROLLUP(T, "5月実績"))).toEqual(col(KPI_ROLLUP(T, "5月")));
    expect(col(KPI_ROLLUP(T, "5月目標"))).toEqual([1200 * 0.2, 1200, 0.2]);
    expect(col(KPI_ROLLUP(T, "4月"))).toEqual([200, 1000, 0.2]);
    // 6月's Leads is 未定 (no value): the product is blank.
    expect(col(KPI_ROLLUP(T, "6月"))).toEqual([null, null, 0.1]);
    expect(() => KPI_ROLLUP(T, "7月")).toThrow("「7月」は集計する項目として読めません");
    const dated = [
      ["Name", "Level", "Op", "2026-04", "2026-05"],
      ["Sales", 1, "+", "", ""],
      ["Web", 2, "", 1, 2],
      ["Shop", 2, "", 3, 4],
    ];
    expect(col(KPI_ROLLUP(dated, "2026-05"))).toEqual([6, 2, 4]);
    expect(col(KPI_ROLLUP(dated, "target"))).toEqual([null, null, null]);
  });
});
