/*
 * Goal seek over several KPIs: the common improvement that takes the KGI to
 * its target (or a goal) when every chosen driver improves by the same
 * percentage from its actual — up for higher-is-better drivers, down for
 * lower-is-better ones. One unknown, so a 1-D root finder over the rollup:
 * bracket outward from 0 (the nearest sign change on either side), then
 * bisect. Each evaluation recomputes only the drivers' ancestors.
 */
import { fail } from "./errors";
import { formatValue } from "./format";
import { combine } from "./operators";
import { rollup, type Values } from "./rollup";
import { normalizeKey } from "./text";
import type { Tree } from "./tree";

export interface SeekResult {
  /** Per tree solved: its KGI, its drivers and the common improvement (0.1 = every driver 10% better). */
  trees: { root: number; drivers: number[]; rate: number; goal: number }[];
  /** The sought value of each driver, indexed like `tree.nodes`; null for the others. */
  values: Values;
}

/** Improvements tried on each side of 0 while looking for a sign change. */
const UP = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.9, 0.99, 0.999999, 1, 2, 5, 10, 100, 1e3, 1e4, 1e6];
const DOWN = [-0.01, -0.02, -0.05, -0.1, -0.2, -0.5, -0.9, -0.99, -0.999999, -1, -2, -5, -10, -100, -1e3, -1e6];
const TOLERANCE = 1e-12;

/** Node indices for driver names or IDs (ID first, then name). */
export function resolveDrivers(tree: Tree, keys: readonly string[]): number[] {
  const key = (s: string) => normalizeKey(s) || s.trim();
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  for (const n of tree.nodes) {
    if (n.id) byId.set(key(n.id), n.index);
    const k = key(n.name);
    byName.set(k, [...(byName.get(k) ?? []), n.index]);
  }
  const out: number[] = [];
  for (const raw of keys) {
    const k = key(raw);
    if (!k) continue;
    const id = byId.get(k);
    const named = byName.get(k) ?? [];
    if (id === undefined && named.length === 0) fail(tree.lang, "driverUnknown", {}, { name: raw.trim() });
    if (id === undefined && named.length > 1)
      fail(
        tree.lang,
        "driverAmbiguous",
        {},
        { name: raw.trim(), rows: named.map((i) => tree.nodes[i].row).join(", ") },
      );
    const index = id ?? named[0];
    if (!out.includes(index)) out.push(index);
  }
  return out;
}

/** The default drivers of one tree: its KSF-marked KPIs, else its leaves. */
function defaultDrivers(tree: Tree, members: number[]): number[] {
  const marked = members.filter((i) => tree.nodes[i].ksf && tree.nodes[i].parent >= 0);
  return marked.length
    ? marked
    : members.filter((i) => tree.nodes[i].children.length === 0 && tree.nodes[i].parent >= 0);
}

/** Refuses the KGI as a driver and a driver inside another's subtree (its change would be hidden). */
function checkDrivers(tree: Tree, drivers: readonly number[]): void {
  const chosen = new Set(drivers);
  for (const d of drivers) {
    const node = tree.nodes[d];
    if (node.parent < 0) fail(tree.lang, "driverIsKgi", { row: node.row, name: node.name });
    for (let p = node.parent; p >= 0; p = tree.nodes[p].parent)
      if (chosen.has(p))
        fail(tree.lang, "driverNested", { row: node.row, name: node.name }, { parent: tree.nodes[p].name });
  }
}

/** A driver's value after improving by `rate`: up for higher-is-better, down for lower-is-better. */
function improved(tree: Tree, driver: number, actual: number, rate: number): number {
  return actual * (tree.nodes[driver].direction === "lower" ? 1 - rate : 1 + rate);
}

/** The KGI's value as a function of the common improvement: a rollup of the drivers' ancestors only. */
function kgiFunction(tree: Tree, root: number, drivers: number[], actual: Values): (rate: number) => number | null {
  const mark = new Uint8Array(tree.nodes.length);
  for (const d of drivers) for (let p = tree.nodes[d].parent; p >= 0 && !mark[p]; p = tree.nodes[p].parent) mark[p] = 1;
  const upward = tree.order.filter((i) => mark[i]).reverse();
  const values = actual.slice();
  return (rate) => {
    for (const d of drivers) values[d] = improved(tree, d, actual[d] as number, rate);
    for (const i of upward) {
      const node = tree.nodes[i];
      values[i] =
        node.op === null || node.op === "none"
          ? actual[i]
          : (combine(
              node.op,
              node.children.map((c) => values[c]),
            ) ?? actual[i]);
    }
    return values[root];
  };
}

/**
 * The rates a tree's drivers can take: down to −100% (a higher-is-better
 * driver at 0) and, with a lower-is-better driver, up to +100% (it at 0).
 */
function candidates(tree: Tree, drivers: number[]): { up: number[]; down: number[] } {
  const lowest = drivers.some((d) => tree.nodes[d].direction !== "lower") ? -1 : Number.NEGATIVE_INFINITY;
  const highest = drivers.some((d) => tree.nodes[d].direction === "lower") ? 1 : Number.POSITIVE_INFINITY;
  return { up: UP.filter((r) => r <= highest), down: DOWN.filter((r) => r >= lowest) };
}

