// What one recalculation of a written tree costs in Sheets, where each custom
// function call is a script execution of its own: the add-on writes one
// KPI_TREE call, so an edit runs one execution instead of one per column.

import { describe, expect, it } from "vitest";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { DEFAULT_THRESHOLDS } from "../../src/core/status";
import { templateDraft } from "../../src/core/templates";
import { FUNCTION_HEADERS, HEADER } from "../../src/core/words";
import { functionColumns } from "../../src/functions/columns";
import { writeTree } from "../helpers/sidebar";
import { addon } from "./helpers";

describe("one recalculation of a written tree", () => {
  it("is one custom-function execution with KPI_TREE, four with the single-purpose columns", () => {
    const s = addon();
    const { sheetName } = writeTree(s, templateDraft("b2b", "en")) as { sheetName: string };
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

describe("the single-purpose columns judge a middle KPI as KPI_TREE does", () => {
  it("a parent without a target of its own gets KPI_TREE's achievement, status word and colour, not No data", () => {
    const s = addon();
    const { sheetName } = writeTree(s, templateDraft("b2b", "en")) as { sheetName: string };
    const head = s.values(sheetName, "A1:Z1")[0].map(String);
    const at = (name: string) => head.indexOf(name) + 1;
    const last = s.values(sheetName, "A1:A40").filter((r) => r[0] !== "").length;
    const parents = new Set(s.values(sheetName, `C2:C${last}`).map((r) => r[0]));
    const ids = s.values(sheetName, `B2:B${last}`).map((r) => r[0]);
    const targets = s.values(sheetName, `E2:E${last}`).map((r) => r[0] as number);
    // Every leaf at 90% of its target, then a parent below the KGI loses its own target: it is now
    // judged against what its children's targets give.
    ids.forEach((id, k) => {
      if (!parents.has(id)) s.type(sheetName, `${letter(at(HEADER.en.actual))}${k + 2}`, String(targets[k] * 0.9));
    });
    const middle = ids.findIndex((id, k) => k > 0 && parents.has(id)) + 2;
    expect(middle).toBeGreaterThan(2);
    s.type(sheetName, `${letter(at(HEADER.en.target))}${middle}`, "");
    const [, , rateHeader, statusHeader] = FUNCTION_HEADERS.en;
    const [rate, status] = [letter(at(rateHeader)), letter(at(statusHeader))];
    const shown = () => ({
      words: s.values(sheetName, `${status}2:${status}${last}`).map((r) => r[0]),
      rates: s.values(sheetName, `${rate}2:${rate}${last}`).map((r) => r[0]),
      colours: [rate, status].map((c) => s.effectiveBackground(sheetName, `${c}${middle}`)),
    });
    const tree = shown();
    expect(tree.words[middle - 2]).not.toBe("No data");
    expect(tree.colours).not.toContain(DEFAULT_COLORS.noData);

    // The same table with the add-on's single-purpose formulas in place of KPI_TREE.
    const column = at(FUNCTION_HEADERS.en[0]);
    const fx = functionColumns(
      {
        top: 1,
        left: 1,
        height: last,
        width: column - 1,
        targetColumn: at("Target"),
        directionColumn: at("Direction"),
      },
      column,
      "en",
      DEFAULT_THRESHOLDS,
      false,
    );
    expect(fx.formulas[3]).toMatch(/^=KPI_STATUS\(.*,"en",A1:[A-Z]+\d+\)$/);
    s.type(sheetName, `${letter(column)}2`, "");
    for (const [k, f] of fx.formulas.entries()) s.type(sheetName, `${letter(column + k)}2`, f);
    expect(shown()).toEqual(tree);

    // Without the table the single-purpose functions can only see the blank target.
    s.type(sheetName, `${status}2`, fx.formulas[3].replace(/,A1:[A-Z]+\d+\)$/, ")"));
    expect(s.values(sheetName, `${status}${middle}`)[0][0]).toBe("No data");
  });
});

const letter = (column: number) => String.fromCharCode(64 + column);
