import { formatMessage, KpiError, type MessageCode, type Where } from "./errors";
import { parseOp } from "./operators";
import { groupPeriods, type PeriodHeader, parseAggregation, parsePeriodHeader } from "./periods";
import { type Cell, cellText, hasJapanese, isBlank, type Lang, normalizeKey, toGrid } from "./text";
import { type Field, type HierarchyForm, type KpiNode, NO_CHILDREN, type Period, preorder, type Tree } from "./tree";
import { type Direction, isRefusal, numberReader, type ParsedNumber, parseDirection, plainValue } from "./value";
import { HEADER, headerField, OUTLINE_HEADER } from "./words";

const KSF_FALSE = new Set(["false", "no", "n", "0", "×", "x", "-", "いいえ"]);

interface Columns {
  fields: Partial<Record<Field, number>>;
  outline: number[];
  headers: Partial<Record<Field, string>>;
  /** Headers that read as periods (4月, 5月目標, Apr 2026), in column order. */
  periods: { column: number; text: string; period: PeriodHeader }[];
}

function readHeader(header: Cell[]): Columns {
  const fields: Partial<Record<Field, number>> = {};
  const headers: Partial<Record<Field, string>> = {};
  const periods: Columns["periods"] = [];
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
    const text = cellText(header[c]);
    const field = headerField(text);
    if (field && fields[field] === undefined) {
      fields[field] = c;
      headers[field] = text;
    }
    const period = field ? undefined : parsePeriodHeader(text);
    if (period) periods.push({ column: c, text, period });
  }
  // A lone outline-like column at the left (blank, KGI) is spacing, not an outline. No header word is outline-like,
  // so a lone KPI column was read as the name column above.
  return { fields, outline: outline.length >= 2 ? outline : [], headers, periods };
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
    const { fields, outline, periods } = readHeader(grid[r]);
    const known = Object.keys(fields).length + periods.length;
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

/** A problem found in a table: where it is, how bad, and the message (problem and fix) in the table's language. */
export interface Problem extends Where {
  severity: "error" | "warning";
  code: string;
  message: string;
}

/** Everything a reading of the table found: the tree (null when the header cannot be read) and every problem. */
export interface Diagnosis {
  tree: Tree | null;
  problems: Problem[];
}

/** Collects errors in the order a reading meets them, so the first is the one the functions throw. */
class Problems {
  readonly list: Problem[] = [];
  constructor(readonly lang: Lang) {}
  error(code: MessageCode, where: Where = {}, params: Record<string, string | number> = {}): void {
    this.list.push({ severity: "error", code, ...where, message: formatMessage(this.lang, code, where, params) });
  }
  /** An error after which nothing more can be read. */
  fatal(code: MessageCode, where: Where = {}, params: Record<string, string | number> = {}): null {
    this.error(code, where, params);
    return null;
  }
}

/**
 * Reads a tree range: the first row is a header, each later row one node,
 * fully blank rows skipped. Throws KpiError naming the row, the column and the
 * fix for the first thing it cannot read (`diagnose` lists them all). Linear
 * in the number of cells.
 */
export function readTree(input: unknown): Tree {
  const { tree, problems } = diagnose(input);
  // Every problem a reading finds is an error (the checks of a tree read come from treeProblems).
  const first = problems[0];
  if (first) {
    const { row, name, column } = first;
    throw new KpiError(first.code as MessageCode, first.message, { row, name, column });
  }
  return tree as Tree;
}

/**
 * Reads a tree range in one pass and reports every problem, not only the
 * first: each row is read whatever the rows before it held, and each link and
 * parent is checked. Where a row cannot be read the reading goes on as if it
 * were blank there (a value read as blank, a parent without an operator as
 * `none`, a missing parent as a KGI), so one mistake is reported once. The
 * tree is null only when the header itself cannot be read.
 */
export function diagnose(input: unknown): Diagnosis {
  const grid = toGrid(input);
  const header = grid[0] ?? [];
  const lang: Lang = header.some((h) => hasJapanese(cellText(h))) ? "ja" : "en";
  const problems = new Problems(lang);
  const shape = readShape(grid, lang, problems);
  if (!shape) return { tree: null, problems: problems.list };
  const nodes = readRows(grid, shape, problems);
  const { form, outline, headers } = shape;
  if (form === "parent") linkByParent(nodes, grid, shape, problems);
  else if (form === "level") linkByDepth(nodes, problems, headers.level, 0);
  // Outline depths are column offsets; people count columns from 1.
  else linkByDepth(nodes, problems, cellText(header[outline[0]]), 1);
  const tree: Tree = {
    lang,
    form,
    nodes,
    roots: [],
    order: [],
    rowCount: grid.length - 1,
    headers,
    periods: shape.periodList,
  };
  breakCycles(tree, problems);
  checkOperators(tree, problems);
  return { tree, problems: problems.list };
}

