import { fail } from "./errors";
import { parseOp } from "./operators";
import { type Cell, cellText, hasJapanese, isBlank, type Lang, normalizeKey, toGrid } from "./text";
import { type Field, type HierarchyForm, type KpiNode, preorder, type Tree } from "./tree";
import { type Direction, parseDirection, requireNumber } from "./value";

const HEADER_ALIASES: Record<Field, string[]> = {
  name: ["name", "kpi", "kpi name", "metric", "指標", "指標名", "項目", "項目名", "kpi名"],
  id: ["id", "key", "no", "番号"],
  parent: ["parent", "parent id", "parent key", "親", "親id", "親指標", "親項目"],
  level: ["level", "depth", "階層", "レベル", "深さ"],
  op: ["op", "operator", "operation", "formula", "演算", "計算", "計算式", "演算子"],
  target: ["target", "goal", "plan", "目標", "目標値", "計画"],
  actual: ["actual", "result", "actuals", "実績", "実績値"],
  unit: ["unit", "単位"],
  direction: ["direction", "better", "方向", "評価方向"],
  owner: ["owner", "担当", "担当者", "責任者"],
  deadline: ["deadline", "due", "due date", "期限", "期日"],
  ksf: ["ksf", "kfs", "csf", "focus", "重点", "重点管理", "重点項目"],
};
const FIELD_BY_HEADER = new Map<string, Field>();
for (const [field, names] of Object.entries(HEADER_ALIASES) as [Field, string[]][])
  for (const n of names) FIELD_BY_HEADER.set(normalizeKey(n), field);

// Outline headers: blank, KGI, KPI1…, Level 1…, Lv1, L1, 第1階層, 階層1, 1.
const OUTLINE_HEADER = /^(kgi|kpi\d+|level\d+|lv\.?\d+|l\d+|第?\d+階層|階層\d+|\d+)$/;
const KSF_FALSE = new Set(["false", "no", "n", "0", "×", "x", "-", "いいえ"]);

interface Columns {
  fields: Partial<Record<Field, number>>;
  outline: number[];
  headers: Partial<Record<Field, string>>;
}

function readHeader(header: Cell[]): Columns {
  const fields: Partial<Record<Field, number>> = {};
  const headers: Partial<Record<Field, string>> = {};
  const keys = header.map((h) => normalizeKey(cellText(h)));
  const outline: number[] = [];
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    // "KGI | KPI | KPI" reads as an outline once the run has started.
    const outlineLike = key === "" || OUTLINE_HEADER.test(key) || (outline.length > 0 && key === "kpi");
    if (outline.length === c && outlineLike) {
      outline.push(c);
      continue;
    }
    const field = FIELD_BY_HEADER.get(key);
    if (field && fields[field] === undefined) {
      fields[field] = c;
      headers[field] = cellText(header[c]);
    }
  }
  // A lone KPI/blank column at the left is a name column or spacing, not an outline.
  if (outline.length === 1) {
    const field = FIELD_BY_HEADER.get(keys[0]);
    if (field && fields[field] === undefined) {
      fields[field] = 0;
      headers[field] = cellText(header[0]);
    }
  }
  return { fields, outline: outline.length >= 2 ? outline : [], headers };
}

/** 0-based outline columns (KGI, KPI1…) of a header row: the leftmost run of two or more; none otherwise. */
export function outlineColumns(header: Cell[]): number[] {
  return readHeader(header).outline;
}

/**
 * Where the header row of a table sits inside a larger range (a title and
 * blank rows above it, as sheets often have): the first of the first `limit`
 * rows holding a name column (or outline columns) plus at least one other
 * recognised column; 0 when none does, so the reader's own error names row 1.
 */
export function findHeaderRow(grid: readonly Cell[][], limit = 20): number {
  for (let r = 0; r < Math.min(grid.length, limit); r++) {
    const { fields, outline } = readHeader(grid[r]);
    const known = Object.keys(fields).length;
    if ((fields.name !== undefined && known >= 2) || (outline.length >= 2 && known >= 1)) return r;
  }
  return 0;
}

