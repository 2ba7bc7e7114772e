// The wizard's draft as the diagram draws it: the same figures the editor
// shows (rolled-up actual, target, required value, achievement, status).
import type { DraftNode, Evaluation } from "../core/draft";
import type { DiagramNode } from "../shared/api";

/** Each draft node's parent (the nearest earlier node one level up), with a stack: linear. */
function draftParents(nodes: readonly DraftNode[]): number[] {
  const stack: number[] = [];
  return nodes.map((n, i) => {
    while (stack.length && nodes[stack[stack.length - 1]].depth >= n.depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    return parent;
  });
}

export function draftDiagram(nodes: readonly DraftNode[], e: Evaluation): DiagramNode[] {
  const parents = draftParents(nodes);
  return nodes.map((n, i) => ({
    name: n.name,
    parent: parents[i],
    op: n.op || null,
    unit: n.unit,
    actual: e.rollupActual[i] ?? null,
    target: n.target ?? e.rollupTarget[i] ?? null,
    required: e.required[i] ?? null,
    rate: e.rate[i] ?? null,
    status: e.status[i] ?? "noData",
    ksf: n.ksf,
    owner: n.owner,
    direction: n.direction,
  }));
}
