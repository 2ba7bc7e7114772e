// Keeps `npm run bench` from rotting: the whole bench runs at tiny sizes
// (BENCH_TINY: sizes ÷ 100, one round) on the built dist/Code.js and must print
// every suite's table, the same-outputs check and the goals' summary. It
// asserts what the bench prints, never how fast anything was.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let out = "";

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_TINY: "1" };
  delete env.BENCH_MAX;
  // Started without flags on purpose: the bench restarts itself with --expose-gc --single-threaded.
  ({ stdout: out } = await run(process.execPath, ["bench/bench.mjs"], { env, maxBuffer: 1 << 24 }));
}, 60_000);

/** The Markdown table printed under the heading `### title` (or `## title`): its body rows split into cells. */
function table(title: string, level = "###"): string[][] {
  const at = out.indexOf(`${level} ${title}`);
  expect(at, `no table "${title}"`).toBeGreaterThanOrEqual(0);
  const lines = out.slice(at).split("\n").slice(2);
  const body = lines.slice(
    2,
    lines.findIndex((line, i) => i >= 2 && !line.startsWith("|")),
  );
  return body.map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

describe("npm run bench at tiny sizes", () => {
  it("runs ours and HyperFormula on the same table and finds the same outputs", () => {
    expect(out).toMatch(/same outputs, .* 10 KPIs: rollup equal on all 10 rows; required equal on all 10 rows/);
    const ours = [
      "scan",
      "KPI_ROLLUP",
      "KPI_REQUIRED",
      "KPI_ROLLUP + KPI_REQUIRED",
      "KPI_TREE",
      "edit one leaf → KPI_TREE (the whole call)",
    ];
    const once = [
      "HyperFormula set-up (rollup + required sheet), edit engine, once",
      "HyperFormula rollup + required, edit engine's first calculation, once",
    ];
    expect(table("Balanced tree of 10 KPIs: full calculation and one edit").map((row) => row[0])).toEqual([
      ...ours,
      "HyperFormula set-up (rollup sheet)",
      "HyperFormula rollup",
      "HyperFormula set-up (rollup + required sheet)",
      "HyperFormula rollup + required",
      "edit one leaf → HyperFormula incremental",
      ...once,
    ]);
    expect(table("Balanced tree of 100 KPIs: full calculation and one edit").map((row) => row[0])).toEqual([
      ...ours,
      "edit one leaf → HyperFormula incremental",
      ...once,
    ]);
  });

  it("prints every ratio against the bare scan, with medians and min–max", () => {
    for (const title of ["Balanced tree of 1,000 KPIs", "Shape: balanced", "Shape: wide", "Shape: chain"]) {
      const rows = table(title);
      expect(rows.length).toBeGreaterThan(1);
      for (const [label, , cpu, , , ratio] of rows) {
        expect(cpu, label).toMatch(/^[\d.,]+ \([\d.,]+–[\d.,]+\)$/);
        expect(ratio, label).toMatch(label === "scan" ? /^1\.0×$/ : /^[\d.]+×$/);
      }
    }
    // Per size: the scan, KPI_TREE, KPI_TREE less V8's collection pauses (ours), the 2-D result alone (V8's part).
    const own = "KPI_TREE less V8's collection pauses";
    expect(table("Shape: chain").map((row) => `${row[0]} ${row[1]}`)).toEqual(
      ["10", "100", "1,000", "10,000"].flatMap((n) => [
        `scan ${n}`,
        `KPI_TREE ${n}`,
        `${own} ${n}`,
        `the 2-D result alone ${n}`,
      ]),
    );
    expect(out).toMatch(
      /per-KPI spread 10–10k \(chain\): [\d.]+× \(goal ≤ 1\.5×\); the 2-D result alone: [\d.]+×; KPI_TREE less V8's collection pauses: [\d.]+×; floor set by the 2-D result alone: [\d.]+×/,
    );
  });

  it("runs the other suites", () => {
    const sidebar = table("Check tree, analysis and the tree diagram of a 100-row table");
    expect(sidebar.map((row) => row[0])).toContain("chain, Op column: analysis in the sidebar (analysisOf)");
    // The diagram dialog's read and layout, as it opens (folded below level 3) and unfolded.
    expect(sidebar.map((row) => row[0])).toContain("wide, Op column: diagram opened (read + layout of 100 boxes)");
    expect(sidebar.map((row) => row[0])).toContain("chain, Op column: diagram unfolded (layout of all 100 boxes)");
    expect(sidebar).toHaveLength(16);
    expect(out).toContain("### Cold start and bundle");
    expect(table("KPI_GAP, KPI_IMPACT, KPI_SEEK: chain").length).toBeGreaterThan(0);
    expect(table("Periods: 12 months, balanced tree").length).toBeGreaterThan(0);
  });

  it("ends with the four goals of issue 12, each with its figure and met or not met", () => {
    const goals = table("Goals of issue 12 (this run)", "##");
    expect(goals.map((row) => row[0])).toEqual([
      "reading + linking + rollup of 1,000 KPIs ≤ 20× the bare scan",
      "KPI_REQUIRED the same",
      "per-KPI time flat 1k–1M (≤ 1.5× spread), balanced / wide / chain",
      "cold start (load + first call) < 10 ms",
      "dist/Code.js < 100 KiB",
    ]);
    for (const [goal, figure, verdict] of goals) {
      expect(figure, goal).toMatch(/\d/);
      expect(verdict, goal).toMatch(/\*\*(met|not met)\*\*$/);
    }
    const spread = (shape: string) =>
      `${shape} [\\d.]+× \\(10–10k; the 2-D result alone: \\d+×; less V8's collection pauses: [\\d.]+×; floor set by the 2-D result alone: [\\d.]+×\\)`;
    expect(goals[2][1]).toMatch(new RegExp(`^${["balanced", "wide", "chain"].map(spread).join(", ")}$`));
  });

  it("gives bench/readme.mjs what it needs to print the README's tables", () => {
    const readme = execFileSync(process.execPath, ["bench/readme.mjs"], { input: out, encoding: "utf8" });
    expect(readme).toContain("| dist/Code.js < 100 KiB |");
    expect(readme).toMatch(/^\| chain: KPI_TREE \| .* \| [\d.]+× \|$/m);
    expect(readme).toMatch(/^\| chain: the 2-D result alone \| .* \| [\d.]+× \|$/m);
    expect(readme).toMatch(/^\| chain: KPI_TREE less V8's collection pauses \| .* \| [\d.]+× \|$/m);
    expect(readme).toMatch(/^\| wide, Op column \| [\d.]+ \(/m);
  });
});