/** A whole number ≥ 0 (0- or 1-based numbering both work), also in text such as `Level 2`, `第2階層`; never -1 or 1.5. */
function readLevel(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  const m = /^(\D*?)(\d+)\D*$/.exec(cellText(cell).normalize("NFKC"));
  return m && !/[-−‐▲△]\s*$/.test(m[1]) ? Number(m[2]) : undefined;
}

function readFlag(cell: Cell): boolean {
  if (typeof cell === "boolean") return cell;
  const text = cellText(cell).normalize("NFKC").toLowerCase();
  return text !== "" && !KSF_FALSE.has(text);
}

/**
 * Reads a tree range: the first row is a header, each later row one node,
 * fully blank rows skipped. Throws KpiError naming the row, the column and the
 * fix for anything it cannot read. Linear in the number of cells.
 */
export function readTree(input: unknown): Tree {
  const grid = toGrid(input);
  const header = grid[0] ?? [];
  const lang: Lang = header.some((h) => hasJapanese(cellText(h))) ? "ja" : "en";
  if (grid.length === 0 || header.every(isBlank)) fail(lang, "emptyRange");
  const { fields, outline, headers } = readHeader(header);
  const col = (row: Cell[], f: Field): Cell => (fields[f] === undefined ? null : row[fields[f] as number]);

  const outlineUsed = outline.length > 0 && grid.some((row, r) => r > 0 && outline.some((c) => !isBlank(row[c])));
  const forms: HierarchyForm[] = [];
  if (fields.parent !== undefined) forms.push("parent");
  if (fields.level !== undefined) forms.push("level");
  if (outlineUsed) forms.push("outline");
  if (!outlineUsed && fields.name === undefined) fail(lang, "noNameColumn", { row: 1 });
  // Outline columns already hold the names; a Name column beside them is a second source.
  const clash = outlineUsed && fields.name !== undefined ? [`${headers.name} + outline`] : [];
  if (forms.length + clash.length > 1)
    fail(lang, "twoHierarchies", { row: 1 }, { forms: [...forms, ...clash].join(", ") });
  if (forms.length === 0) fail(lang, "noHierarchy", { row: 1 });
  const form = forms[0];

  const relevant = [...outline, ...Object.values(fields)];
  const nodes: KpiNode[] = [];
  const depths: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (relevant.every((c) => isBlank(cells[c]))) continue;
    const row = r + 1;
    let name = "";
    let depth = 0;
    if (form === "outline") {
      for (let k = 0; k < outline.length; k++) {
        const text = cellText(cells[outline[k]]);
        if (!text) continue;
        if (name) fail(lang, "twoOutlineNames", { row }, { first: name, second: text });
        name = text;
        depth = k;
      }
    } else name = cellText(col(cells, "name"));
    const where = { row, name };
    if (!name) fail(lang, "missingName", { row, column: headers.name ?? cellText(header[outline[0] ?? 0]) });

    const number = (f: "target" | "actual") => requireNumber(lang, col(cells, f), { ...where, column: headers[f] });
    const target = number("target");
    const actual = number("actual");
    const dirCell = col(cells, "direction");
    const stated = parseDirection(dirCell);
    if (stated === undefined)
      fail(lang, "badDirection", { ...where, column: headers.direction }, { text: cellText(dirCell) });
    const direction: Direction = stated ?? target.direction ?? actual.direction ?? "higher";

    const opText = cellText(col(cells, "op"));
    const op = opText ? parseOp(opText) : null;
    if (op === undefined) fail(lang, "unknownOp", { ...where, column: headers.op }, { text: opText });

    if (form === "level") {
      const levelCell = col(cells, "level");
      const level = readLevel(levelCell);
      if (level === undefined)
        fail(lang, "badLevel", { ...where, column: headers.level }, { text: cellText(levelCell) });
      depth = level;
    }
    depths.push(depth);
    nodes.push({
      index: nodes.length,
      row,
      name,
      id: cellText(col(cells, "id")),
      parent: -1,
      children: [],
      depth,
      op,
      target: target.value,
      actual: actual.value,
      direction,
      unit: cellText(col(cells, "unit")) || target.unit || actual.unit || "",
      owner: cellText(col(cells, "owner")),
      deadline: col(cells, "deadline") ?? null,
      ksf: readFlag(col(cells, "ksf")),
    });
  }

  if (form === "parent") linkByParent(nodes, col, grid, lang, headers);
  else if (form === "level") linkByDepth(nodes, lang, headers.level, 0);
  // Outline depths are column offsets; people count columns from 1.
  else linkByDepth(nodes, lang, cellText(header[outline[0]]), 1);

  const roots: number[] = [];
  for (const node of nodes) {
    if (node.parent < 0) roots.push(node.index);
    else nodes[node.parent].children.push(node.index);
  }
  const tree: Tree = { lang, form, nodes, roots, order: [], rowCount: grid.length - 1, headers };
  tree.order = preorder(tree);
  for (const i of tree.order) {
    const node = nodes[i];
    if (node.parent >= 0) node.depth = nodes[node.parent].depth + 1;
    else node.depth = 0;
    if (node.children.length === 0) {
      node.op = null;
      continue;
    }
    const where = { row: node.row, name: node.name, column: headers.op ?? (lang === "ja" ? "計算" : "Op") };
    if (node.op === null) fail(lang, "missingOp", where);
    if (node.op === "ratio" && node.children.length !== 2)
      fail(lang, "ratioChildren", where, { count: node.children.length });
  }
  return tree;
}

