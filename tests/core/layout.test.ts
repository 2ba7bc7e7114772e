import { describe, expect, it } from "vitest";
import { KpiError } from "../../src/core/errors";
import { diagnose, findHeaderRow, readTree } from "../../src/core/layout";
import { unitsFromFormats } from "../../src/core/units";

function errorOf(grid: unknown): KpiError {
  try {
    readTree(grid);
  } catch (e) {
    if (e instanceof KpiError) return e;
    throw e;
  }
  throw new Error("expected a KpiError");
}

describe("readTree: layouts", () => {
  it("reads a parent/ID table, skipping blank rows and memo columns, children in row order", () => {
    const tree = readTree([
      ["ID", "Name", "Parent", "Op", "Target", "Memo"],
      ["r", "Revenue", "", "×", "1.2億", "KGI"],
      ["", "", "", "", "", ""],
      ["p", "Price", "r", "", "60万", "note"],
      ["c", "Customers", "r", "+", "", ""],
      ["n", "New", "c", "", 50, ""],
      ["e", "Existing", "c", "", 150, ""],
    ]);
    expect(tree.form).toBe("parent");
    expect(tree.rowCount).toBe(6);
    expect(tree.nodes.map((n) => [n.row, n.name, n.depth])).toEqual([
      [2, "Revenue", 0],
      [4, "Price", 1],
      [5, "Customers", 1],
      [6, "New", 2],
      [7, "Existing", 2],
    ]);
    expect(tree.nodes[0].children.map((c) => tree.nodes[c].name)).toEqual(["Price", "Customers"]);
    expect(tree.nodes[0].target).toBe(120_000_000);
    expect(tree.lang).toBe("en");
  });

  it("resolves parents by name when there is no ID column, even when the child comes first", () => {
    const tree = readTree([
      ["指標名", "親", "計算", "目標"],
      ["子", "親KPI", "", 1],
      ["親KPI", "", "+", ""],
    ]);
    expect(tree.lang).toBe("ja");
    expect(tree.order.map((i) => tree.nodes[i].name)).toEqual(["親KPI", "子"]);
  });

  it("matches headers ignoring case, spaces and full-width forms", () => {
    const tree = readTree([
      [" ｎａｍｅ ", "PARENT ID", "ｏｐ", "TARGET"],
      ["A", "", "+", ""],
      ["B", "A", "", 1],
    ]);
    expect(tree.nodes[1].parent).toBe(0);
    expect(tree.headers.parent).toBe("PARENT ID");
  });

  it("reads a level column: the smallest level is the root", () => {
    const tree = readTree([
      ["KPI", "Level", "Op"],
      ["A", 0, "+"],
      ["B", 1, "×"],
      ["C", 2, ""],
      ["D", 2, ""],
      ["E", 1, ""],
    ]);
    expect(tree.nodes.map((n) => n.parent)).toEqual([-1, 0, 1, 1, 0]);
  });

  it("reads outline columns (KGI, KPI1, KPI2) and 第1階層-style headers", () => {
    for (const header of [
      ["KGI", "KPI1", "KPI2", "Op"],
      ["第1階層", "第2階層", "第3階層", "計算"],
      ["", "", "", "Op"],
      ["Level 1", "Level 2", "Level 3", "Op"],
    ]) {
      const tree = readTree([header, ["Revenue", "", "", "×"], ["", "Deals", "", ""], ["", "Price", "", ""]]);
      expect(tree.form).toBe("outline");
      expect(tree.nodes.map((n) => n.parent)).toEqual([-1, 0, 0]);
    }
  });

  it("allows several roots (a sheet with several trees)", () => {
    const tree = readTree([
      ["Name", "Level", "Op"],
      ["A", 1, "+"],
      ["A1", 2, ""],
      ["B", 1, "+"],
      ["B1", 2, ""],
    ]);
    expect(tree.roots.map((r) => tree.nodes[r].name)).toEqual(["A", "B"]);
  });

  it("takes the direction from the column, else from the target text; ignores an op on a leaf", () => {
    const tree = readTree([
      ["Name", "Parent", "Op", "Target", "Direction"],
      ["Churn", "", "+", "3%以下", ""],
      ["Bugs", "", "", "10", "↓"],
    ]);
    expect(tree.nodes.map((n) => n.direction)).toEqual(["lower", "lower"]);
    expect(tree.nodes[0].op).toBeNull();
  });

  it("never crashes on odd input: scalars, ragged rows, numbers, dates and booleans as names", () => {
    expect(() => readTree("Name")).toThrow(KpiError);
    expect(() => readTree(undefined)).toThrow(KpiError);
    expect(() => readTree([])).toThrow(KpiError);
    const tree = readTree([
      ["Name", "Level", "Op"],
      [2026, 1, "+"],
      [new Date(Date.UTC(2026, 2, 31)), 2],
      [true, 2, ""],
    ]);
    expect(tree.nodes.map((n) => n.name)).toEqual(["2026", "2026-03-31", "TRUE"]);
  });
});

