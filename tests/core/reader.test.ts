// The table reader, column by column: every header word it accepts, what each column gives a node, and the
// errors not covered in layout.test.ts, each written out.
import { describe, expect, it } from "vitest";
import { KpiError } from "../../src/core/errors";
import { diagnose, findHeaderRow, outlineColumns, readTree } from "../../src/core/layout";
import type { Field } from "../../src/core/tree";
import { HEADER } from "../../src/core/words";

const DEADLINE = new Date(Date.UTC(2026, 2, 31));
const COLUMNS: Field[] = [
  "id",
  "name",
  "parent",
  "op",
  "target",
  "actual",
  "unit",
  "direction",
  "owner",
  "deadline",
  "ksf",
];
const ROWS = [
  ["r", "Revenue", "", "×", "1億", "", "", "", "Sato", DEADLINE, "yes"],
  ["p", "Price", "r", "", 5000, 4000, "", "lower", "", "", ""],
  ["c", "Customers", "r", "", "2万人", "", "社", "", "Ito", "", "no"],
];
/** What the table above reads as, whatever words head its columns. */
const EXPECTED = [
  {
    id: "r",
    name: "Revenue",
    parent: -1,
    op: "product",
    target: 100_000_000,
    actual: null,
    unit: "",
    direction: "higher",
    owner: "Sato",
    deadline: DEADLINE,
    ksf: true,
  },
  {
    id: "p",
    name: "Price",
    parent: 0,
    op: null,
    target: 5000,
    actual: 4000,
    unit: "",
    direction: "lower",
    owner: "",
    deadline: "",
    ksf: false,
  },
  {
    id: "c",
    name: "Customers",
    parent: 0,
    op: null,
    target: 20000,
    actual: null,
    unit: "社",
    direction: "higher",
    owner: "Ito",
    deadline: "",
    ksf: false,
  },
];

// Review and Updated are read by the review list (review.ts), not into the nodes: tests/core/review.test.ts.
// The Aggregation column and its words: tests/core/periods.test.ts.
const ALIASES: Record<Exclude<Field, "level" | "review" | "updated" | "aggregation">, string[]> = {
  name: ["name", "kpi", "kpi name", "metric", "指標", "指標名", "項目", "項目名", "kpi名", "KPI Name", "ＫＰＩ名"],
  id: ["id", "key", "no", "番号"],
  parent: ["parent", "parent id", "parent key", "親", "親id", "親指標", "親項目", "Parent_ID"],
  op: ["op", "operator", "operation", "formula", "演算", "計算", "計算式", "演算子"],
  target: ["target", "goal", "plan", "目標", "目標値", "計画"],
  actual: ["actual", "result", "actuals", "実績", "実績値"],
  unit: ["unit", "単位"],
  direction: ["direction", "better", "方向", "評価方向"],
  owner: ["owner", "担当", "担当者", "責任者"],
  deadline: ["deadline", "due", "due date", "期限", "期日"],
  ksf: ["ksf", "kfs", "csf", "focus", "重点", "重点管理", "重点項目"],
};

function read(field: Field, word: string) {
  const header = COLUMNS.map((f) => (f === field ? word : HEADER.en[f]));
  return readTree([header, ...ROWS]);
}

describe("every column, under every header word", () => {
  it.each(Object.keys(ALIASES) as (keyof typeof ALIASES)[])("%s", (field) => {
    for (const word of ALIASES[field]) {
      const tree = read(field, word);
      expect([word, tree.headers[field]]).toEqual([word, word]);
      const fields = Object.keys(EXPECTED[0]) as (keyof (typeof EXPECTED)[0])[];
      expect(tree.nodes.map((n) => Object.fromEntries(fields.map((f) => [f, n[f]])))).toEqual(EXPECTED);
    }
  });

  it("the level column under each of its words", () => {
    for (const word of ["level", "depth", "階層", "レベル", "深さ", "LEVEL"]) {
      const tree = readTree([
        ["Name", word, "Op"],
        ["A", 1, "+"],
        ["B", 2, ""],
        ["C", 2, ""],
      ]);
      expect([word, tree.form, tree.headers.level, tree.nodes.map((n) => n.parent)]).toEqual([
        word,
        "level",
        word,
        [-1, 0, 0],
      ]);
    }
  });

  it("reads the table's language from its header", () => {
    expect(read("name", "指標名").lang).toBe("ja");
    expect(read("name", "kpi").lang).toBe("en");
  });
});