function linkByParent(
  nodes: KpiNode[],
  col: (row: Cell[], f: Field) => Cell,
  grid: Cell[][],
  lang: Lang,
  headers: Partial<Record<Field, string>>,
): void {
  const byId = headers.id !== undefined;
  const index = new Map<string, number[]>();
  for (const node of nodes) {
    const key = byId ? node.id : node.name;
    if (!key) continue;
    const rows = index.get(key);
    if (!rows) index.set(key, [node.index]);
    else if (byId)
      fail(
        lang,
        "duplicateId",
        { row: node.row, name: node.name, column: headers.id },
        { id: key, firstRow: nodes[rows[0]].row },
      );
    else rows.push(node.index);
  }
  for (const node of nodes) {
    const parentKey = cellText(col(grid[node.row - 1], "parent"));
    if (!parentKey) continue;
    const where = { row: node.row, name: node.name, column: headers.parent };
    const matches = index.get(parentKey);
    if (!matches) fail(lang, "unknownParent", where, { parent: parentKey });
    if (matches.length > 1)
      fail(lang, "ambiguousParent", where, { parent: parentKey, rows: matches.map((m) => nodes[m].row).join(", ") });
    if (matches[0] === node.index) fail(lang, "cycle", where);
    node.parent = matches[0];
  }
}

/** Level and outline forms: a row's parent is the nearest row above at a smaller depth. */
function linkByDepth(nodes: KpiNode[], lang: Lang, column: string | undefined, shown: number): void {
  let top = Number.POSITIVE_INFINITY;
  for (const node of nodes) top = Math.min(top, node.depth);
  const stack: KpiNode[] = [];
  for (const node of nodes) {
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    const where = { row: node.row, name: node.name, column };
    const above = stack[stack.length - 1];
    if (!above) {
      if (node.depth !== top) fail(lang, "noParentAbove", where, { level: node.depth + shown });
    } else {
      if (node.depth !== above.depth + 1)
        fail(lang, "levelJump", where, {
          from: above.depth + shown,
          to: node.depth + shown,
          expected: above.depth + 1 + shown,
        });
      node.parent = above.index;
    }
    stack.push(node);
  }
}
