// Iterative algorithms: a 10,000-level chain must not overflow the stack.
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
