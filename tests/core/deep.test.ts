// Iterative algorithms: a 10,000-level chain (every form) and a 1,000,000-level one (by ID) must not overflow the stack.
import { describe, expect, it } from "vitest";
import { KPI_CHECK, KPI_REQUIRED, KPI_ROLLUP } from "../../src/functions/customFunctions";

const DEPTH = 10_000;

function chain(form: "parent" | "level"): unknown[][] {
  const rows: unknown[][] = [
    form === "parent"
      ? ["ID", "Name", "Parent", "Op", "Target", "Actual"]
      : ["Name", "Level", "Op", "Target", "Actual"],
  ];
  for (let d = 1; d <= DEPTH; d++) {
    const tail = [d < DEPTH ? "×" : "", d === 1 ? 1000 : "", d === DEPTH ? 7 : ""];
    rows.push(form === "parent" ? [d, `L${d}`, d > 1 ? d - 1 : "", ...tail] : [`L${d}`, d, ...tail]);
  }
  return rows;
}

describe.each(["parent", "level"] as const)("a %s chain of 10,000 levels", (form) => {
  it("rolls up, solves required and checks without recursion", () => {
    const grid = chain(form);
    expect((KPI_ROLLUP(grid) as unknown[][])[0][0]).toBe(7);
    expect((KPI_REQUIRED(grid) as unknown[][])[DEPTH - 1][0]).toBe(1000);
    expect((KPI_CHECK(grid) as unknown[][])[0][0]).toMatch(/children give 7 /);
  });
});

describe("a chain of 1,000,000 levels by ID", () => {
  const n = 1_000_000;
  const chain = (id: (d: number) => string): unknown[][] => {
    const rows: unknown[][] = [["ID", "Name", "Parent", "Op", "Target", "Actual"]];
    for (let d = 1; d <= n; d++)
      rows.push([id(d), `L${d}`, d > 1 ? id(d - 1) : "", d < n ? "+" : "", d === 1 ? 1000 : "", d === n ? 7 : ""]);
    return rows;
  };
  // K1, K2 … are linked without an index; K1 … K9, K01, K11 … K91, K02 (digits backwards: out of order) through it.
  it("is linked and rolled up without recursion, its IDs in order", () => {
    expect((KPI_ROLLUP(chain((d) => `K${d}`)) as unknown[][])[0][0]).toBe(7);
  }, 60_000);
  it("is linked and solved without recursion, its IDs out of order", () => {
    expect((KPI_REQUIRED(chain((d) => `K${[...String(d)].reverse().join("")}`)) as unknown[][])[n - 1][0]).toBe(1000);
  }, 60_000);
});
