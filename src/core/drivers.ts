/*
 * What the sidebar shows of KPI_GAP, KPI_IMPACT and KPI_SEEK: the gap
 * waterfall per KGI, the sensitivity ranking, and a goal-seek plan with the
 * targets to write. Pure: the add-on reads the table and writes the plan.
 */
import { gaps } from "./gap";
import { impacts } from "./impact";
import { combine } from "./operators";
import { rollup, type Values } from "./rollup";
import { seek } from "./seek";
import type { Tree } from "./tree";
import type { Direction } from "./value";

export interface Named {
  row: number;
  name: string;
  unit: string;
}

/** KGI target → each KPI's share → KGI actual. */
export interface GapWaterfall extends Named {
  target: number;
  actual: number;
  /** Leaves with a share, largest first (by size); they add up to actual − target. */
  steps: (Named & { share: number })[];
}

function named(tree: Tree, i: number): Named {
  const n = tree.nodes[i];
  return { row: n.row, name: n.name, unit: n.unit };
}

function rootsOf(tree: Tree): number[] {
  const root: number[] = new Array(tree.nodes.length);
  for (const i of tree.order) root[i] = tree.nodes[i].parent < 0 ? i : root[tree.nodes[i].parent];
  return root;
}

/** One waterfall per KGI with a gap to split; leaves whose share is (near) zero are left out. */
export function gapWaterfalls(tree: Tree): GapWaterfall[] {
  const share = gaps(tree);
  const actual = rollup(tree, "actual");
  const root = rootsOf(tree);
  return tree.roots.flatMap((r) => {
    const whole = share[r];
    const now = actual[r];
    if (whole === null || now === null) return [];
    const scale = Math.max(Math.abs(whole), Math.abs(now)) * 1e-9;
    const steps = tree.nodes
      .filter((n) => root[n.index] === r && n.children.length === 0 && n.parent >= 0)
      .flatMap((n) => {
        const s = share[n.index];
        return s === null || Math.abs(s) <= scale ? [] : [{ ...named(tree, n.index), share: s }];
      })
      .sort((a, b) => Math.abs(b.share) - Math.abs(a.share));
    return [{ ...named(tree, r), target: now - whole, actual: now, steps }];
  });
}

export interface Sensitivity extends Named {
  /** The KGI's relative change for +1% (0.01 = 1%). */
  impact: number;
  kgiRow: number;
}

/** The leaves that move their KGI most per 1% (largest |impact| first), with the KGI they move. */
export function sensitivityRanking(tree: Tree, limit = 5): Sensitivity[] {
  const impact = impacts(tree);
  const root = rootsOf(tree);
  return tree.nodes
    .filter((n) => n.children.length === 0 && n.parent >= 0 && impact[n.index] !== null && impact[n.index] !== 0)
    .map((n) => ({ ...named(tree, n.index), impact: impact[n.index] as number, kgiRow: tree.nodes[root[n.index]].row }))
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))
    .slice(0, limit);
}

export interface SeekPlan extends Named {
  goal: number;
  /** The common improvement (0.06 = every driver 6% better). */
  rate: number;
  /** Each driver's actual and sought value; `direction` says which way a requirement rounds when shown. */
  drivers: (Named & { actual: number; value: number; direction: Direction })[];
  /**
   * The targets to write: each driver's sought value, and each KPI between a
   * driver and the KGI that has a target of its own, set to what its
   * children's targets then give — so the stated targets stay consistent.
   */
  writes: { row: number; value: number }[];
  /** What the KGI's children's targets give once written (the KGI's target combines when it equals `goal`). */
  combined: number | null;
}

/** The targets rolled up with some nodes' targets replaced (a replaced node's subtree is not looked at). */
function targetsWith(tree: Tree, replaced: ReadonlyMap<number, number>): Values {
  const out: Values = new Array(tree.nodes.length).fill(null);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const node = tree.nodes[tree.order[k]];
    const given = replaced.get(node.index);
    if (given !== undefined) out[node.index] = given;
    else if (node.op === null || node.op === "none") out[node.index] = node.target;
    else
      out[node.index] =
        combine(
          node.op,
          node.children.map((c) => out[c]),
        ) ?? node.target;
  }
  return out;
}

/** Goal seek for the sidebar: drivers by range row (null: the default drivers). */
export function seekPlan(tree: Tree, driverRows: number[] | null, goal: number | null = null): SeekPlan[] {
  const byRow = new Map(tree.nodes.map((n) => [n.row, n.index]));
  const chosen = driverRows?.flatMap((r) => byRow.get(r) ?? []) ?? null;
  const result = seek(tree, goal, chosen);
  const actual = rollup(tree, "actual");
  return result.trees.map(({ root, drivers, rate, goal: want }) => {
    const sought = new Map(drivers.map((d) => [d, result.values[d] as number]));
    const targets = targetsWith(tree, sought);
    const onPath = new Set<number>();
    for (const d of drivers)
      for (let p = tree.nodes[d].parent; p >= 0 && p !== root; p = tree.nodes[p].parent) onPath.add(p);
    const writes = [
      ...drivers.map((d) => ({ row: tree.nodes[d].row, value: sought.get(d) as number })),
      ...[...onPath]
        .filter((p) => tree.nodes[p].target !== null && targets[p] !== null)
        .map((p) => ({ row: tree.nodes[p].row, value: targets[p] as number })),
    ].sort((a, b) => a.row - b.row);
    const kgi = tree.nodes[root];
    const combined =
      kgi.op === null || kgi.op === "none"
        ? null
        : combine(
            kgi.op,
            kgi.children.map((c) => targets[c]),
          );
    return {
      ...named(tree, root),
      goal: want,
      rate,
      drivers: drivers.map((d) => ({
        ...named(tree, d),
        actual: actual[d] as number,
        value: sought.get(d) as number,
        direction: tree.nodes[d].direction,
      })),
      writes,
      combined,
    };
  });
}