interface Shape extends Columns {
  /** The periods, their values filled in as the rows are read. */
  periodList: Period[];
  lang: Lang;
  form: HierarchyForm;
  col: (row: Cell[], f: Field) => Cell;
}

/** The header: which column holds what, and which of the three hierarchy forms the table uses. */
function readShape(grid: Cell[][], lang: Lang, problems: Problems): Shape | null {
  const header = grid[0] ?? [];
  if (grid.length === 0 || header.every(isBlank)) return problems.fatal("emptyRange");
  const { fields, outline, headers, periods } = readHeader(header);
  const outlineUsed = outline.length > 0 && grid.some((row, r) => r > 0 && outline.some((c) => !isBlank(row[c])));
  const forms: HierarchyForm[] = [];
  if (fields.parent !== undefined) forms.push("parent");
  if (fields.level !== undefined) forms.push("level");
  if (outlineUsed) forms.push("outline");
  if (!outlineUsed && fields.name === undefined) return problems.fatal("noNameColumn", { row: 1 });
  // Outline columns already hold the names; a Name column beside them is a second source.
  const clash = outlineUsed && fields.name !== undefined ? [`${headers.name} + outline`] : [];
  if (forms.length + clash.length > 1)
    return problems.fatal("twoHierarchies", { row: 1 }, { forms: [...forms, ...clash].join(", ") });
  if (forms.length === 0) return problems.fatal("noHierarchy", { row: 1 });
  const col = (row: Cell[], f: Field): Cell => row[fields[f] ?? -1] ?? null;
  const grouped = groupPeriods(periods);
  for (const p of grouped.problems) problems.error(p.code, { row: 1, column: p.column }, p.params);
  return { fields, outline, headers, periods, periodList: grouped.periods, lang, form: forms[0], col };
}

const NO_VALUE: ParsedNumber = { value: null };

/** True when every cell of `cells` at `columns` is blank. */
function allBlank(cells: Cell[], columns: readonly number[]): boolean {
  for (const c of columns) if (!isBlank(cells[c])) return false;
  return true;
}

/** `read` remembering its answer per distinct text, for one reading of a table. */
function remember<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    const value = read(text);
    seen.set(text, value);
    return value;
  };
}

/** `read` over cells, remembering its answer per distinct text cell (numbers, blanks and booleans are read directly). */
function rememberText<T>(read: (cell: Cell) => T): (cell: Cell) => T {
  const text = remember<T>(read);
  return (cell) => (typeof cell === "string" && cell !== "" ? text(cell) : read(cell));
}

/** The readers of one reading of a table: each distinct text (1,000件, ×, lower, Level 2) is read once. */
interface Readers {
  /**
   * A value cell: null when the cell is read as it is (a number, or a blank: plainValue), NO_VALUE
   * (reported at `row`, `name`, `column`) when it cannot be read.
   */
  value: (cell: Cell, row: number, name: string, column: string | undefined) => ParsedNumber | null;
  op: (text: string) => ReturnType<typeof parseOp>;
  direction: (cell: Cell) => ReturnType<typeof parseDirection>;
  level: (cell: Cell) => number | undefined;
  flag: (cell: Cell) => boolean;
}

function readers(problems: Problems): Readers {
  const readCell = numberReader();
  return {
    // A number or blank cell needs no reading (null here); text is read once per distinct text.
    value: (cell, row, name, column) => {
      if (plainValue(cell) !== undefined) return null;
      const reading = readCell(cell);
      if (!isRefusal(reading)) return reading;
      problems.error("badNumber", { row, name, column }, { text: cellText(cell), ...reading });
      return NO_VALUE;
    },
    op: remember(parseOp),
    direction: rememberText(parseDirection),
    level: rememberText(readLevel),
    flag: rememberText(readFlag),
  };
}

/** Each non-blank row as a node (unlinked), in row order; a row whose level cannot be read is left out. */
function readRows(grid: Cell[][], shape: Shape, problems: Problems): KpiNode[] {
  const relevant = [...shape.outline, ...Object.values(shape.fields), ...shape.periods.map((p) => p.column)];
  const nodes: KpiNode[] = [];
  const read = readers(problems);
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (allBlank(cells, relevant)) continue;
    const node = readRow(grid, r, shape, problems, read);
    if (!node) continue;
    node.index = nodes.length;
    nodes.push(node);
    readPeriodValues(cells, node, shape, read);
  }
  return nodes;
}