describe("column values", () => {
  it("KSF: blank and no-words are false, any other mark is true", () => {
    const marks = [
      "",
      "false",
      "FALSE",
      "no",
      "n",
      "0",
      "×",
      "x",
      "-",
      "いいえ",
      false,
      "yes",
      "○",
      "1",
      "TRUE",
      true,
      "重点",
    ];
    const tree = readTree([["Name", "Level", "KSF"], ...marks.map((m, i) => [`K${i}`, 1, m])]);
    expect(tree.nodes.map((n) => n.ksf)).toEqual([...marks.map((_, i) => i > 10)]);
  });

  it("level numbers as numbers or text; 0-based or 1-based", () => {
    const tree = readTree([
      ["Name", "Level", "Op"],
      ["A", "Level 1", "+"],
      ["B", "第2階層", "+"],
      ["C", "３", ""],
      ["D", 2, ""],
    ]);
    expect(tree.nodes.map((n) => [n.parent, n.depth])).toEqual([
      [-1, 0],
      [0, 1],
      [1, 2],
      [0, 1],
    ]);
  });

  it("direction: the column, else the target's 以上/以下, else the actual's, else higher", () => {
    const tree = readTree([
      ["Name", "Level", "Target", "Actual", "Direction"],
      ["A", 1, "3%以下", "", "higher"],
      ["B", 1, "3%以上", "5%以下", ""],
      ["C", 1, "", "5%以下", ""],
      ["D", 1, 3, 5, ""],
    ]);
    expect(tree.nodes.map((n) => n.direction)).toEqual(["higher", "higher", "lower", "higher"]);
  });

  it("unit: the Unit column, else the target's, else the actual's", () => {
    const tree = readTree([
      ["Name", "Level", "Target", "Actual", "Unit"],
      ["A", 1, "3件", "4人", "社"],
      ["B", 1, "3件", "4人", ""],
      ["C", 1, "", "4人", ""],
    ]);
    expect(tree.nodes.map((n) => n.unit)).toEqual(["社", "件", "人"]);
  });

  it("depth and order: pre-order, children in row order, whatever order the rows come in", () => {
    const tree = readTree([
      ["ID", "Name", "Parent", "Op"],
      ["a1", "A1", "a", ""],
      ["b", "B", "r", ""],
      ["a", "A", "r", "+"],
      ["r", "Root", "", "+"],
    ]);
    expect(tree.order.map((i) => tree.nodes[i].name)).toEqual(["Root", "B", "A", "A1"]);
    expect(tree.nodes.map((n) => n.depth)).toEqual([2, 1, 1, 0]);
    expect(tree.roots).toEqual([3]);
  });
});

describe("outline headers", () => {
  it.each([
    ["KGI", "KPI1", "KPI2"],
    ["KGI", "KPI", "KPI"],
    ["Lv1", "Lv2", "Lv3"],
    ["Lv.1", "Lv.2", "Lv.3"],
    ["L1", "L2", "L3"],
    ["階層1", "階層2", "階層3"],
    ["1", "2", "3"],
    ["", "", ""],
  ])("%s %s %s", (...words) => {
    expect(outlineColumns([...words, "Op"])).toEqual([0, 1, 2]);
    const tree = readTree([
      [...words, "Op"],
      ["Revenue", "", "", "×"],
      ["", "Deals", "", "+"],
      ["", "", "x", ""],
    ]);
    expect(tree.nodes.map((n) => [n.name, n.depth])).toEqual([
      ["Revenue", 0],
      ["Deals", 1],
      ["x", 2],
    ]);
  });

  it("needs two columns in a run at the left; a lone KPI column is the name column", () => {
    expect(outlineColumns(["KPI", "Parent", "Op"])).toEqual([]);
    expect(outlineColumns(["Name", "KGI", "KPI1"])).toEqual([]);
    expect(outlineColumns(["KGI", "KPI1", "Op", "KPI2"])).toEqual([0, 1]);
    const tree = readTree([
      ["KPI", "Parent", "Op"],
      ["A", "", "+"],
      ["B", "A", ""],
    ]);
    expect([tree.form, tree.headers.name, tree.nodes[1].parent]).toEqual(["parent", "KPI", 0]);
  });
});

