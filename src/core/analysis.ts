import { type Op, replaceOne } from "./operators";
import { rollup, type Values } from "./rollup";
import { achievement } from "./status";
import type { KpiNode, Tree } from "./tree";

export interface Impact {
  node: number;
  /** The node's achievement rate now (null without data). */
  rate: number | null;
  /** Its KGI's rolled-up actual if this node alone reached its target. */
  rootIfHit: number;
  /** rootIfHit − the KGI's actual now, as a share of the KGI's target (or actual). */
  gain: number;
}

/**
 * Bottlenecks: for every leaf with a target and an actual, how much its KGI
 * would move if that leaf alone reached its target, everything else at its
 * actual — the "most room for improvement" that marks a KSF. Sorted by gain,
 * largest first. Each leaf recomputes only its own path to the root, each
 * step in O(1) (`replaceOne`), so a parent with 10,000 children costs 10,000
 * steps, not 10,000².
 */
export function bottlenecks(tree: Tree): Impact[] {
  const actual = rollup(tree, "actual");
  const { nodes } = tree;
  // Each node's place among its parent's children, and each parent's "with one child replaced", made when first asked.
  const place = new Uint32Array(nodes.length);
  for (const p of nodes) for (let k = 0; k < p.children.length; k++) place[p.children[k]] = k;
  const replacers: ((k: number, value: number | null) => number | null)[] = [];
  const withChild = (p: KpiNode, child: number, value: number | null) => {
    replacers[p.index] ??= replaceOne(
      p.op as Op,
      p.children.map((c) => actual[c]),
    );
    return replacers[p.index](place[child], value);
  };
  const out: Impact[] = [];
  for (const node of nodes) {
    if (node.children.length || node.target === null || node.actual === null || node.target === node.actual) continue;
    let value: number | null = node.target;
    let child = node.index;
    let parent = node.parent;
    while (parent >= 0 && value !== null) {
      const p = nodes[parent];
      if (p.op === null || p.op === "none") break;
      value = withChild(p, child, value);
      child = parent;
      parent = p.parent;
    }
    // Stopped below the root (a scorecard or a blank operand): no effect on the KGI.
    if (parent >= 0 || value === null) continue;
    const root = nodes[child];
    const now = actual[child];
    if (now === null) continue;
    const scale = Math.abs(root.target ?? now) || 1;
    const gain = ((root.direction === "lower" ? now - value : value - now) / scale) as number;
    out.push({ node: node.index, rate: achievement(node.actual, node.target, node.direction), rootIfHit: value, gain });
  }
  return out.sort((a, b) => b.gain - a.gain);
}

/** What-if: every node's rolled-up actual with some actuals replaced. */
export function whatIf(tree: Tree, overrides: ReadonlyMap<number, number>): Values {
  const saved = tree.nodes.map((n) => n.actual);
  try {
    for (const [i, v] of overrides) tree.nodes[i].actual = v;
    return rollup(tree, "actual");
  } finally {
    tree.nodes.forEach((n, i) => {
      n.actual = saved[i];
    });
  }
}
