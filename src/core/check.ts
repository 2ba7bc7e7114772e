import { combine } from "./operators";
import { plans } from "./required";
import type { Tree } from "./tree";

export interface TargetCheck {
  node: number;
  /** The parent's own target. */
  stated: number;
  /** What its children's plans combine to. */
  computed: number;
  /** (computed − stated) ÷ |stated|: −0.04 = the children fall 4% short. */
  gap: number;
  /** Within tolerance. */
  ok: boolean;
}

/**
 * Health check of every parent that has an operator, a target and children
 * whose plans combine: does its target equal what they combine to (rule 2 of a good tree: the identity must hold). The
 * e-commerce example's 200,000 × 3% × ¥8,000 = ¥4,800万 ≠ ¥5,000万 shows up here
 * with a gap of −4%. `tolerance` is relative.
 */
export function checkTargets(tree: Tree, tolerance = 1e-9): TargetCheck[] {
  const plan = plans(tree);
  const out: TargetCheck[] = [];
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.op === null || node.op === "none" || node.target === null) continue;
    const computed = combine(
      node.op,
      node.children.map((c) => plan[c]),
    );
    if (computed === null) continue;
    const stated = node.target;
    const scale = Math.abs(stated) || 1;
    const gap = (computed - stated) / scale;
    out.push({ node: i, stated, computed, gap, ok: Math.abs(gap) <= tolerance });
  }
  return out;
}