describe("findHeaderRow", () => {
  it("looks at the first 20 rows only, and needs a name (or outline) column and one more", () => {
    const header = ["Name", "Target"];
    const below = (n: number) => [...Array.from({ length: n }, () => ["", ""]), header];
    expect(findHeaderRow(below(19))).toBe(19);
    expect(findHeaderRow(below(20))).toBe(0);
    expect(findHeaderRow(below(20), 21)).toBe(20);
    expect(findHeaderRow([["x"], ["Name", "Memo"], ["Name", "Level"]])).toBe(2);
    expect(findHeaderRow([["x"], ["KGI", "KPI1"], ["KGI", "KPI1", "Op"]])).toBe(2);
  });
});

function message(grid: unknown[][]): string {
  try {
    readTree(grid);
  } catch (e) {
    expect(e).toBeInstanceOf(KpiError);
    return (e as KpiError).message;
  }
  throw new Error("expected the table to be refused");
}

describe("refused tables, each with its message", () => {
  it("a parent name that two rows share, when there is no ID column", () => {
    const grid = [
      ["Name", "Parent", "Op"],
      ["A", "", "+"],
      ["A", "", "+"],
      ["x", "A", ""],
    ];
    expect(message(grid)).toBe(
      'Row 4 ("x"), column "Parent": The parent "A" matches more than one row (rows 2, 3). Fix: add an "ID" column and refer to parents by ID.',
    );
  });

  it("a level that is not a whole number", () => {
    for (const level of ["abc", 1.5, -1, "-1", ""]) {
      expect(
        message([
          ["Name", "Level"],
          ["A", level],
        ]),
      ).toMatch(
        new RegExp(`^Row 2 \\("A"\\), column "Level": "${level}" is not a level number\\. Fix: use whole numbers`),
      );
    }
    expect(
      message([
        ["指標名", "階層"],
        ["A", "x"],
      ]),
    ).toMatch(/^2行目（A）の「階層」列: 「x」は階層の番号として読めません。/);
  });

  it("a direction that is not one", () => {
    expect(
      message([
        ["Name", "Level", "Direction"],
        ["A", 1, "sideways"],
      ]),
    ).toBe(
      'Row 2 ("A"), column "Direction": "sideways" is not a direction. Fix: enter higher (bigger is better) or lower (smaller is better).',
    );
    expect(
      message([
        ["Name", "Level", "Direction"],
        ["A", 1, 5],
      ]),
    ).toMatch(/"5" is not a direction/);
  });

  it("two names in one outline row", () => {
    expect(
      message([
        ["KGI", "KPI1", "Op"],
        ["A", "B", ""],
      ]),
    ).toBe('Row 2: Names appear in two outline columns ("A" and "B"). Fix: keep one name per row.');
  });

  it("an outline row with values but no name names the first outline column", () => {
    expect(
      message([
        ["KGI", "KPI1", "Target"],
        ["A", "", 1],
        ["", "", 2],
      ]),
    ).toBe('Row 3, column "KGI": This row has values but no name. Fix: type the KPI\'s name, or clear the row.');
  });

  it("outline names and a Name column at once", () => {
    expect(
      message([
        ["KGI", "KPI1", "Name"],
        ["A", "", "x"],
      ]),
    ).toMatch(/^Row 1: The hierarchy is given twice \(outline, Name \+ outline\)\./);
  });

  it("a first row below the top level", () => {
    expect(
      message([
        ["Name", "Level", "Op"],
        ["A", 2, "+"],
        ["B", 1, "+"],
        ["C", 2, ""],
      ]),
    ).toBe(
      'Row 2 ("A"), column "Level": No row above has a smaller level than 2, so this row has no parent. Fix: put the KGI (the smallest level) first.',
    );
    expect(
      message([
        ["KGI", "KPI1", "Op"],
        ["", "A", "+"],
        ["B", "", ""],
      ]),
    ).toMatch(/^Row 2 \("A"\), column "KGI": No row above has a smaller level than 2,/);
  });

  it("an empty range or header", () => {
    expect(
      message([
        ["", ""],
        ["A", 1],
      ]),
    ).toBe("The range is empty. Fix: select the whole table, header row included.");
    expect(message([])).toMatch(/^The range is empty\./);
  });

  it("a ratio with one child, and an operator missing under a Japanese header", () => {
    expect(
      message([
        ["Name", "Level", "Op"],
        ["CVR", 1, "÷"],
        ["A", 2, ""],
      ]),
    ).toMatch(/this one has 1\./);
    expect(
      message([
        ["指標名", "階層"],
        ["A", 1],
        ["B", 2],
      ]),
    ).toMatch(/^2行目（A）の「計算」列: 子があるのに計算方法がありません。/);
  });
});

