// The README's Speed tables from one saved `npm run bench` output:
//   npm run bench > bench.txt; node bench/readme.mjs bench.txt
// prints the goals table as the bench printed it, then the balanced-tree,
// shapes and Check tree tables the README quotes, so its figures are refreshed
// by pasting, not retyped.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2] ?? 0, "utf8");

/** Every printed table by its heading: rows of trimmed cells, header and separator left out. */
function tables() {
  const found = {};
  for (const m of text.matchAll(/^#{2,3} (.+)\n\n((?:\|.*\n)+)/gm))
    found[m[1]] = m[2]
      .trim()
      .split("\n")
      .slice(2)
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
  return found;
}
const all = tables();
const titled = (start) => Object.entries(all).find(([title]) => title.startsWith(start))?.[1] ?? [];
const cell = (rows, label, n) => rows.find((r) => r[0] === label && r[1] === n);

function balanced() {
  const sizes = ["1,000", "10,000", "100,000"].map((n) => [titled(`Balanced tree of ${n} KPIs`), n]);
  const lines = [
    "| balanced tree, CPU ms median (min–max), × scan | 1,000 KPIs | 10,000 KPIs | 100,000 KPIs |",
    "|---|---|---|---|",
  ];
  const row = (name, label, ratio = true) => {
    const figures = sizes.map(([rows, n]) => {
      const r = cell(rows, label, n);
      return r ? `${r[2]} ms${ratio && r[5] ? `, ${r[5]}` : ""}` : "–";
    });
    lines.push(`| ${name} | ${figures.join(" | ")} |`);
  };
  row("bare scan (the floor)", "scan", false);
  row("KPI_ROLLUP", "KPI_ROLLUP");
  row("KPI_REQUIRED", "KPI_REQUIRED");
  row("one recalculation: KPI_TREE (all four columns)", "KPI_TREE");
  row("the two tree columns before KPI_TREE: KPI_ROLLUP + KPI_REQUIRED", "KPI_ROLLUP + KPI_REQUIRED");
  row("edit one leaf → ours: the whole KPI_TREE call", "edit one leaf → KPI_TREE (the whole call)");
  row("edit one leaf → HyperFormula incremental", "edit one leaf → HyperFormula incremental");
  row("HyperFormula rollup, full calculation (new engine)", "HyperFormula rollup", false);
  row("… its set-up (rollup sheet)", "HyperFormula set-up (rollup sheet)", false);
  row("HyperFormula rollup + required, full calculation", "HyperFormula rollup + required", false);
  row("… its set-up (rollup + required sheet)", "HyperFormula set-up (rollup + required sheet)", false);
  const first = "HyperFormula rollup + required, edit engine's first calculation, once";
  row("HyperFormula rollup + required, the edit engine's first calculation (once)", first, false);
  row("… its set-up (once)", "HyperFormula set-up (rollup + required sheet), edit engine, once", false);
  return lines;
}

/**
 * Per shape: KPI_TREE's µs per KPI and spread, then the same for the 2-D result alone and for KPI_TREE less
 * V8's collection pauses (V8's part of the spread, and ours).
 */
function shapes() {
  const lines = ["| CPU µs per KPI (median) | 1k | 10k | 100k | 1M | spread |", "|---|---|---|---|---|---|"];
  const bare = "the 2-D result alone";
  const own = "KPI_TREE less V8's collection pauses";
  for (const [label, name, spreadAt] of [
    ["KPI_TREE", "KPI_TREE", "per-KPI spread .* \\(SHAPE\\): ([\\d.]+)×"],
    [bare, bare, `\\(SHAPE\\): .*; ${bare}: ([\\d.]+)×`],
    [own, own, `\\(SHAPE\\): .*; ${own}: ([\\d.]+)×`],
  ])
    for (const shape of ["balanced", "wide", "chain"]) {
      const rows = titled(`Shape: ${shape}`);
      const per = ["1,000", "10,000", "100,000", "1,000,000"].map((n) => cell(rows, name, n)?.[4] ?? "–");
      const spread = new RegExp(spreadAt.replace("SHAPE", shape)).exec(text)?.[1] ?? "–";
      lines.push(`| ${shape}: ${label} | ${per.join(" | ")} | ${spread}× |`);
    }
  return lines;
}

function tableCheck() {
  const rows = titled("Check tree, analysis and the tree diagram");
  const lines = [
    "| 10,000 rows, CPU ms median of 3 (min–max), from a fresh context | Check tree | server read (analysisData) | analysis in the sidebar (analysisOf) | diagram opened | diagram unfolded |",
    "|---|---|---|---|---|---|",
  ];
  for (const shape of ["wide", "chain"])
    for (const op of ["Op column", "no Op column"]) {
      const mine = rows.filter((r) => r[0].startsWith(`${shape}, ${op}: `));
      const get = (key) => mine.find((r) => r[0].includes(key))?.[2] ?? "–";
      const analysis = op === "Op column" ? get("(analysisOf)") : `${get("refused")} (refused)`;
      const diagram = op === "Op column" ? `${get("diagram opened")} | ${get("diagram unfolded")}` : "– | –";
      lines.push(`| ${shape}, ${op} | ${get("Check tree")} | ${get("(analysisData)")} | ${analysis} | ${diagram} |`);
    }
  return lines;
}

const goals =
  /## Goals of issue 12 \(this run\)\n\n((?:\|.*\n)+)/.exec(text)?.[1] ?? "(no goals table in this output)\n";
const lines = (pattern) => [...text.matchAll(pattern)].map((m) => m[0]);
console.log(
  [
    goals,
    ...balanced(),
    "",
    ...shapes(),
    "",
    ...tableCheck(),
    "",
    ...lines(/^(load average at start|same outputs|cold start|bench took).*$/gm),
    ...lines(/^\(\w+: \d+ s, \d+ s of CPU\)$/gm),
  ].join("\n"),
);
