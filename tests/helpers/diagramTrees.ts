// Trees of a given size for the diagram tests: `fanout` children per parent
// (breadth first), every operator the add-on knows in use, leaves with mixed
// achievement so all statuses appear. Products and ratios only over leaves,
// so values stay finite however deep the tree.
import { type Draft, type DraftNode, newNode } from "../../src/core/draft";
import type { Op } from "../../src/core/operators";

const SPREAD: Op[] = ["sum", "avg", "min", "max", "difference"];

function opFor(k: number, kids: number[], leaf: (i: number) => boolean): Op {
  const leavesOnly = kids.every(leaf);
  if (leavesOnly && kids.length === 2 && k % 3 === 0) return "ratio";
  if (leavesOnly && k % 3 === 1) return "product";
  return SPREAD[k % SPREAD.length];
}

/** `n` KPIs in pre-order (the draft's order), parents with `fanout` children. */
export function sizedDraft(n: number, fanout: number, lang: "ja" | "en" = "ja"): Draft {
  const parent = Array.from({ length: n }, (_, k) => (k === 0 ? -1 : Math.floor((k - 1) / fanout)));
  const kids: number[][] = parent.map(() => []);
  parent.forEach((p, k) => {
    if (p >= 0) kids[p].push(k);
  });
  const leaf = (i: number) => kids[i].length === 0;
  const nodes: DraftNode[] = [];
  const stack: [number, number][] = [[0, 0]];
  while (stack.length) {
    const [k, depth] = stack.pop() as [number, number];
    const name = k === 0 ? (lang === "ja" ? "売上" : "Revenue") : `KPI ${k + 1}`;
    const patch: Partial<DraftNode> = leaf(k)
      ? { name, target: 100, actual: 40 + ((k * 37) % 90), unit: "件", owner: `owner ${k % 7}`, ksf: k % 11 === 0 }
      : { name, op: opFor(k, kids[k], leaf), unit: "件" };
    nodes.push(newNode(`n${k + 1}`, depth, patch));
    for (let c = kids[k].length - 1; c >= 0; c--) stack.push([kids[k][c], depth + 1]);
  }
  nodes[0].deadline = "2026-03-31";
  return { lang, nodes };
}
