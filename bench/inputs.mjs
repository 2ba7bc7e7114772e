// Inputs of the benchmark. `defineInputs` is self-contained (no outside
// references) because the harness runs its source inside each contender's vm
// context: every contender builds its input in the context that uses it, so
// no object crosses from one realm to another.

/* c8 ignore start */
export function defineInputs() {
  /**
   * Tree shapes, all numbered in row order with each node's children in one
   * contiguous block of rows (so native formulas can use ranges):
   * balanced = 4 children per node; wide = one parent over every other row; chain = one child each.
   */
  const SHAPES = {
    balanced: {
      parent: (i) => (i - 1) >> 2,
      children: (i, n) => (4 * i + 1 < n ? [4 * i + 1, Math.min(4 * i + 4, n - 1)] : null),
    },
    wide: { parent: () => 0, children: (i, n) => (i === 0 && n > 1 ? [1, n - 1] : null) },
    chain: { parent: (i) => i - 1, children: (i, n) => (i + 1 < n ? [i + 1, i + 1] : null) },
  };

  /** Which operator node i has (null on a leaf): products only just above the leaves, so values stay finite. */
  function opOf(shape, i, n) {
    const kids = SHAPES[shape].children(i, n);
    if (!kids) return null;
    if (shape === "wide") return "+";
    if (shape === "chain") return ["+", "avg", "×"][i % 3];
    return SHAPES.balanced.children(kids[0], n) ? (i % 2 ? "+" : "avg") : "×";
  }

  /** 1,0xx件: how Japanese sheets type counts. */
  const asText = (v) => `${Math.floor(v / 1000)},${String(v % 1000).padStart(3, "0")}件`;
  const targetOf = (i) => 1000 + (i % 70);
  const actualOf = (i) => 1000 + (i % 50);
  /** A quarter of the leaves' actuals and another quarter's targets are typed as text. */
  const actualIsText = (i) => i % 4 === 0;
  const targetIsText = (i) => i % 4 === 1;
  const ROOT_TARGET = 1_000_000;
  const HEADER = ["ID", "Name", "Parent", "Op", "Target", "Actual", "Unit"];

  /** The KPI table of n nodes: ID, Name, Parent, Op, Target, Actual, Unit; numbers and text such as 1,001件. */
  function table(n, shape) {
    const rows = [HEADER.slice()];
    for (let i = 0; i < n; i++) {
      const op = opOf(shape, i, n);
      const leaf = op === null;
      const target = leaf ? (targetIsText(i) ? asText(targetOf(i)) : targetOf(i)) : i === 0 ? ROOT_TARGET : "";
      const actual = leaf ? (actualIsText(i) ? asText(actualOf(i)) : actualOf(i)) : "";
      rows.push([`k${i}`, `指標 ${i}`, i ? `k${SHAPES[shape].parent(i)}` : "", op ?? "", target, actual, "件"]);
    }
    return rows;
  }

  const FN = { "+": "SUM", avg: "AVERAGE", "×": "PRODUCT" };
  const col = (letter, i) => `${letter}${i + 2}`;
  /** A leaf value as a native formula: the number, or the text read with VALUE(SUBSTITUTE(…)). */
  const leafValue = (letter, i, isText) =>
    isText(i) ? `=VALUE(SUBSTITUTE(SUBSTITUTE(${col(letter, i)},",",""),"件",""))` : `=${col(letter, i)}`;

  /**
   * The same table with the same outputs written as native per-row formulas, the
   * way a spreadsheet engine computes them: H = rolled-up actual; with
   * `required`, also I = rolled-up target (each KPI's plan), J = its children's
   * plans combined, K = required value (sum: R − others; avg: n·R − others;
   * product: R ÷ others). Header row included; A1 notation.
   */
  function nativeSheet(n, shape, required) {
    const rows = table(n, shape);
    for (let i = 0; i < n; i++) {
      const op = opOf(shape, i, n);
      const kids = SHAPES[shape].children(i, n);
      const range = (letter) => `${FN[op]}(${col(letter, kids[0])}:${col(letter, kids[1])})`;
      const row = rows[i + 1];
      row.push(op ? `=${range("H")}` : leafValue("F", i, actualIsText));
      if (!required) continue;
      row.push(op ? `=${range("I")}` : leafValue("E", i, targetIsText));
      row.push(op ? `=${op === "×" ? "PRODUCT" : "SUM"}(${col("I", kids[0])}:${col("I", kids[1])})` : "");
      if (i === 0) {
        row.push(`=${col("E", 0)}`);
        continue;
      }
      const p = SHAPES[shape].parent(i);
      const pop = opOf(shape, p, n);
      const pk = SHAPES[shape].children(p, n);
      const others = pop === "×" ? `(${col("J", p)}/${col("I", i)})` : `(${col("J", p)}-${col("I", i)})`;
      const need = pop === "avg" ? `${col("K", p)}*${pk[1] - pk[0] + 1}` : col("K", p);
      row.push(`=${need}${pop === "×" ? "/" : "-"}${others}`);
    }
    rows[0].push("Rollup", ...(required ? ["Plan", "Children plan", "Required"] : []));
    return rows;
  }

  /** The floor: a plain loop that reads every cell of the table once. */
  function scan(grid) {
    let filled = 0;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== "" && v !== null) filled++;
      }
    }
    return filled;
  }

  const STATUS = ["Achieved", "At risk", "Off track"];

  /**
   * A result as large as KPI_TREE's for n KPIs and made of the same kinds of
   * values, computed from nothing: per row an actual with a fraction, a whole
   * required value, a rate and a status word. What returning the 2-D block
   * Sheets needs costs by itself, without reading anything.
   */
  function result(n) {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [actualOf(i) + 0.5, targetOf(i), (i % 97) / 97, STATUS[i % 3]];
    return out;
  }

  /** Row (0-based, header = 0) and new value for the edit case: the last leaf's actual. */
  function editedLeaf(n, round) {
    return { row: n, col: 5, value: 900 + (round % 100) };
  }

  return { SHAPES, opOf, table, nativeSheet, scan, result, editedLeaf };
}
/* c8 ignore stop */
