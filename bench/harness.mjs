// The fair part of the benchmark: contexts loaded the same way, inputs built
// inside the context that uses them, contenders interleaved round by round
// after warm-up rounds, medians with min and max, every ratio against the
// bare scan of the same table. Suites (bench.mjs) only say what to run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import esbuild from "esbuild";
import { bindBuiltins } from "../scripts/build.mjs";
import { defineInputs } from "./inputs.mjs";

/** The bundle under test: dist/Code.js, or another build given as BENCH_CODE (to compare with an older one). */
export const CODE_URL = process.env.BENCH_CODE
  ? new URL(`file://${process.env.BENCH_CODE}`)
  : new URL("../dist/Code.js", import.meta.url);
const require = createRequire(import.meta.url);

/** A fresh vm context holding the inputs' builders (`Inputs`), then `source` run in it as a classic script. */
export function context(source, filename) {
  const ctx = vm.createContext({});
  vm.runInContext(`var Inputs = (${defineInputs.toString()})();`, ctx, { filename: "inputs.mjs" });
  if (source) vm.runInContext(source, ctx, { filename });
  return ctx;
}

/** dist/Code.js in its own context, as Apps Script loads it (one global scope, no modules). */
export function loadOurs() {
  return context(readFileSync(CODE_URL, "utf8"), "Code.js");
}

/**
 * HyperFormula's self-contained browser build in its own context, the same kind
 * as ours, with the built-ins bound the way our build binds them.
 */
export function loadHyperFormula() {
  // The package's exports hide dist/: find it beside the CommonJS entry.
  const file = join(dirname(require.resolve("hyperformula")), "..", "dist", "hyperformula.full.min.js");
  const start = performance.now();
  const ctx = context(`${bindBuiltins(readFileSync(file, "utf8"))};`, "hyperformula.full.min.js");
  return { ctx, loadMs: performance.now() - start };
}

/**
 * The sidebar's analysis (src/sidebar/analysisData.ts: analysisOf, whatIfOf)
 * and Check tree's judgement (src/sidebar/tableCheck.ts: checkedReport) as a
 * classic script defining `Sidebar`, to run in a context beside dist/Code.js:
 * the sidebar computes both from what the server read.
 */
