// KPI_TREE's year to date on an actual-only period table: the target to date is the annual target × the
// share of the year elapsed, and a product too large for a number is refused with its row, never Infinity.
import { describe, expect, it } from "vitest";
import { loadDist } from "../helpers/dist";

const scope = loadDist();
const GRID = [
  ["Name", "Parent", "Op", "Target", "Unit", "Apr 2026", "May 2026"],
  ["Sales", "", "+", 1200, "件", null, null],
  ["New", "Sales", "", 800, "件", 60, 70],
  ["Existing", "Sales", "", 400, "件", 30, 40],
];

describe("KPI_TREE with total and share", () => {
  it("scales the annual targets by the share and judges the actuals to date against them", () => {
    const rows = scope.KPI_TREE(GRID, [[1, 0.8]], "en", "May 2026", 0.25) as unknown[][];
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      [200, 300],
      [130, 200],
      [70, 100],
    ]);
    expect(rows.map((r) => r[3])).toEqual(["Off track", "Off track", "Off track"]);
  });

  it("refuses a target to date too large for a number, naming the KPI's row", () => {
    expect(() => scope.KPI_TREE(GRID, [[1, 0.8]], "en", "May 2026", 1e307)).toThrow(/Row 2: The result is too large/);
  });
});
