import { combine } from "./operators";
import { rollup, type Values } from "./rollup";
import { achievement } from "./status";
import type { Tree } from "./tree";

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
 * largest first. Each leaf recomputes only its own path to the root.
 */
export function bottlenecks(tree: Tree): Impact[] {
  const actual = rollup(tree, "actual");
  const out: Impact[] = [];
  for (const node of tree.nodes) {
    if (node.children.length || node.target === null || node.actual === null || node.target === node.actual) continue;
    let value: number | null = node.target;
    let child = node.index;
    let parent = node.parent;
    while (parent >= 0 && value !== null) {
      const p = tree.nodes[parent];
      if (p.op === null || p.op === "none") break;
      const replaced = child;
      const newValue: number | null = value;
      value = combine(
        p.op,
        p.children.map((c) => (c === replaced ? newValue : actual[c])),
      );
      child = parent;
      parent = p.parent;
    }
    // Stopped below the root (a scorecard or a blank operand): no effect on the KGI.
    if (parent >= 0 || value === null) continue;
    const root = tree.nodes[child];
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
