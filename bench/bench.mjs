// Speed of what ships: dist/Code.js loaded as Apps Script loads it, against
// HyperFormula (a real spreadsheet engine) computing the same tree written as
// native per-row formulas. Run with `npm run bench`.
import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { HyperFormula } from "hyperformula";

const code = readFileSync(new URL("../dist/Code.js", import.meta.url), "utf8");
const scope = vm.createContext({});
vm.runInContext(code, scope);

const OPS = ["+", "avg", "×"];

/** A 4-ary tree of n nodes as a Name/ID/Parent/Op/Target/Actual table. */
function table(n) {
  const rows = [["ID", "Name", "Parent", "Op", "Target", "Actual"]];
  for (let i = 0; i < n; i++) {
    const leaf = 4 * i + 1 >= n;
    rows.push([
      `k${i}`,
      `KPI ${i}`,
      i ? `k${Math.floor((i - 1) / 4)}` : "",
      leaf ? "" : OPS[i % 3],
      leaf ? 1 + (i % 7) / 100 : "",
      leaf ? 1 + (i % 5) / 100 : "",
    ]);
  }
  return rows;
}

/** The same tree as native formulas: column A holds each node's rolled-up actual. */
function nativeSheet(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const first = 4 * i + 1;
    if (first >= n) {
      rows.push([1 + (i % 5) / 100]);
      continue;
    }
    const refs = [];
    for (let c = first; c < Math.min(first + 4, n); c++) refs.push(`A${c + 1}`);
    const op = OPS[i % 3];
    rows.push([
      op === "+" ? `=SUM(${refs.join(",")})` : op === "avg" ? `=AVERAGE(${refs.join(",")})` : `=${refs.join("*")}`,
    ]);
  }
  return rows;
}

/** Median of `repeat` timed runs after warm-up runs, so JIT and GC pauses do not decide the figure. */
function time(fn, repeat) {
  for (let w = 0; w < 3; w++) fn();
  const runs = [];
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[Math.floor(repeat / 2)];
}

/** A chain of `depth` levels: each KPI is the sum of the one below. */
function chain(depth) {
  const rows = [["Name", "Level", "Op", "Target", "Actual"]];
  for (let d = 1; d <= depth; d++)
    rows.push([`L${d}`, d, d < depth ? "+" : "", d === 1 ? 100 : "", d === depth ? 5 : ""]);
  return rows;
}

console.log(
  `bundle dist/Code.js: ${(statSync(new URL("../dist/Code.js", import.meta.url)).size / 1024).toFixed(1)} KiB`,
);
console.log("");
console.log("nodes   | parse+rollup+required | per node | HyperFormula native formulas | ratio (ours / HF)");
console.log("--------|-----------------------|----------|------------------------------|------------------");
// All of ours first, then HyperFormula: its large engines would otherwise leave
// a heap that slows the next measurement's garbage collection.
const SIZES = [1_000, 10_000, 100_000];
const ours = SIZES.map((n) => {
  const grid = table(n);
  return time(
    () => {
      scope.KPI_ROLLUP(grid);
      scope.KPI_REQUIRED(grid);
    },
    n >= 100_000 ? 5 : 20,
  );
});
const hf = SIZES.map((n) => {
  const sheet = nativeSheet(n);
  return time(
    () => {
      const engine = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", maxRows: 200_000 });
      engine.getCellValue({ sheet: 0, row: 0, col: 0 });
      engine.destroy();
    },
    n >= 100_000 ? 3 : 5,
  );
});
SIZES.forEach((n, k) => {
  console.log(
    `${String(n).padEnd(7)} | ${ours[k].toFixed(1).padStart(18)} ms | ${((ours[k] / n) * 1000).toFixed(2).padStart(5)} µs | ${hf[k].toFixed(1).padStart(25)} ms | ${(ours[k] / hf[k]).toFixed(3).padStart(8)}`,
  );
});
console.log("");
console.log("(ours parses the table twice: once per function, as two cells in Sheets would)");
const deep = chain(10_000);
const start = performance.now();
const required = scope.KPI_REQUIRED(deep);
const rolled = scope.KPI_ROLLUP(deep);
console.log(
  `deep chain of 10,000 levels: ${(performance.now() - start).toFixed(1)} ms, no stack overflow (root rollup ${rolled[0][0]}, leaf required ${required[9_999][0]})`,
);

// Issue 11: gap attribution, sensitivity and goal seek (all leaves as drivers), each a function call as in a cell.
console.log("");
console.log("nodes   | KPI_GAP   | KPI_IMPACT | KPI_SEEK (all leaves) | per node (all three)");
console.log("--------|-----------|------------|-----------------------|---------------------");
for (const n of SIZES) {
  const grid = table(n);
  const repeat = n >= 100_000 ? 3 : 10;
  const [gap, impact, seek] = ["KPI_GAP", "KPI_IMPACT", "KPI_SEEK"].map((f) => time(() => scope[f](grid), repeat));
  console.log(
    `${String(n).padEnd(7)} | ${gap.toFixed(1).padStart(6)} ms | ${impact.toFixed(1).padStart(7)} ms | ${seek.toFixed(1).padStart(18)} ms | ${(((gap + impact + seek) / n) * 1000).toFixed(2).padStart(8)} µs`,
  );
}
const deepStart = performance.now();
const deepGap = scope.KPI_GAP(deep);
const deepSeek = scope.KPI_SEEK(deep);
scope.KPI_IMPACT(deep);
console.log(
  `deep chain of 10,000 levels, KPI_GAP + KPI_IMPACT + KPI_SEEK: ${(performance.now() - deepStart).toFixed(1)} ms (KGI gap ${deepGap[0][0]}, common improvement ${deepSeek[0][0]})`,
);