/** The name and outline depth of a row (depth 0 outside the outline form). */
function readName(grid: Cell[][], r: number, shape: Shape, problems: Problems): { name: string; depth: number } {
  const { outline, headers, form, col } = shape;
  const cells = grid[r];
  if (form !== "outline") {
    const name = cellText(col(cells, "name"));
    if (!name) problems.error("missingName", { row: r + 1, column: headers.name });
    return { name, depth: 0 };
  }
  let name = "";
  let depth = 0;
  for (let k = 0; k < outline.length; k++) {
    const text = cellText(cells[outline[k]]);
    if (!text) continue;
    if (name) {
      problems.error("twoOutlineNames", { row: r + 1 }, { first: name, second: text });
      break;
    }
    name = text;
    depth = k;
  }
  if (!name) problems.error("missingName", { row: r + 1, column: cellText(grid[0][outline[0]]) });
  return { name, depth };
}

/** One row as an unlinked node; null when its level cannot be read. */
function readRow(grid: Cell[][], r: number, shape: Shape, problems: Problems, read: Readers): KpiNode | null {
  const { headers, form, col } = shape;
  const cells = grid[r];
  const row = r + 1;
  let { name, depth } = readName(grid, r, shape, problems);
  const where = { row, name };
  const targetCell = col(cells, "target");
  const actualCell = col(cells, "actual");
  const target = read.value(targetCell, row, name, headers.target);
  const actual = read.value(actualCell, row, name, headers.actual);
  const dirCell = col(cells, "direction");
  const stated = read.direction(dirCell);
  if (stated === undefined)
    problems.error("badDirection", { ...where, column: headers.direction }, { text: cellText(dirCell) });
  const direction: Direction = stated ?? target?.direction ?? actual?.direction ?? "higher";

  const opText = cellText(col(cells, "op"));
  const parsedOp = opText ? read.op(opText) : null;
  if (parsedOp === undefined) problems.error("unknownOp", { ...where, column: headers.op }, { text: opText });
  const aggText = cellText(col(cells, "aggregation"));
  const aggregation = parseAggregation(aggText);
  if (aggregation === undefined)
    problems.error("badAggregation", { ...where, column: headers.aggregation }, { text: aggText });

  if (form === "level") {
    const levelCell = col(cells, "level");
    const level = read.level(levelCell);
    if (level === undefined) {
      problems.error("badLevel", { ...where, column: headers.level }, { text: cellText(levelCell) });
      return null;
    }
    depth = level;
  }
  const node: KpiNode = {
    index: 0,
    row,
    name,
    id: cellText(col(cells, "id")),
    parent: -1,
    children: NO_CHILDREN,
    depth,
    // An unreadable operator is reported once: the parent is read as a scorecard, not also as missing one.
    op: parsedOp === undefined ? "none" : parsedOp,
    target: target ? target.value : (plainValue(targetCell) ?? null),
    actual: actual ? actual.value : (plainValue(actualCell) ?? null),
    direction,
    unit: cellText(col(cells, "unit")) || target?.unit || actual?.unit || "",
    owner: cellText(col(cells, "owner")),
    deadline: col(cells, "deadline") ?? null,
    ksf: shape.fields.ksf !== undefined && read.flag(cells[shape.fields.ksf]),
  };
  if (aggregation) node.aggregation = aggregation;
  return node;
}

/** A node's value in each period column, read as leniently as Target and Actual (blank where a period has no such column). */
function readPeriodValues(cells: Cell[], node: KpiNode, shape: Shape, read: Readers): void {
  for (const period of shape.periodList)
    for (const measure of ["target", "actual"] as const) {
      const c = period.column[measure];
      const cell = c === undefined ? null : cells[c];
      const reading = c === undefined ? NO_VALUE : read.value(cell, node.row, node.name, period.header[measure]);
      period.values[measure].push(reading ? reading.value : (plainValue(cell) ?? null));
    }
}

