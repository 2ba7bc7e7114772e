// The speed work must not change a single output: the built functions over 300
// seeded random tables (every layout, Japanese and English, text values, blank
// rows, bad cells) give exactly the outputs stored in tests/fixtures, which were
// generated from the implementation before the speed-ups. Regenerate only for an
// intended change of behaviour: UPDATE_FIXTURES=1 npx vitest run tests/dist/equivalence.test.ts
// then `npm run format` (EQUIVALENCE_CODE=path/to/Code.js generates them from another build).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDist, ROOT } from "../helpers/dist";
import { randomTable } from "../helpers/randomTables";

const FIXTURE = join(ROOT, "tests", "fixtures", "equivalence.json");
const CASES = 300;

type Outputs = Record<string, unknown>;

function outputsOf(scope: Record<string, (...args: unknown[]) => unknown>, grid: unknown[][]): Outputs {
  const calls: Record<string, () => unknown> = {
    rollup: () => scope.KPI_ROLLUP(grid),
    rollupTarget: () => scope.KPI_ROLLUP(grid, "target"),
    required: () => scope.KPI_REQUIRED(grid),
    check: () => scope.KPI_CHECK(grid),
  };
  const out: Outputs = {};
  for (const [name, call] of Object.entries(calls)) {
    try {
      // Through JSON, as stored: Sheets shows a -0 as 0 too.
      out[name] = JSON.parse(JSON.stringify(call()));
    } catch {
      // That it throws, not the message: messages are the diagnosis's to word.
      out[name] = { error: true };
    }
  }
  return out;
}

describe("outputs on random tables stay what they were", () => {
  const scope = process.env.EQUIVALENCE_CODE
    ? loadDist({}, readFileSync(process.env.EQUIVALENCE_CODE, "utf8"))
    : loadDist();
  const actual = Array.from({ length: CASES }, (_, seed) => outputsOf(scope, randomTable(seed + 1).grid));

  if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE, `${JSON.stringify(actual)}\n`);

  it("covers values, errors and every layout", () => {
    const flat = JSON.stringify(actual);
    expect(flat).toContain('"error"');
    expect(actual.filter((o) => Array.isArray(o.required)).length).toBeGreaterThan(CASES / 3);
    const kinds = new Set(Array.from({ length: CASES }, (_, s) => randomTable(s + 1).kind));
    expect(kinds.size).toBe(8);
  });

  const stored = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, "utf8")) as Outputs[]) : [];
  it.each(Array.from({ length: CASES }, (_, k) => k))("table %i", (k) => {
    expect(actual[k], JSON.stringify(randomTable(k + 1).grid)).toEqual(stored[k]);
  });
});