describe("readTree: errors name the row, the node, the column and the fix", () => {
  const cases: [string, unknown[][], RegExp, RegExp][] = [
    [
      "a parent that does not exist",
      [
        ["ID", "Name", "Parent", "Op"],
        ["a", "Revenue", "", "+"],
        ["b", "Leads", "zz", ""],
      ],
      /^Row 3 \("Leads"\), column "Parent": The parent "zz" does not exist.*Fix: /,
      /^3行目（Leads）の「親」列: 親「zz」が範囲内にありません。.*修正: /,
    ],
    [
      "duplicate IDs",
      [
        ["ID", "Name", "Parent", "Op"],
        ["a", "Revenue", "", "+"],
        ["a", "Leads", "", ""],
      ],
      /^Row 3 \("Leads"\), column "ID": ID "a" is already used in row 2\..*Fix:/,
      /^3行目（Leads）の「ID」列: ID「a」は 2 行目でも使われています。/,
    ],
    [
      "a cycle",
      [
        ["ID", "Name", "Parent", "Op"],
        ["r", "Root", "", "+"],
        ["a", "A", "b", "+"],
        ["b", "B", "a", "+"],
      ],
      /^Row 3 \("A"\), column "Parent": This row is its own ancestor/,
      /^3行目（A）の「親」列: 親をたどると自分自身に戻ります/,
    ],
    [
      "a row that is its own parent",
      [
        ["ID", "Name", "Parent", "Op"],
        ["a", "A", "a", "+"],
      ],
      /^Row 2 \("A"\), column "Parent": This row is its own ancestor/,
      /^2行目（A）の「親」列: /,
    ],
    [
      "a ratio without exactly two children",
      [
        ["Name", "Level", "Op"],
        ["CVR", 1, "÷"],
        ["Conversions", 2, ""],
        ["Sessions", 2, ""],
        ["Extra", 2, ""],
      ],
      /^Row 2 \("CVR"\), column "Op": A ratio \(÷\) needs exactly two children; this one has 3\./,
      /^2行目（CVR）の「計算」列: 割り算（÷）の子はちょうど 2 つ必要ですが、3 つあります。/,
    ],
    [
      "a parent without an operator",
      [
        ["Name", "Level", "Op"],
        ["Revenue", 1, ""],
        ["Deals", 2, ""],
      ],
      /^Row 2 \("Revenue"\), column "Op": This KPI has children but no operator\./,
      /^2行目（Revenue）の「計算」列: 子があるのに計算方法がありません。/,
    ],
    [
      "an unknown operator",
      [
        ["Name", "Level", "Op"],
        ["Revenue", 1, "plus-ish"],
        ["Deals", 2, ""],
      ],
      /^Row 2 \("Revenue"\), column "Op": "plus-ish" is not an operator\./,
      /「計算」列: 「plus-ish」は計算方法として読めません。/,
    ],
    [
      "a level that jumps",
      [
        ["Name", "Level", "Op"],
        ["Revenue", 1, "+"],
        ["Leads", 3, ""],
      ],
      /^Row 3 \("Leads"\), column "Level": The depth jumps from 1 to 3\. Fix: make this row level 2/,
      /^3行目（Leads）の「階層」列: 階層が 1 から 3 に飛んでいます。/,
    ],
    [
      "text that is not a number",
      [
        ["Name", "Level", "Op", "Target"],
        ["Revenue", 1, "", "lots"],
      ],
      /^Row 2 \("Revenue"\), column "Target": "lots" is not a number: it has no digits\. Fix: type the amount in digits/,
      /^2行目（Revenue）の「目標」列: 「lots」は数値として読めません（数字がありません）。 修正: /,
    ],
    [
      "no name column",
      [
        ["Foo", "Level", "Op"],
        ["x", 1, ""],
      ],
      /^Row 1: No name column was found/,
      /^1行目: 見出し行に名前の列が見つかりません。/,
    ],
    [
      "no hierarchy column",
      [
        ["Name", "Op"],
        ["x", ""],
      ],
      /^Row 1: The table does not say how the KPIs are nested\. Fix: add a "Parent" column/,
      /^1行目: KPI の親子関係を示す列がありません。/,
    ],
    [
      "two hierarchy forms at once",
      [
        ["Name", "Parent", "Level"],
        ["x", "", 1],
      ],
      /^Row 1: The hierarchy is given twice \(parent, level\)/,
      /^1行目: 親子関係が二通りに指定されています/,
    ],
    [
      "a row with values but no name",
      [
        ["Name", "Level", "Target"],
        ["A", 1, 5],
        ["", 2, 3],
      ],
      /^Row 3, column "Name": This row has values but no name\./,
      /^3行目の「指標名」列: 値があるのに名前がありません。/,
    ],
  ];

  const JA: Record<string, string> = {
    ID: "ID",
    Name: "指標名",
    Parent: "親",
    Op: "計算",
    Level: "階層",
    Target: "目標",
  };
  it.each(cases)("%s", (_, grid, english, japanese) => {
    expect(errorOf(grid).message).toMatch(english);
    const ja = [grid[0].map((h) => JA[h as string] ?? h), ...grid.slice(1)];
    expect(errorOf(ja).message).toMatch(japanese);
  });
});

