// The diagram's geometry without a browser: tidy (no overlaps, parents centred
// on their children), every operator placed where its branches meet, folding,
// and the folded opening of very large trees.
import { describe, expect, it } from "vitest";
import { evaluateDraft } from "../../src/core/draft";
import { draftDiagram } from "../../src/sidebar/diagramData";
import { LARGE, SMALL } from "../../src/sidebar/TreeDiagram";
import {
  branchSizes,
  initialCollapsed,
  type LaidBox,
  layoutTree,
  type Orientation,
  type Shape,
  visibleCount,
} from "../../src/sidebar/treeLayout";
import { sizedDraft } from "../helpers/diagramTrees";

function shapes(n: number, fanout: number): Shape[] {
  const d = sizedDraft(n, fanout);
  return draftDiagram(d.nodes, evaluateDraft(d, "ja"));
}

const options = (orientation: Orientation, collapsed: ReadonlySet<number> = new Set()) => ({
  orientation,
  box: LARGE.box,
  gap: LARGE.gap,
  margin: LARGE.margin,
  collapsed,
});

function overlapping(boxes: LaidBox[], w: number, h: number): number {
  // Sweep along x: only boxes whose x ranges meet are compared.
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  let bad = 0;
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + w; j++)
      if (Math.abs(sorted[j].y - sorted[i].y) < h) bad++;
  return bad;
}

describe("tree layout", () => {
  for (const orientation of ["lr", "tb"] as const)
    for (const [n, fanout] of [
      [8, 2],
      [60, 3],
      [300, 4],
      [1000, 7],
    ] as const)
      it(`${n} KPIs, ${orientation}: no overlaps, parents centred, one operator per parent, inside the drawing`, () => {
        const nodes = shapes(n, fanout);
        const layout = layoutTree(nodes, options(orientation));
        const { width: w, height: h } = LARGE.box;
        expect(layout.boxes.map((b) => b.index)).toEqual(nodes.map((_, i) => i));
        expect(overlapping(layout.boxes, w, h)).toBe(0);
        const parents = nodes.map((_, i) => i).filter((i) => nodes.some((m) => m.parent === i));
        expect(layout.ops.map((o) => o.parent)).toEqual(parents);
        expect(layout.edges).toHaveLength(n - 1);
        for (const p of parents) {
          const kids = layout.boxes.filter((b) => nodes[b.index].parent === p);
          const across = (b: LaidBox) => (orientation === "lr" ? b.y : b.x);
          const mid = (Math.min(...kids.map(across)) + Math.max(...kids.map(across))) / 2;
          expect(across(layout.boxes[p])).toBeCloseTo(mid, 6);
          // The operator sits between the parent and its children, on the parent's axis.
          const op = layout.ops.find((o) => o.parent === p)!;
          const b = layout.boxes[p];
          if (orientation === "lr") expect([op.y, op.x > b.x + w, op.x < kids[0].x]).toEqual([b.y + h / 2, true, true]);
          else expect([op.x, op.y > b.y + h, op.y < kids[0].y]).toEqual([b.x + w / 2, true, true]);
        }
        for (const b of layout.boxes) {
          expect(b.x).toBeGreaterThanOrEqual(LARGE.margin);
          expect(b.y).toBeGreaterThanOrEqual(LARGE.margin);
          expect(b.x + w).toBeLessThanOrEqual(layout.width);
          expect(b.y + h).toBeLessThanOrEqual(layout.height);
        }
      });

  it("folds a branch: its KPIs go, the box says how many, the rest keeps its place in the list order", () => {
    const nodes = shapes(60, 3);
    const sizes = branchSizes(nodes);
    const folded = layoutTree(nodes, options("lr", new Set([1])));
    expect(folded.boxes).toHaveLength(60 - sizes[1]);
    expect(folded.boxes[1]).toMatchObject({ index: 1, collapsed: true, hidden: sizes[1] });
    expect(folded.ops.some((o) => o.parent === 1)).toBe(false);
    expect(overlapping(folded.boxes, LARGE.box.width, LARGE.box.height)).toBe(0);
  });

  it("opens up to 300 KPIs whole, and a 3,000-KPI tree folded below level 3 (or higher when that is still too many)", () => {
    expect(initialCollapsed(shapes(300, 4), 300).size).toBe(0);
    const big = shapes(3000, 5);
    const folded = initialCollapsed(big, 300);
    expect(visibleCount(big, folded)).toBe(1 + 5 + 25);
    const wide = shapes(3000, 2999);
    // One KGI over 2,999 leaves: even level 2 is too many, so only the KGI shows, folded.
    expect([...initialCollapsed(wide, 300)]).toEqual([0]);
    expect(layoutTree(wide, options("lr", initialCollapsed(wide, 300))).boxes).toHaveLength(1);
  });

  it("several KGIs sit side by side; an empty tree draws nothing", () => {
    const two: Shape[] = [
      { parent: -1, op: "sum" },
      { parent: 0, op: null },
      { parent: -1, op: null },
    ];
    const layout = layoutTree(two, { ...options("tb"), box: SMALL.box, gap: SMALL.gap, margin: SMALL.margin });
    expect(layout.boxes[0].y).toBe(layout.boxes[2].y);
    expect(overlapping(layout.boxes, SMALL.box.width, SMALL.box.height)).toBe(0);
    expect(layoutTree([], options("lr"))).toMatchObject({ boxes: [], width: 0, height: 0 });
  });
});
