// Required values as the built bundle writes them: a count of people or things is what the KPI must
// reach, so KPI_REQUIRED and KPI_TREE give whole ones (rounded up, down for lower-is-better) and yen to
// the yen; rates keep their decimals. The sheet's number format then shows what the sidebar says.
import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/core/format";
import { loadDist } from "../helpers/dist";

const scope = loadDist();
// Revenue ¥1,000,000 = orders (120) × price (¥8,000); orders = meetings (250) × close rate (48%). Holding the
// others at plan: orders 1,000,000 ÷ 8,000 = 125, price 1,000,000 ÷ 120 = 8,333.33, meetings 125 ÷ 48% =
// 260.42, close rate 125 ÷ 250 = 50%.
const GRID = [
  ["Name", "Parent", "Op", "Target", "Unit", "Direction"],
  ["Revenue", "", "×", 1_000_000, "円", ""],
  ["Orders", "Revenue", "×", 120, "件", ""],
  ["Meetings", "Orders", "", 250, "件", ""],
  ["Close rate", "Orders", "", 0.48, "%", ""],
  ["Price", "Revenue", "", 8000, "円", ""],
];

describe("required values in the built bundle", () => {
  it("KPI_REQUIRED: counts up to whole ones, yen to the yen, rates exact", () => {
    const [, orders, meetings, rate, price] = (scope.KPI_REQUIRED(GRID) as number[][]).map((r) => r[0]);
    expect([orders, meetings, price]).toEqual([125, 261, 8334]);
    expect(rate).toBeCloseTo(0.5, 12);
    expect(formatValue(price, "円", "ja", { purpose: "requirement" })).toBe("8,334円");
    expect(formatValue(meetings, "件", "ja", { purpose: "requirement" })).toBe("261件");
  });

  it("KPI_TREE's required column agrees, and a lower-is-better count rounds down", () => {
    expect((scope.KPI_TREE(GRID) as unknown[][]).map((r) => r[1])).toEqual([1_000_000, 125, 261, 0.5, 8334]);
    const grid = GRID.map((r) => [...r]);
    grid[3][5] = "lower";
    expect((scope.KPI_TREE(grid) as unknown[][])[2][1]).toBe(260);
    expect(formatValue(260.42, "件", "en", { purpose: "requirement", direction: "lower" })).toBe("260件");
  });
});
