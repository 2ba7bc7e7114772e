// The speed work must not change a single output: the built functions (KPI_TREE's
// four columns too, and which error a table gets, at which row) over 300
// seeded random tables (every layout, Japanese and English, text values, blank
// rows, bad cells) give exactly the outputs stored in tests/fixtures, which were
// generated from the implementation before the speed-ups. Regenerate only for an
// intended change of behaviour: UPDATE_FIXTURES=1 npx vitest run tests/dist/equivalence.test.ts
// then `npm run format` (EQUIVALENCE_CODE=path/to/Code.js generates them from another build).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDist, ROOT } from "../helpers/dist";
import { randomTable, rng } from "../helpers/randomTables";

const FIXTURE = join(ROOT, "tests", "fixtures", "equivalence.json");
const CASES = 300;

type Outputs = Record<string, unknown>;

function outputsOf(scope: Record<string, (...args: unknown[]) => unknown>, grid: unknown[][]): Outputs {
  const calls: Record<string, () => unknown> = {
    rollup: () => scope.KPI_ROLLUP(grid),
    rollupTarget: () => scope.KPI_ROLLUP(grid, "target"),
    required: () => scope.KPI_REQUIRED(grid),
    check: () => scope.KPI_CHECK(grid),
    tree: () => scope.KPI_TREE(grid, undefined, "en"),
  };
  const out: Outputs = {};
  for (const [name, call] of Object.entries(calls)) {
    try {
      // Through JSON, as stored: Sheets shows a -0 as 0 too.
      out[name] = JSON.parse(JSON.stringify(call()));
    } catch (e) {
      // Which error at which row, not the message: messages are the diagnosis's to word.
      const { code, where } = e as { code?: string; where?: { row?: number } };
      out[name] = { error: code ?? true, row: where?.row ?? null };
    }
  }
  return out;
}

/**
 * The same table with links broken the ways people break them, so the reader's
 * linking keeps its errors and their order: a parent that does not exist, a
 * duplicated ID (or name), a row made its own parent and a loop between two rows.
 * Tables in the level and outline layouts get a level jump instead.
 */
function brokenLinks(grid: unknown[][], seed: number): unknown[][] {
  const r = rng(seed * 7919);
  const out = grid.map((row) => row.slice());
  const rows = out.length - 1;
  const at = () => 1 + Math.floor(r() * rows);
  const head = out[0].map(String);
  const parent = head.findIndex((h) => h === "Parent" || h === "親");
  if (parent < 0) {
    const level = head.findIndex((h) => h === "Level" || h === "階層");
    if (level >= 0) out[at()][level] = 7;
    return out;
  }
  const key = head[0] === "ID" ? 0 : parent - 1;
  const [a, b, c] = [at(), at(), at()];
  const pick = r();
  if (pick < 0.25) out[a][parent] = "zz";
  else if (pick < 0.5) out[a][key] = out[b][key];
  else if (pick < 0.75) out[a][parent] = out[a][key];
  else {
    out[a][parent] = out[c][key];
    out[c][parent] = out[a][key];
  }
  return out;
}

describe("outputs on random tables stay what they were", () => {
  const scope = process.env.EQUIVALENCE_CODE
    ? loadDist({}, readFileSync(process.env.EQUIVALENCE_CODE, "utf8"))
    : loadDist();
  const actual: Outputs[] = Array.from({ length: CASES }, (_, seed) => {
    const { grid } = randomTable(seed + 1);
    return { ...outputsOf(scope, grid), broken: outputsOf(scope, brokenLinks(grid, seed + 1)) };
  });

  if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE, `${JSON.stringify(actual)}\n`);

  it("covers values, errors and every layout", () => {
    const flat = JSON.stringify(actual);
    expect(flat).toContain('"error"');
    // the broken links do break: each kind of linking error occurs.
    for (const code of ["unknownParent", "duplicateId", "cycle", "levelJump"]) expect(flat).toContain(`"${code}"`);
    expect(actual.filter((o) => Array.isArray(o.required)).length).toBeGreaterThan(CASES / 3);
    const kinds = new Set(Array.from({ length: CASES }, (_, s) => randomTable(s + 1).kind));
    expect(kinds.size).toBe(8);
  });

  const stored = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, "utf8")) as Outputs[]) : [];
  it.each(Array.from({ length: CASES }, (_, k) => k))("table %i", (k) => {
    expect(actual[k], JSON.stringify(randomTable(k + 1).grid)).toEqual(stored[k]);
  });
});