describe("diagnose: every problem of a table in one reading", () => {
  const brief = (grid: unknown[][]) =>
    diagnose(grid).problems.map((p) => [p.severity, p.code, p.row, p.column, p.name]);

  it("lists each problem once, in reading order, with its row, column, severity and the first as readTree throws it", () => {
    const grid = [
      ["ID", "Name", "Parent", "Target", "Actual"],
      ["k", "Revenue", "", "1.2億", "abc"],
      ["o", "Orders", "k", "100件", ""],
      ["o", "Price", "k", "", ""],
      ["l", "Leads", "zz", "", ""],
      ["m", "", "o", "5", ""],
      ["r", "Rate", "o", "x%", ""],
    ];
    expect(brief(grid)).toEqual([
      ["error", "badNumber", 2, "Actual", "Revenue"],
      ["error", "missingName", 6, "Name", undefined],
      ["error", "badNumber", 7, "Target", "Rate"],
      ["error", "duplicateId", 4, "ID", "Price"],
      ["error", "unknownParent", 5, "Parent", "Leads"],
      // No Op column: both parents are reported, in tree order (the second "o" is not a parent).
      ["error", "missingOp", 2, "Op", "Revenue"],
      ["error", "missingOp", 3, "Op", "Orders"],
    ]);
    const { problems } = diagnose(grid);
    expect(problems[0].message).toBe(errorOf(grid).message);
    expect(problems[0].message).toMatch(/^Row 2 \("Revenue"\), column "Actual": "abc" is not a number.*Fix: /);
    expect(problems[2].message).toMatch(/^Row 7 \("Rate"\), column "Target": "x%"/);
  });

  it("still gives the tree: a missing operator reads as a scorecard, an unknown one is not reported twice", () => {
    const { tree, problems } = diagnose([
      ["指標名", "階層", "計算", "目標"],
      ["売上", 1, "かける", 100],
      ["客数", 2, "", 10],
      ["単価", 2, "", 10],
      ["利益", 1, "", ""],
      ["費用", 2, "", ""],
    ]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ["unknownOp", 2, "計算"],
      ["missingOp", 5, "計算"],
    ]);
    expect(problems[1].message).toMatch(/^5行目（利益）の「計算」列: 子があるのに計算方法がありません。 修正: /);
    expect(tree?.roots.map((r) => tree.nodes[r].name)).toEqual(["売上", "利益"]);
    expect(tree?.nodes.map((n) => n.op)).toEqual(["none", null, null, "none", null]);
  });

  it("reports one error per parent loop and cuts it, so every row is in the tree", () => {
    const grid = [
      ["ID", "Name", "Parent", "Op"],
      ["a", "A", "b", "+"],
      ["b", "B", "a", "+"],
      ["c", "C", "a", ""],
      ["d", "D", "e", "+"],
      ["e", "E", "d", "+"],
      ["f", "F", "f", ""],
    ];
    expect(brief(grid)).toEqual([
      ["error", "cycle", 7, "Parent", "F"],
      ["error", "cycle", 2, "Parent", "A"],
      ["error", "cycle", 5, "Parent", "D"],
    ]);
    const tree = diagnose(grid).tree;
    expect(tree?.order.length).toBe(6);
    // readTree throws the first the old reader met: the row that is its own parent while linking.
    expect(errorOf(grid).message).toMatch(/^Row 7 \("F"\)/);
  });

  it("stops at the header when the header cannot be read, with the one error that explains it", () => {
    expect(
      diagnose([
        ["Memo", "Other"],
        ["x", "y"],
      ]),
    ).toMatchObject({ tree: null, problems: [{ code: "noNameColumn", row: 1 }] });
    expect(diagnose([])).toMatchObject({ tree: null, problems: [{ code: "emptyRange" }] });
  });

  it("skips a row whose level cannot be read, and goes on with the others", () => {
    expect(
      brief([
        ["Name", "Level", "Op"],
        ["Root", 1, "+"],
        ["A", "two", ""],
        ["B", 2, ""],
        ["C", 4, ""],
      ]),
    ).toEqual([
      ["error", "badLevel", 3, "Level", "A"],
      ["error", "levelJump", 5, "Level", "C"],
      // C still hangs under B, as it will once its level is fixed: B then needs an operator.
      ["error", "missingOp", 4, "Op", "B"],
    ]);
  });
});

