// The reader's shortcuts give the answers of the plain reading: keys (IDs, else names) in ascending order
// (K1, K2 … K10) are unique without an index, and each parent is looked for at the row after the last one met;
// the index is built only where either is not so. Each case is read both ways (the same table with its keys
// renamed so they are out of order), and the cases where the shortcut gives up halfway are written out.
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/core/layout";
import { cellText, isBlank } from "../../src/core/text";
import { randomTable } from "../helpers/randomTables";

type Grid = unknown[][];

/** What a reading gives, its names and IDs read back through `back` so that two namings compare equal. */
function reading(grid: Grid, back: (key: string) => string = (k) => k) {
  const { tree, problems } = diagnose(grid);
  return {
    nodes: tree?.nodes.map((n) => [back(n.name), n.parent, n.depth, n.op, n.target, n.actual, n.unit, back(n.id)]),
    order: tree?.order,
    problems: problems.map((p) => [p.code, p.row, p.column]),
  };
}

/** `grid` with each text of `columns` mapped through `to`. */
const mapped = (grid: Grid, columns: number[], to: (text: string) => string): Grid =>
  grid.map((row, r) => row.map((cell, c) => (r > 0 && columns.includes(c) && cell !== "" ? to(String(cell)) : cell)));

/** The ID table `rows` ([id, name, parent] each) with its header. */
const idTable = (rows: string[][]): Grid => [
  ["ID", "Name", "Parent", "Op", "Actual"],
  ...rows.map(([id, name, parent], k) => [id, name, parent, "+", k + 1]),
];

describe("keys in ascending order need no index", () => {
  it("random ID and name tables read alike with keys in row order (K1, K2 … K10) and out of order", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { grid, kind } = randomTable(seed, 40);
      const columns = kind.startsWith("id") ? [0, 2] : kind.startsWith("name") ? [0, 1] : [];
      if (!columns.length) continue;
      // Keys numbered by the row they are first met on: in order (K1, K2 … K10) and backwards (Z9999, Z9998 …).
      const keys = [...new Set(grid.slice(1).map((row) => String(row[columns[0]])))].filter((k) => k !== "");
      const named = (name: (n: number) => string) => {
        const to = new Map(keys.map((k, n) => [k, name(n)]));
        const from = new Map(keys.map((k, n) => [name(n), k]));
        return { grid: mapped(grid, columns, (k) => to.get(k) ?? k), back: (k: string) => from.get(k) ?? k };
      };
      const inOrder = named((n) => `K${n + 1}`);
      const backwards = named((n) => `Z${9999 - n}`);
      expect(reading(backwards.grid, backwards.back), `seed ${seed} (${kind})`).toEqual(
        reading(inOrder.grid, inOrder.back),
      );
    }
  });

  it("a parent below its child, or missing, is still found or reported", () => {
    const grid = idTable([
      ["K1", "A", "K3"],
      ["K2", "B", "K9"],
      ["K3", "Root", ""],
    ]);
    expect(reading(grid).nodes?.map((n) => n[1])).toEqual([2, -1, -1]);
    expect(reading(grid).problems).toEqual([["unknownParent", 3, "Parent"]]);
  });

  it("a repeated ID breaks the order and is reported, however the rest is ordered", () => {
    for (const ids of [
      ["K1", "K2", "K2", "K3"],
      ["K1", "K2", "K10", "K2"],
      ["K1", "K1"],
    ]) {
      const grid = idTable(ids.map((id, k) => [id, `N${k}`, k ? "K1" : ""]));
      expect(reading(grid).problems.filter((p) => p[0] === "duplicateId").length, ids.join(",")).toBe(1);
    }
  });

  it("keys that share a name with no ID column are ambiguous, met before the order breaks or after", () => {
    for (const [rows, row] of [
      [
        [
          ["A", "", "+"],
          ["A", "", "+"],
          ["B", "A", ""],
        ],
        4,
      ],
      [
        [
          ["A1", "", "+"],
          ["A2", "A1", "+"],
          ["A1", "", ""],
        ],
        3,
      ],
    ] as [string[][], number][]) {
      const { tree, problems } = diagnose([["Name", "Parent", "Op"], ...rows]);
      expect(problems.map((p) => [p.code, p.row])).toEqual([["ambiguousParent", row]]);
      expect(tree?.nodes.map((n) => n.parent)).toEqual([-1, -1, -1]);
    }
  });

  it("a row that is its own parent is a loop, with its ID in order", () => {
    for (const [rows, row] of [
      [
        [
          ["K1", "Root", ""],
          ["K2", "A", "K2"],
        ],
        3,
      ],
      [
        [
          ["K1", "A", "K1"],
          ["K2", "Root", ""],
          ["K3", "B", "K2"],
        ],
        2,
      ],
    ] as [string[][], number][])
      expect(reading(idTable(rows)).problems).toEqual([["cycle", row, "Parent"]]);
  });

  it("blank keys are skipped by the order, as by the index", () => {
    const grid = idTable([
      ["K1", "Root", ""],
      ["", "A", "K1"],
      ["K2", "B", "K1"],
      ["", "C", "K2"],
    ]);
    expect(reading(grid).nodes?.map((n) => n[1])).toEqual([-1, 0, 0, 2]);
    expect(reading(grid).problems).toEqual([]);
  });
});

describe("units repeated from the row above (unitCode looks at the last unit first)", () => {
  it("are the same unit; a blank unit cell still takes the value's unit", () => {
    const { nodes } = reading([
      ["Name", "Level", "Target", "Unit"],
      ["Z", 1, 3, ""],
      ["Y", 1, "20%", ""],
      ["A", 1, "20%", "件"],
      ["B", 2, "20%", "件"],
      ["C", 2, "20%", ""],
      ["D", 2, 3, " 件"],
      ["E", 2, 3, 5],
      ["F", 2, 3, 5],
      ["G", 2, "3人", ""],
    ]);
    expect(nodes?.map((n) => n[6])).toEqual(["", "%", "件", "件", "%", "件", "5", "5", "人"]);
  });
});

describe("an empty text", () => {
  it("is blank and its own text, trimmed or not", () => {
    expect([cellText(""), isBlank(""), cellText(" "), isBlank("\u3000")]).toEqual(["", true, "", true]);
  });
});
