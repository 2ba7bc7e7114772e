// Writes one tree spec as the three sheet layouts the reader accepts, so every
// example can be checked in all of them, headed with the add-on's own header words.
import { HEADER } from "../../src/core/words";

export interface Spec {
  name: string;
  op?: string;
  target?: unknown;
  actual?: unknown;
  direction?: string;
  children?: Spec[];
}

/** A tree n0, n1…: node i+1 hangs under node `parents[i] mod (i+1)`, in order (for property tests). */
export function randomShape(parents: readonly number[]): Spec[] {
  const specs: Spec[] = [{ name: "n0" }];
  parents.forEach((p, i) => {
    const child: Spec = { name: `n${i + 1}` };
    const parent = specs[p % specs.length];
    parent.children = [...(parent.children ?? []), child];
    specs.push(child);
  });
  return specs;
}

export type Layout = "parent" | "level" | "outline";
export const LAYOUTS: Layout[] = ["parent", "level", "outline"];

type Row = { spec: Spec; depth: number; id: string; parentId: string };

/** Pre-order rows, iterative so deep specs work. */
function flatten(roots: Spec[]): Row[] {
  const rows: Row[] = [];
  const stack: { spec: Spec; depth: number; parentId: string }[] = roots
    .map((spec) => ({ spec, depth: 0, parentId: "" }))
    .reverse();
  while (stack.length) {
    const item = stack.pop()!;
    const id = `N${rows.length + 1}`;
    rows.push({ ...item, id });
    const kids = item.spec.children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ spec: kids[k], depth: item.depth + 1, parentId: id });
  }
  return rows;
}

/** The table as Sheets passes it to a custom function: "" for empty cells. */
export function layout(roots: Spec[], form: Layout, lang: "en" | "ja" = "en"): unknown[][] {
  const rows = flatten(roots);
  const h = HEADER[lang];
  const values = (r: Row) => [r.spec.op ?? "", r.spec.target ?? "", r.spec.actual ?? "", r.spec.direction ?? ""];
  const tail = [h.op, h.target, h.actual, h.direction];
  if (form === "parent")
    return [[h.id, h.name, h.parent, ...tail], ...rows.map((r) => [r.id, r.spec.name, r.parentId, ...values(r)])];
  if (form === "level")
    return [[h.name, h.level, ...tail], ...rows.map((r) => [r.spec.name, r.depth + 1, ...values(r)])];
  const depth = rows.reduce((m, r) => Math.max(m, r.depth + 1), 2);
  const outline = Array.from({ length: depth }, (_, k) => (k === 0 ? "KGI" : `KPI${k}`));
  return [
    [...outline, ...tail],
    ...rows.map((r) => [...outline.map((_, k) => (k === r.depth ? r.spec.name : "")), ...values(r)]),
  ];
}

/** Names in row order, to read a function's output by name. */
export function names(roots: Spec[]): string[] {
  return flatten(roots).map((r) => r.spec.name);
}

/** Pairs a one-column output with the names of its rows. */
export function byName(roots: Spec[], output: unknown): Record<string, unknown> {
  const col = output as unknown[][];
  return Object.fromEntries(names(roots).map((n, i) => [n, col[i][0]]));
}
