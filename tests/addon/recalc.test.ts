// What one recalculation of a written tree costs in Sheets, where each custom
// function call is a script execution of its own: the add-on writes one
// KPI_TREE call, so an edit runs one execution instead of one per column.
import { describe, expect, it } from "vitest";
import { templateDraft } from "../../src/core/templates";
import { FUNCTION_HEADERS, HEADER } from "../../src/core/words";
import { addon } from "./helpers";

describe("one recalculation of a written tree", () => {
  it("is one custom-function execution with KPI_TREE, four with the single-purpose columns", () => {
    const s = addon();
    const { sheetName } = s.run("writeTree", templateDraft("b2b", "en")) as { sheetName: string };
    const head = s.values(sheetName, "A1:Z1")[0];
    const [rollupHeader, , rateHeader, statusHeader] = FUNCTION_HEADERS.en;
    const letter = (name: string) => String.fromCharCode(65 + head.indexOf(name));
    const actual = `${letter(HEADER.en.actual)}4`;
    const rollup = letter(rollupHeader);
    const edit = (value: string) => {
      s.functionRuns.clear();
      s.type(sheetName, actual, value);
      return Object.fromEntries(s.functionRuns);
    };
    expect(edit("420")).toEqual({ KPI_TREE: 1 });
    expect(s.values(sheetName, `${rollup}4`)[0][0]).toBe(420);

    // The same table with the four single-purpose formulas the add-on wrote before KPI_TREE.
    const [status, rate] = [letter(statusHeader), letter(rateHeader)];
    const last = s.values(sheetName, "A1:A30").filter((r) => r[0] !== "").length;
    const col = (l: string) => `${l}2:${l}${last}`;
    const table = `A1:${String.fromCharCode(64 + head.indexOf(rollupHeader))}${last}`;
    const target = col(letter(HEADER.en.target));
    const direction = col(letter(HEADER.en.direction));
    s.type(sheetName, `${rollup}2`, "");
    for (const [cell, formula] of [
      [`${rollup}2`, `=KPI_ROLLUP(${table})`],
      [`${String.fromCharCode(rollup.charCodeAt(0) + 1)}2`, `=KPI_REQUIRED(${table})`],
      [`${rate}2`, `=KPI_ACHIEVEMENT(${col(rollup)},${target},${direction})`],
      [`${status}2`, `=KPI_STATUS(${col(rollup)},${target},${direction})`],
    ])
      s.type(sheetName, cell, formula);
    expect(s.values(sheetName, `${rollup}4`)[0][0]).toBe(420);
    const runs = edit("430");
    expect(Object.values(runs).reduce((a, b) => a + b, 0)).toBe(4);
    expect(Object.keys(runs).sort()).toEqual(["KPI_ACHIEVEMENT", "KPI_REQUIRED", "KPI_ROLLUP", "KPI_STATUS"]);
  });
});
