// Deterministic random KPI tables (seeded), in every layout and with the cells
// Japanese sheets hold: numbers, `1,001件`, `２０％`, `2,000万円`, `3%以下`,
// blanks, blank rows and the occasional unreadable cell. The equivalence test
// runs the built functions over them and compares with stored outputs.

/** mulberry32: a small seeded PRNG, so the same seed gives the same tables on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPS = ["+", "×", "-", "÷", "avg", "min", "max", "none", "合計", "積", "sum", "*"];
const TEXT_VALUES = [
  "1,001件",
  "２０％",
  "20%",
  "2,000万円",
  "¥3,000",
  "3%以下",
  "90%以上",
  "▲500",
  "1.2億",
  "１，０００",
  "12.5",
  "-",
  "N/A",
  "未定",
  " 40 ",
  "3k",
];
const BAD_VALUES = ["abc", "12 34", "1,2,3"];
const DIRECTIONS = ["lower", "↓", "以上", "higher", "低い"];

type Pick = <T>(items: readonly T[]) => T;

function valueCell(r: () => number, pick: Pick, leaf: boolean): unknown {
  const x = r();
  if (!leaf && x < 0.6) return "";
  if (x < 0.12) return "";
  if (x < 0.5) return Math.round(r() * 2000) / (r() < 0.3 ? 100 : 1) - (r() < 0.1 ? 1000 : 0);
  if (x < 0.55) return 0;
  if (x < 0.985) return pick(TEXT_VALUES);
  return pick(BAD_VALUES);
}

export interface RandomTable {
  grid: unknown[][];
  /** Which layout and language it was written in, for failure messages. */
  kind: string;
}

/** One random table: 1–`maxNodes` KPIs (sometimes two KGIs), in a random layout and language. */
export function randomTable(seed: number, maxNodes = 16): RandomTable {
  const r = rng(seed);
  const pick: Pick = (items) => items[Math.floor(r() * items.length)];
  const n = 1 + Math.floor(r() * maxNodes);
  const parent: number[] = [-1];
  for (let i = 1; i < n; i++) parent.push(r() < 0.05 ? -1 : Math.floor(r() * i));
  const kids = parent.map((_, i) => parent.filter((p) => p === i).length);
  // Depth-first order, so the level and outline layouts can express the tree.
  const order: number[] = [];
  const depth: number[] = new Array(n).fill(0);
  const visit = (i: number, d: number) => {
    order.push(i);
    depth[i] = d;
    for (let c = 0; c < n; c++) if (parent[c] === i) visit(c, d + 1);
  };
  for (let i = 0; i < n; i++) if (parent[i] === -1) visit(i, 0);

  const ja = r() < 0.5;
  const form = pick(["id", "name", "level", "outline"] as const);
  const withDirection = r() < 0.3;
  const withUnit = r() < 0.3;
  const maxDepth = Math.max(2, ...depth.map((d) => d + 1));
  const head = ja
    ? { id: "ID", name: "指標名", parent: "親", level: "階層", op: "計算", t: "目標", a: "実績", d: "方向", u: "単位" }
    : {
        id: "ID",
        name: "Name",
        parent: "Parent",
        level: "Level",
        op: "Op",
        t: "Target",
        a: "Actual",
        d: "Direction",
        u: "Unit",
      };
  const outline = Array.from({ length: maxDepth }, (_, k) => (k === 0 ? "KGI" : `KPI${k}`));
  const lead =
    form === "id"
      ? [head.id, head.name, head.parent]
      : form === "name"
        ? [head.name, head.parent]
        : form === "level"
          ? [head.name, head.level]
          : outline;
  const header = [...lead, head.op, head.t, head.a, ...(withDirection ? [head.d] : []), ...(withUnit ? [head.u] : [])];
  const grid: unknown[][] = [header];
  for (const i of order) {
    const name = ja ? `指標${i}` : `KPI ${i}`;
    const p = parent[i];
    const id = `k${i}`;
    const leadCells =
      form === "id"
        ? [id, name, p < 0 ? "" : `k${p}`]
        : form === "name"
          ? [name, p < 0 ? "" : ja ? `指標${p}` : `KPI ${p}`]
          : form === "level"
            ? [name, r() < 0.2 ? `${depth[i] + 1}` : depth[i] + 1]
            : outline.map((_, k) => (k === depth[i] ? name : ""));
    const leaf = kids[i] === 0;
    const op = leaf ? (r() < 0.05 ? "+" : "") : r() < 0.03 ? "" : pick(OPS);
    const row = [...leadCells, op, valueCell(r, pick, leaf), valueCell(r, pick, leaf)];
    if (withDirection) row.push(r() < 0.7 ? "" : r() < 0.97 ? pick(DIRECTIONS) : "sideways");
    if (withUnit) row.push(r() < 0.5 ? "" : pick(["件", "円", "%"]));
    grid.push(row);
    if (r() < 0.05) grid.push(header.map(() => ""));
  }
  return { grid, kind: `${form}/${ja ? "ja" : "en"}` };
}