export function sidebarAnalysis() {
  const dir = fileURLToPath(new URL("../src/sidebar/", import.meta.url));
  const built = esbuild.buildSync({
    stdin: {
      contents: [
        'export * from "./analysisData";',
        'export { checkedReport } from "./tableCheck";',
        'export { readDiagramTree, tableDiagram } from "./diagramData";',
        'export { initialCollapsed, layoutTree } from "./treeLayout";',
      ].join(" "),
      resolveDir: dir,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    globalName: "Sidebar",
    write: false,
  });
  return built.outputFiles[0].text;
}

/** Runs `code` (a function body's source) in `ctx`, so objects it makes belong to that context. */
export function inContext(ctx, code) {
  return vm.runInContext(code, ctx);
}

/** Collects the whole heap (with --expose-gc): before an input is built, so its rows lie together. */
export const collect = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

/**
 * Collects the young generation (with --expose-gc): before each run, so no
 * contender pays for collecting another's short-lived garbage. Not the whole
 * heap: a full collection with no call running frees the hidden classes that
 * only the last call's objects used, and the optimised code and type feedback
 * that relied on them go too, so each call after it deoptimised and
 * recompiled (KPI_TREE of 1,000 KPIs: 2–25 µs per KPI instead of 0.3–0.7, a
 * 20 ms recompilation of the reader every few rounds). A process running
 * calls back to back does not collect its whole heap between two calls.
 */
export const collectYoung = typeof globalThis.gc === "function" ? () => globalThis.gc({ type: "minor" }) : () => {};

/**
 * Warm-up rounds for a table of `n` KPIs: as many as make WARM_KPIS KPIs of
 * work (at least one), the same amount at every size, so that compiling a
 * function that turns hot only after many calls of a small table is not
 * recorded (with ten rounds of warm-up, KPI_TREE of 1,000 KPIs still compiled
 * parts of the reader in the recorded rounds: 2–8 ms each, after 40 calls).
 */
export const WARM_KPIS = 200_000;
export const warmupFor = (n) => Math.max(1, Math.ceil(WARM_KPIS / n));

function stats(samples) {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * The flags the bench runs with (bench.mjs restarts itself with them):
 * --expose-gc to collect garbage before each run; --single-threaded so that
 * V8 collects garbage and compiles on the thread that runs the contender, so
 * its CPU time is its own work and nothing a background thread does for an
 * earlier contender (without it, a bare scan run after a collection was
 * charged the concurrent sweeper's time: 0.8 to 6 ms for the same 100k scan).
 */
export const FLAGS = ["--expose-gc", "--single-threaded"];

/** CPU time of this process in ms: on a machine other jobs share, the wall clock also counts their turns. */
export function cpuNow() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * BENCH_TINY=1: every size ÷ 100, one round, no warm-up. It checks that the
 * whole bench runs and prints its tables and summary in seconds
 * (tests/bench/bench.test.ts); its timings mean nothing.
 */
export const TINY = process.env.BENCH_TINY === "1";

/** BENCH_SAMPLES=1: every recorded round's CPU ms, in the order run, on stderr (to see compiling or collecting land in a round). */
const SAMPLES = process.env.BENCH_SAMPLES === "1";

/**
 * One run of a contender, after collecting the young generation: its timed
 * parts. What it returned is dropped here, so the next run does not work
 * beside a live copy of this one's output (a million rows of it).
 */
function runOnce(name, contender, round, recorded) {
  collectYoung();
  const cpu = cpuNow();
  const start = performance.now();
  const parts = contender(round, recorded);
  const total = { wall: performance.now() - start, cpu: cpuNow() - cpu };
  return parts?.parts ?? { [name]: total };
}

/**
 * Runs contenders interleaved: each round runs every contender once, starting
 * with a different one each round; `warmup` rounds are not recorded. A
 * contender is `(round, recorded) => unknown` (timed whole; `recorded` counts
 * the recorded rounds from 0, negative in warm-up) or returns
 * `{ parts: { name: { cpu, wall } } }` when it times its own parts (engine
 * set-up apart from computing; `timed` gives both).
 * Each run records the process's CPU time (the figure the ratios use: other
 * jobs' turns on a shared machine are not in it) and the wall clock. The young
 * generation is collected before each run (collectYoung), so no contender pays
 * for another's garbage.
 */
export function interleave(contenders, plan) {
  const { rounds, warmup = 1 } = TINY ? { rounds: 1, warmup: 0 } : plan;
  const names = Object.keys(contenders);
  const samples = {};
  const firstSeen = {};
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const timed = runOnce(name, contenders[name], r, r - warmup);
      if (r < warmup) continue;
      for (const [part, t] of Object.entries(timed)) {
        firstSeen[part] ??= names.indexOf(name) + Object.keys(firstSeen).length / 1000;
        samples[part] ??= { cpu: [], wall: [] };
        samples[part].cpu.push(t.cpu);
        samples[part].wall.push(t.wall);
      }
    }
  }
  if (SAMPLES) for (const [part, t] of Object.entries(samples)) console.error(`${part}: ${t.cpu.map(fmt).join(" ")}`);
  // In the order the contenders were given, whatever round each started in.
  const order = Object.keys(samples).sort((a, b) => firstSeen[a] - firstSeen[b]);
  return Object.fromEntries(
    order.map((part) => [part, { ...stats(samples[part].cpu), wall: stats(samples[part].wall).median }]),
  );
}

/** A size of the bench as this run uses it (÷ 100 with BENCH_TINY). */
export const size = (n) => (TINY ? n / 100 : n);

/** Sizes up to BENCH_MAX (default: all), for a quicker look while working. */
export function sizes(list) {
  const max = Number(process.env.BENCH_MAX ?? Number.POSITIVE_INFINITY);
  return list.filter((n) => n <= max).map(size);
}

/** Times one call of `fn`: CPU and wall milliseconds, with its result. */
export function timed(fn) {
  const cpu = cpuNow();
  const start = performance.now();
  const value = fn();
  return { wall: performance.now() - start, cpu: cpuNow() - cpu, value };
}

/**
 * Times one call of `fn` like `timed`, and also without the pauses of the
 * garbage collections V8 made during it (their cost as v8.GCProfiler reports
 * it, in ms; with --single-threaded V8 collects on this thread, so a pause is
 * this process's CPU): `own` is what is left, the call's own work. The
 * incremental marking steps V8 takes while the call allocates stay in `own`.
 */
export function timedOwn(fn) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const t = timed(fn);
  const pauses = profiler.stop().statistics.reduce((sum, gc) => sum + gc.cost / 1000, 0);
  return { ...t, own: { cpu: Math.max(0, t.cpu - pauses), wall: Math.max(0, t.wall - pauses) } };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * Prints a Markdown table: one row per measured part, with the median CPU time
 * (min–max), the median wall time, CPU time per KPI and the ratio of CPU times
 * to the floor (the part named `floor`).
 */
export function printTable(title, rows) {
  console.log(`\n### ${title}\n`);
  console.log("| case | KPIs | CPU ms, median (min–max) | wall ms | per KPI µs | × scan |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const { label, n, s, floor } of rows) {
    const ratio = floor ? `${(s.median / floor.median).toFixed(s.median / floor.median >= 10 ? 0 : 1)}×` : "";
    console.log(
      `| ${label} | ${group(n)} | ${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}) | ${fmt(s.wall)} | ${((s.median / n) * 1000).toFixed(3)} | ${ratio} |`,
    );
  }
}

export { fmt, group };