function linkByParent(nodes: KpiNode[], grid: Cell[][], shape: Shape, problems: Problems): void {
  const { headers } = shape;
  const byId = headers.id !== undefined;
  const parentAt = shape.fields.parent as number;
  // Each key's first row; rows sharing a name (no ID column) are listed apart, for the ambiguity error.
  const index = new Map<string, number>();
  const shared = new Map<string, number[]>();
  for (const node of nodes) {
    const key = byId ? node.id : node.name;
    if (!key) continue;
    const first = index.get(key);
    if (first === undefined) index.set(key, node.index);
    else if (byId)
      problems.error(
        "duplicateId",
        { row: node.row, name: node.name, column: headers.id },
        { id: key, firstRow: nodes[first].row },
      );
    else shared.set(key, [...(shared.get(key) ?? [first]), node.index]);
  }
  // Siblings usually sit together: the key of the row above is looked up once for all of them.
  let lastKey = "";
  let lastMatch: number | undefined;
  for (const node of nodes) {
    const parentKey = cellText(grid[node.row - 1][parentAt]);
    if (!parentKey) continue;
    if (parentKey !== lastKey) {
      lastKey = parentKey;
      lastMatch = index.get(parentKey);
    }
    const match = lastMatch;
    if (match === undefined) problems.error("unknownParent", parentWhere(node, headers), { parent: parentKey });
    else if (shared.size && shared.has(parentKey))
      problems.error("ambiguousParent", parentWhere(node, headers), {
        parent: parentKey,
        rows: (shared.get(parentKey) as number[]).map((m) => nodes[m].row).join(", "),
      });
    else if (match === node.index) problems.error("cycle", parentWhere(node, headers));
    else node.parent = match;
  }
}

const parentWhere = (node: KpiNode, headers: Shape["headers"]): Where => ({
  row: node.row,
  name: node.name,
  column: headers.parent,
});

/** Level and outline forms: a row's parent is the nearest row above at a smaller depth. */
function linkByDepth(nodes: KpiNode[], problems: Problems, column: string | undefined, shown: number): void {
  let top = Number.POSITIVE_INFINITY;
  for (const node of nodes) top = Math.min(top, node.depth);
  const stack: KpiNode[] = [];
  for (const node of nodes) {
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    const where = { row: node.row, name: node.name, column };
    const above = stack[stack.length - 1];
    if (!above) {
      if (node.depth !== top) problems.error("noParentAbove", where, { level: node.depth + shown });
    } else {
      if (node.depth !== above.depth + 1)
        problems.error("levelJump", where, {
          from: above.depth + shown,
          to: node.depth + shown,
          expected: above.depth + 1 + shown,
        });
      node.parent = above.index;
    }
    stack.push(node);
  }
}

/**
 * Children lists, roots and the pre-order. Parents that loop back on
 * themselves are reported once per loop (at its first row, as the functions
 * always have) and the loop is cut there, so every node is in `order`.
 */
function breakCycles(tree: Tree, problems: Problems): void {
  const { nodes } = tree;
  const reached = link(tree);
  // Every node is reached once from a root unless some sit on a loop.
  if (tree.order.length === nodes.length) return;
  // Walk up from each unreached node; a walk that meets itself has found a new loop.
  const walk = new Int32Array(nodes.length).fill(-1);
  for (const start of nodes) {
    if (reached[start.index] || walk[start.index] >= 0) continue;
    let i = start.index;
    while (walk[i] < 0 && !reached[i]) {
      walk[i] = start.index;
      i = nodes[i].parent;
    }
    if (walk[i] !== start.index) continue;
    problems.error("cycle", { row: start.row, name: start.name, column: tree.headers.parent });
    // Cut the loop at the node where the walk closed it.
    nodes[i].parent = -1;
  }
  for (const node of nodes) node.children = NO_CHILDREN;
  link(tree);
}

/** Fills children and roots from the parents, and the pre-order; returns which nodes it reached. */
function link(tree: Tree): Uint8Array {
  const roots: number[] = [];
  for (const node of tree.nodes) {
    if (node.parent < 0) roots.push(node.index);
    else {
      const parent = tree.nodes[node.parent];
      if (parent.children === NO_CHILDREN) parent.children = [node.index];
      else parent.children.push(node.index);
    }
  }
  tree.roots = roots;
  const { order, reached } = preorder(tree);
  tree.order = order;
  return reached;
}

/** Depths from the links, operators dropped on leaves, and every parent without a usable operator. */
function checkOperators(tree: Tree, problems: Problems): void {
  const { nodes, headers, lang } = tree;
  for (const i of tree.order) {
    const node = nodes[i];
    node.depth = node.parent >= 0 ? nodes[node.parent].depth + 1 : 0;
    if (node.children.length === 0) {
      node.op = null;
      continue;
    }
    const where = { row: node.row, name: node.name, column: headers.op ?? HEADER[lang].op };
    if (node.op === null) {
      problems.error("missingOp", where);
      // Read on as a scorecard, so the checks of the other parents still run.
      node.op = "none";
    } else if (node.op === "ratio" && node.children.length !== 2)
      problems.error("ratioChildren", where, { count: node.children.length });
  }
}