describe("readTree: outline errors count columns from 1", () => {
  it("reports a jump from column 1 to column 3", () => {
    expect(() =>
      readTree([
        ["KGI", "KPI1", "KPI2", "Op"],
        ["Revenue", "", "", "+"],
        ["", "", "Leads", ""],
      ]),
    ).toThrow(/^Row 3 \("Leads"\), column "KGI": The depth jumps from 1 to 3\./);
  });
});

describe("readTree: units", () => {
  it("takes a KPI's unit from its values when there is no Unit column", () => {
    const tree = readTree([
      ["Name", "Level", "Op", "Target", "Actual"],
      ["Revenue", 1, "×", "¥5,000万", ""],
      ["CVR", 2, "", "3%", ""],
      ["Visitors", 2, "", "200,000人", ""],
    ]);
    expect(tree.nodes.map((n) => n.unit)).toEqual(["円", "%", "人"]);
  });
});

describe("unitsFromFormats", () => {
  it("takes % and ¥ from the number formats Sheets keeps them in, leaving stated units alone", () => {
    const grid = [
      ["Name", "Level", "Op", "Target", "Actual", "Unit"],
      ["Revenue", 1, "×", 50_000_000, "", ""],
      ["CVR", 2, "", 0.03, "", ""],
      ["Visitors", 2, "", 200_000, "", "人"],
      ["Order value", 2, "", 8000, "", ""],
    ];
    const formats = [
      ["", "", "", "", "", ""],
      ["", "", "", '"¥"#,##0', "", ""],
      ["", "", "", "0.0%", "", ""],
      ["", "", "", "0.0%", "", ""],
      ["", "", "", '#,##0"件"', "", ""],
    ];
    const tree = readTree(grid);
    unitsFromFormats(tree, grid[0], formats);
    expect(tree.nodes.map((n) => n.unit)).toEqual(["円", "%", "人", ""]);
  });
});

describe("findHeaderRow", () => {
  it("finds the header under a title and blank rows, or says row 0", () => {
    expect(
      findHeaderRow([
        ["2026年度 営業KPI", "", ""],
        ["", "", ""],
        ["指標名", "親", "目標"],
        ["売上", "", 100],
      ]),
    ).toBe(2);
    expect(findHeaderRow([["", "KGI", "KPI1", "Target"]])).toBe(0);
    expect(findHeaderRow([["Title"], ["KGI", "KPI1", "Target"]])).toBe(1);
    expect(findHeaderRow([["nothing"], ["here"]])).toBe(0);
  });
});