describe("reader details the mutation run found unpinned", () => {
  it("no header word reads as an outline header, so a lone KPI column at the left is always the name column", () => {
    const words = [...Object.values(HEADER.ja), ...Object.values(HEADER.en), ...Object.values(ALIASES).flat()];
    for (const word of [...words, "level", "depth", "レベル", "深さ"])
      expect([word, outlineColumns([word, word])]).toEqual([word, []]);
  });

  it("outline columns left blank beside a Name column: the table is read by its Parent column", () => {
    const tree = readTree([
      ["KGI", "KPI1", "Name", "Parent", "Op"],
      ["", "", "A", "", "+"],
      ["", "", "B", "A", ""],
    ]);
    expect([tree.form, tree.nodes.map((n) => [n.name, n.parent])]).toEqual([
      "parent",
      [
        ["A", -1],
        ["B", 0],
      ],
    ]);
  });

  it("an outline row with two names keeps the first, at its depth", () => {
    const { tree, problems } = diagnose([
      ["KGI", "KPI1", "KPI2", "Op"],
      ["A", "", "", "+"],
      ["", "B", "C", ""],
    ]);
    expect(problems.map((p) => [p.code, p.row])).toEqual([["twoOutlineNames", 3]]);
    expect(tree?.nodes.map((n) => [n.name, n.depth, n.parent])).toEqual([
      ["A", 0, -1],
      ["B", 1, 0],
    ]);
  });

  it("a number cell that is not finite is refused, never read as a value", () => {
    const { tree, problems } = diagnose([
      ["Name", "Level", "Target", "Actual"],
      ["A", 1, Number.POSITIVE_INFINITY, Number.NaN],
    ]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ["badNumber", 2, "Target"],
      ["badNumber", 2, "Actual"],
    ]);
    expect(problems[0].message).toBe(
      'Row 2 ("A"), column "Target": "Infinity" is not a number: it is too large to calculate with. Fix: enter a value below 1.7e308 (or a smaller unit); or enter a number such as 1,000, 20%, ¥2,000万 or 3%以下, or leave it blank.',
    );
    expect(tree?.nodes.map((n) => [n.target, n.actual])).toEqual([[null, null]]);
  });

  it("rows with a blank ID are not duplicates of each other", () => {
    const tree = readTree([
      ["ID", "Name", "Parent", "Op"],
      ["r", "R", "", "+"],
      ["", "A", "r", ""],
      ["", "B", "r", ""],
    ]);
    expect(tree.nodes.map((n) => n.parent)).toEqual([-1, 0, 0]);
  });

  it("a parent name three rows share lists all three", () => {
    expect(
      message([
        ["Name", "Parent", "Op"],
        ["A", "", "+"],
        ["A", "", "+"],
        ["A", "", ""],
        ["x", "A", ""],
      ]),
    ).toMatch(/^Row 5 \("x"\), column "Parent": The parent "A" matches more than one row \(rows 2, 3, 4\)\./);
  });

  it("a level written as text must be a whole number without a sign", () => {
    const { tree, problems } = diagnose([
      ["Name", "Level"],
      ["A", "1.5"],
      ["B", "- 1"],
      ["C", "▲2"],
      ["D", "Lv 0"],
    ]);
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ["badLevel", 2],
      ["badLevel", 3],
      ["badLevel", 4],
    ]);
    expect(tree?.nodes.map((n) => [n.name, n.depth])).toEqual([["D", 0]]);
  });
});
