// Speed of what ships: dist/Code.js loaded as Apps Script loads it, against
// HyperFormula (a real spreadsheet engine) computing the same tree written as
// native per-row formulas. Run with `npm run bench`.
import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { HyperFormula } from "hyperformula";
import { services } from "./sheet.mjs";

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

// The table check (the sidebar's Check tree) and the analysis, as the add-on
// runs them from google.script.run: the bundle's detectTable and analyzeTable
// over a 10,000-row sheet held in plain arrays (bench/sheet.mjs).
const ROWS = 10_000;

/** ID/Name/Parent[/Op]/Target/Actual: one KGI over 9,999 leaves (wide), or a chain of 10,000 levels (deep). */
function shapeTable(shape, withOp) {
  const rows = [["ID", "Name", "Parent", ...(withOp ? ["Op"] : []), "Target", "Actual"]];
  for (let i = 0; i < ROWS; i++) {
    const parent = i === 0 ? "" : shape === "wide" ? "k0" : `k${i - 1}`;
    const leaf = shape === "wide" ? i > 0 : i === ROWS - 1;
    const values = leaf ? [1 + (i % 7) / 100, 1 + (i % 5) / 100] : [i === 0 ? ROWS : "", ""];
    rows.push([`k${i}`, `KPI ${i}`, parent, ...(withOp ? [leaf ? "" : "+"] : []), ...values]);
  }
  return rows;
}

console.log("");
console.log(`Check tree and analysis, ${ROWS.toLocaleString("en")} rows (median of 5; each must stay under 1 s)`);
console.log("table               | Check tree (detectTable)           | analysis (analyzeTable)");
console.log("--------------------|------------------------------------|------------------------");
let slow = false;
for (const shape of ["wide", "deep"])
  for (const withOp of [true, false]) {
    const grid = shapeTable(shape, withOp);
    const sandbox = vm.createContext({ ...services("Sheet1", grid) });
    vm.runInContext(code, sandbox);
    const report = sandbox.detectTable();
    // Without an Op column the analysis stops at the first parent without one, as the functions do.
    let refused = false;
    const analyse = () => {
      try {
        sandbox.analyzeTable("Sheet1", report.table);
      } catch {
        refused = true;
      }
    };
    const check = time(() => sandbox.detectTable(), 5);
    const analysis = time(analyse, 5);
    slow ||= check > 1000 || analysis > 1000;
    const label = `${shape}, ${withOp ? "with Op" : "no Op column"}`;
    const found = withOp ? `${report.nodes} KPIs read` : `${report.missingOps.length} parents without op`;
    console.log(
      `${label.padEnd(19)} | ${check.toFixed(1).padStart(8)} ms, ${found.padEnd(22)} | ${analysis.toFixed(1).padStart(8)} ms${refused ? ", refused (no operator)" : ""}`,
    );
  }
if (slow) {
  console.log("SLOW: a table check or analysis of 10,000 rows took over 1 s");
  process.exitCode = 1;
}