/** The common rate where `f` crosses `goal`, nearest to 0; null when no sign change is found. */
function solve(
  f: (rate: number) => number | null,
  goal: number,
  tries: { up: number[]; down: number[] },
): number | null {
  const scale = Math.max(Math.abs(goal), 1e-300);
  const h = (r: number) => {
    const v = f(r);
    return v === null || !Number.isFinite(v) ? null : v - goal;
  };
  const h0 = h(0);
  if (h0 === null) return null;
  if (Math.abs(h0) <= TOLERANCE * scale) return 0;
  const bracket = (side: number[]): [number, number, number] | null => {
    let prev = 0;
    for (const r of side) {
      const v = h(r);
      if (v === null) continue;
      if (Math.sign(v) !== Math.sign(h0)) return [prev, r, Math.abs(r)];
      prev = r;
    }
    return null;
  };
  const up = bracket(tries.up);
  const down = bracket(tries.down);
  const found = up && down ? (up[2] <= down[2] ? up : down) : (up ?? down);
  if (!found) return null;
  let [lo, hi] = found;
  for (let k = 0; k < 200 && Math.abs(hi - lo) > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    const v = h(mid);
    if (v === null) return null;
    if (Math.abs(v) <= TOLERANCE * scale) return mid;
    if (Math.sign(v) === Math.sign(h0)) lo = mid;
    else hi = mid;
  }
  // A sign change across a pole (a ratio's denominator passing zero) is no crossing: refuse it.
  const rate = (lo + hi) / 2;
  const left = h(rate);
  return left !== null && Math.abs(left) <= 1e-6 * scale ? rate : null;
}

/** Names what keeps one tree from its goal, for the error. */
function unreachable(tree: Tree, root: number, drivers: number[], goal: number, actual: Values): never {
  const kgi = tree.nodes[root];
  const f = kgiFunction(tree, root, drivers, actual);
  const zero = drivers.filter((d) => actual[d] === 0).map((d) => tree.nodes[d].name);
  const ceilings: string[] = [];
  for (const d of drivers)
    for (let p = tree.nodes[d].parent; p >= 0; p = tree.nodes[p].parent) {
      const op = tree.nodes[p].op;
      if ((op === "min" || op === "max" || op === "none") && !ceilings.includes(tree.nodes[p].name))
        ceilings.push(tree.nodes[p].name);
    }
  const { up, down } = candidates(tree, drivers);
  let reach: number | null = null;
  for (const r of [0, ...up, ...down]) {
    const v = f(r);
    if (v !== null && Number.isFinite(v) && (reach === null || Math.abs(v - goal) < Math.abs(reach - goal))) reach = v;
  }
  fail(
    tree.lang,
    zero.length ? "seekZeroDriver" : ceilings.length ? "seekCeiling" : "seekUnreachable",
    { row: kgi.row, name: kgi.name },
    {
      goal: formatValue(goal, kgi.unit, tree.lang),
      reach: formatValue(reach, kgi.unit, tree.lang),
      names: (zero.length ? zero : ceilings)
        .map((n) => (tree.lang === "ja" ? `「${n}」` : `"${n}"`))
        .join(tree.lang === "ja" ? "・" : ", "),
    },
  );
}

/**
 * KPI_SEEK: for each tree, the common improvement of its drivers (node
 * indices, see `resolveDrivers`; default its KSF-marked KPIs, else its
 * leaves) that takes the KGI to `goal` (single-tree ranges) or its target.
 */
export function seek(tree: Tree, goal: number | null = null, chosen: readonly number[] | null = null): SeekResult {
  if (goal !== null && tree.roots.length !== 1) fail(tree.lang, "goalNeedsOneRoot", {}, { count: tree.roots.length });
  const actual = rollup(tree, "actual");
  const targets = rollup(tree, "target");
  const rootOf: number[] = new Array(tree.nodes.length);
  for (const i of tree.order) rootOf[i] = tree.nodes[i].parent < 0 ? i : rootOf[tree.nodes[i].parent];
  if (chosen) checkDrivers(tree, chosen);
  const values: Values = new Array(tree.nodes.length).fill(null);
  const trees: SeekResult["trees"] = [];
  for (const root of tree.roots) {
    const members = tree.order.filter((i) => rootOf[i] === root);
    const drivers = chosen ? chosen.filter((d) => rootOf[d] === root) : defaultDrivers(tree, members);
    if (chosen && drivers.length === 0) continue;
    const kgi = tree.nodes[root];
    if (!chosen) checkDrivers(tree, drivers);
    if (drivers.length === 0) fail(tree.lang, "seekNoDrivers", { row: kgi.row, name: kgi.name });
    const want = goal ?? kgi.target ?? targets[root];
    if (want === null) fail(tree.lang, "seekNoGoal", { row: kgi.row, name: kgi.name, column: tree.headers.target });
    const blank = drivers.find((d) => actual[d] === null);
    if (blank !== undefined) {
      const n = tree.nodes[blank];
      fail(tree.lang, "seekBlankDriver", { row: n.row, name: n.name, column: tree.headers.actual });
    }
    const f = kgiFunction(tree, root, drivers, actual);
    const rate = solve(f, want, candidates(tree, drivers));
    if (rate === null) unreachable(tree, root, drivers, want, actual);
    for (const d of drivers) values[d] = improved(tree, d, actual[d] as number, rate);
    trees.push({ root, drivers, rate, goal: want });
  }
  return { trees, values };
}

/** KPI_SEEK's column: each driver's sought value, and the common improvement in its KGI's row. */
export function seekColumn(result: SeekResult): Values {
  const out = result.values.slice();
  for (const t of result.trees) out[t.root] = t.rate;
  return out;
}
