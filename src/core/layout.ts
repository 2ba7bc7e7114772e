import { formatMessage, KpiError, type MessageCode, type Where } from "./errors";
import { OPS, type Op, parseOp } from "./operators";
import { groupPeriods, type PeriodHeader, parseAggregation, parsePeriodHeader } from "./periods";
import { type Cell, cellText, hasJapanese, isBlank, type Lang, normalizeKey, remembered, toGrid } from "./text";
import {
  type Field,
  type Frame,
  framed,
  type HierarchyForm,
  type KpiNode,
  keep,
  link,
  NO_CHILDREN,
  NO_OP,
  newFrame,
  newUnits,
  opCode,
  orNull,
  type Period,
  type Tree,
  unitCode,
} from "./tree";
import {
  type Direction,
  isRefusal,
  type ParsedNumber,
  parseDirection,
  plainValue,
  type Refusal,
  readNumber,
} from "./value";
import { HEADER, headerField, OUTLINE_HEADER } from "./words";

const KSF_FALSE = new Set("false no n 0 × x - いいえ".split(" "));

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
  const texts = header.map(cellText);
  const keys = texts.map(normalizeKey);
  const outline: number[] = [];
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    // "KGI | KPI | KPI" reads as an outline once the run has started.
    const outlineLike = key === "" || OUTLINE_HEADER.test(key) || (outline.length > 0 && key === "kpi");
    if (outline.length === c && outlineLike) {
      outline.push(c);
      continue;
    }
    const text = texts[c];
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
 * tree is null only when the header itself cannot be read. Messages are in
 * the header's language; with no header text (a blank range), in `fallback`.
 */
export function diagnose(input: unknown, fallback: Lang = "en"): Diagnosis {
  const grid = toGrid(input);
  const header = (grid[0] ?? []).map(cellText);
  const lang: Lang = header.some(hasJapanese) ? "ja" : header.some(Boolean) ? "en" : fallback;
  const problems = new Problems(lang);
  const shape = readShape(grid, lang, problems);
  if (!shape) return { tree: null, problems: problems.list };
  const rows = readRows(grid, shape, problems);
  const { form, outline, headers } = shape;
  if (form === "parent") linkByParent(rows, grid, shape, problems);
  else if (form === "level") linkByDepth(rows, problems, headers.level, 0);
  // Outline depths are column offsets; people count columns from 1.
  else linkByDepth(rows, problems, header[outline[0]], 1);
  const roots = breakCycles(rows, headers.parent, problems);
  checkOperators(rows, headers.op ?? HEADER[lang].op, problems);
  const tree = framed(lang, form, roots, grid.length - 1, headers, shape.periodList, rows, () =>
    nodesOf(rows, grid, shape),
  );
  return { tree, problems: problems.list };
}

interface Shape extends Columns {
  /** The columns the row loop reads (-1: none) and their headers for its messages, in objects of one fixed shape. */
  at: ReturnType<typeof columnsAt>;
  head: ReturnType<typeof headersAt>;
  /** The periods, their values filled in as the rows are read. */
  periodList: Period[];
  lang: Lang;
  form: HierarchyForm;
}

/** The cell of a row in column `c` (null where the table has no such column, -1). */
const cellAt = (cells: Cell[], c: number): Cell => (c < 0 ? null : (cells[c] ?? null));

/** The fields the reading looks up by column, in objects of one fixed shape. */
const AT = [
  "name",
  "id",
  "parent",
  "level",
  "op",
  "target",
  "actual",
  "unit",
  "direction",
  "aggregation",
  "owner",
  "deadline",
  "ksf",
] as const;
type At = (typeof AT)[number];

const columnsAt = (f: Columns["fields"]) => Object.fromEntries(AT.map((k) => [k, f[k] ?? -1])) as Record<At, number>;

const headersAt = (h: Columns["headers"]) =>
  Object.fromEntries(AT.map((k) => [k, h[k]])) as Partial<Record<At, string>>;

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
  const grouped = groupPeriods(periods);
  for (const p of grouped.problems) problems.error(p.code, { row: 1, column: p.column }, p.params);
  return shapeOf({ fields, outline, headers, periods }, grouped.periods, lang, forms[0]);
}

/** A shape from its parts, made by this one literal so that every shape has one hidden class (see `keep`). */
const shapeOf = (columns: Columns, periodList: Period[], lang: Lang, form: HierarchyForm): Shape => ({
  fields: columns.fields,
  outline: columns.outline,
  headers: columns.headers,
  periods: columns.periods,
  periodList,
  lang,
  form,
  at: columnsAt(columns.fields),
  head: headersAt(columns.headers),
});
keep(shapeOf(readHeader([]), [], "en", "parent"));

const NO_VALUE: ParsedNumber = { value: null };

/** True when every cell of `cells` at `columns` is blank. */
function allBlank(cells: Cell[], columns: readonly number[]): boolean {
  for (const c of columns) if (!isBlank(cells[c])) return false;
  return true;
}

/** The readers' memory for one reading of a table: each distinct text (1,000件, ×, lower, Level 2) is read once. */
const readers = (problems: Problems) => ({
  problems,
  numbers: new Map<string, ParsedNumber | Refusal>(),
  ops: new Map<string, Op | undefined>(),
  directions: new Map<string, Direction | null | undefined>(),
  levels: new Map<string, number | undefined>(),
  units: newUnits(),
});
type Readers = ReturnType<typeof readers>;
keep(readers(new Problems("en")));

/**
 * A value cell: null when the cell is read as it is (a number, or a blank: plainValue), NO_VALUE
 * (reported at `row`, `name`, `column`) when it cannot be read.
 */
function readValue(read: Readers, cell: Cell, row: number, name: string, column: string | undefined) {
  if (plainValue(cell) !== undefined) return null;
  const reading = remembered(read.numbers, cell, readNumber);
  if (!isRefusal(reading)) return reading;
  read.problems.error("badNumber", { row, name, column }, { text: cellText(cell), ...reading });
  return NO_VALUE;
}

/** A value cell's number as a frame holds it (NaN: blank), from its reading (null: the cell as it is). */
const numberIn = (reading: ParsedNumber | null, cell: Cell): number =>
  (reading ? reading.value : plainValue(cell)) ?? Number.NaN;

/** The rows read so far: a frame, its columns as long as the table, `size` counting the rows read. */
type Rows = Frame;

/** Each non-blank row as an unlinked node, in row order; a row whose level cannot be read is left out. */
function readRows(grid: Cell[][], shape: Shape, problems: Problems): Rows {
  const relevant = [...shape.outline, ...Object.values(shape.fields), ...shape.periods.map((p) => p.column)];
  // Names are read again from the row when a message needs one, without reporting anything.
  const rows: Rows = newFrame(shape.lang, grid.length - 1, (i) =>
    readName(grid, rows.row[i] - 1, shape, new Problems(shape.lang), new Int32Array(1), 0),
  );
  rows.size = 0;
  const read = readers(problems);
  rows.units = read.units.list;
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (allBlank(cells, relevant)) continue;
    const name = readRow(grid, r, shape, problems, read, rows);
    if (name === null) continue;
    readPeriodValues(cells, r + 1, name, shape, read);
    rows.size++;
  }
  return rows;
}

/** The name of row `r`, and its outline depth into `depth[i]` (0 outside the outline form). */
function readName(grid: Cell[][], r: number, shape: Shape, problems: Problems, depth: Int32Array, i: number): string {
  const { outline, form, at, head } = shape;
  const cells = grid[r];
  depth[i] = 0;
  if (form !== "outline") {
    const name = cellText(cellAt(cells, at.name));
    if (!name) problems.error("missingName", { row: r + 1, column: head.name });
    return name;
  }
  let name = "";
  for (let k = 0; k < outline.length; k++) {
    const text = cellText(cells[outline[k]]);
    if (!text) continue;
    if (name) {
      problems.error("twoOutlineNames", { row: r + 1 }, { first: name, second: text });
      break;
    }
    name = text;
    depth[i] = k;
  }
  if (!name) problems.error("missingName", { row: r + 1, column: cellText(grid[0][outline[0]]) });
  return name;
}

/** Reads row `r` into `rows` at `rows.size`: its name, or null when its level cannot be read (the row is left out). */
function readRow(
  grid: Cell[][],
  r: number,
  shape: Shape,
  problems: Problems,
  read: Readers,
  rows: Rows,
): string | null {
  const { form, at, head } = shape;
  const cells = grid[r];
  const row = r + 1;
  const i = rows.size;
  const name = readName(grid, r, shape, problems, rows.depth, i);
  const targetCell = cellAt(cells, at.target);
  const actualCell = cellAt(cells, at.actual);
  const target = readValue(read, targetCell, row, name, head.target);
  const actual = readValue(read, actualCell, row, name, head.actual);
  const dirCell = cellAt(cells, at.direction);
  const stated = dirCell === null ? null : remembered(read.directions, dirCell, parseDirection);
  if (stated === undefined)
    problems.error("badDirection", { row, name, column: head.direction }, { text: cellText(dirCell) });

  const opText = cellText(cellAt(cells, at.op));
  const parsedOp = opText ? remembered(read.ops, opText, parseOp) : null;
  if (parsedOp === undefined) problems.error("unknownOp", { row, name, column: head.op }, { text: opText });
  const aggText = cellText(cellAt(cells, at.aggregation));
  const aggregation = parseAggregation(aggText);
  if (aggregation === undefined)
    problems.error("badAggregation", { row, name, column: head.aggregation }, { text: aggText });

  if (form === "level") {
    const levelCell = cellAt(cells, at.level);
    const level = remembered(read.levels, levelCell, readLevel);
    if (level === undefined) {
      problems.error("badLevel", { row, name, column: head.level }, { text: cellText(levelCell) });
      return null;
    }
    rows.depth[i] = level;
  }
  rows.row[i] = row;
  // An unreadable operator is reported once: the parent is read as a scorecard, not also as missing one.
  rows.op[i] = opCode(parsedOp === undefined ? "none" : parsedOp);
  rows.target[i] = numberIn(target, targetCell);
  rows.actual[i] = numberIn(actual, actualCell);
  rows.lower[i] = (stated ?? target?.direction ?? actual?.direction) === "lower" ? 1 : 0;
  rows.unit[i] = unitCode(read.units, cellText(cellAt(cells, at.unit)) || target?.unit || actual?.unit || "");
  if (aggregation) rows.aggregation[i] = aggregation;
  return name;
}

/** A node's value in each period column, read as leniently as Target and Actual (blank where a period has no such column). */
function readPeriodValues(cells: Cell[], row: number, name: string, shape: Shape, read: Readers): void {
  for (const period of shape.periodList)
    for (const measure of ["target", "actual"] as const) {
      const c = period.column[measure];
      const cell = c === undefined ? null : cells[c];
      const reading = c === undefined ? NO_VALUE : readValue(read, cell, row, name, period.header[measure]);
      period.values[measure].push(reading ? reading.value : (plainValue(cell) ?? null));
    }
}

/** The nodes of a reading, made when first asked for (the custom functions compute from its columns). */
function nodesOf(rows: Rows, grid: Cell[][], shape: Shape): KpiNode[] {
  const { first, kids } = rows;
  const { at } = shape;
  const flags = new Map<string, boolean>();
  const nodes: KpiNode[] = new Array(rows.size);
  for (let i = 0; i < rows.size; i++) {
    const cells = grid[rows.row[i] - 1];
    const node: KpiNode = {
      index: i,
      row: rows.row[i],
      name: rows.name(i),
      id: cellText(cellAt(cells, at.id)),
      parent: rows.parent[i],
      children: first[i] === first[i + 1] ? NO_CHILDREN : Array.from(kids.subarray(first[i], first[i + 1])),
      depth: rows.depth[i],
      op: OPS[rows.op[i]] ?? null,
      target: orNull(rows.target[i]),
      actual: orNull(rows.actual[i]),
      direction: rows.lower[i] ? "lower" : "higher",
      unit: rows.units[rows.unit[i]],
      owner: cellText(cellAt(cells, at.owner)),
      deadline: cellAt(cells, at.deadline),
      ksf: at.ksf >= 0 && remembered(flags, cells[at.ksf], readFlag),
    };
    const aggregation = rows.aggregation[i];
    if (aggregation) node.aggregation = aggregation;
    nodes[i] = node;
  }
  return nodes;
}

/** FNV-style hash of a text, then mixed (half of MurmurHash3's finish) so that IDs such as k1, k2 … spread over the table. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * The first row of each non-blank key: an open-addressing table of 1 + row
 * index (0: empty), at most 80% full, and each row's key hash, so that a probe
 * reads a key again (from the grid) only when the hashes match. A Map of
 * 100,000 IDs costs several times the reading; slots of one number keep the
 * table small (512 KB for 100k keys), which is what its random reads cost.
 * No table (`size` 0) while the keys are taken to be in order (`linkRows`).
 */
function keyIndex(rows: Rows, grid: Cell[][], column: number, size: number) {
  let capacity = 1;
  while (capacity < 1.25 * size) capacity *= 2;
  return { rows, grid, column, mask: capacity - 1, table: new Int32Array(capacity), hashes: new Int32Array(size) };
}
type KeyIndex = ReturnType<typeof keyIndex>;
keep(keyIndex(newFrame("en", 0, String), [], 0, 0));

const keyOf = (index: KeyIndex, i: number): string => cellText(index.grid[index.rows.row[i] - 1][index.column]);

/** The slot of `key` (whose hash is `hash`), or the empty slot where it goes. */
function slotOf(index: KeyIndex, key: string, hash: number): number {
  const { table, mask, hashes } = index;
  let s = hash & mask;
  for (let j = table[s]; j; j = table[s]) {
    if (hashes[j - 1] === hash && keyOf(index, j - 1) === key) return s;
    s = (s + 1) & mask;
  }
  return s;
}

/**
 * Every row's key in the index; keys met again are reported (IDs) or listed
 * in `shared` (names, for the ambiguity error).
 */
function indexKeys(index: KeyIndex, shared: Map<string, number[]>, problems: Problems, column?: string): void {
  const { rows, table } = index;
  for (let i = 0; i < rows.size; i++) {
    const key = keyOf(index, i);
    if (!key) continue;
    const hash = hashText(key);
    index.hashes[i] = hash;
    const s = slotOf(index, key, hash);
    const first = table[s] - 1;
    if (first < 0) {
      table[s] = i + 1;
      continue;
    }
    if (shared === NO_SHARING) {
      problems.error("duplicateId", whereIn(rows, i, column), { id: key, firstRow: rows.row[first] });
    } else {
      const list = shared.get(key);
      if (list) list.push(i);
      else shared.set(key, [first, i]);
    }
  }
}

/** IDs are never shared: a second one is an error. */
const NO_SHARING = new Map<string, number[]>();

function linkByParent(rows: Rows, grid: Cell[][], shape: Shape, problems: Problems): void {
  const { at, head } = shape;
  const byId = at.id >= 0;
  const column = byId ? at.id : at.name;
  if (linkRows(keyIndex(rows, grid, column, 0), at.parent, problems, NO_SHARING, head.parent)) return;
  rows.parent.fill(-1);
  const index = keyIndex(rows, grid, column, rows.size);
  const shared = byId ? NO_SHARING : new Map<string, number[]>();
  indexKeys(index, shared, problems, head.id);
  linkRows(index, at.parent, problems, shared, head.parent);
}

/**
 * Links each row to its parent's row, found in the index. Without one, the
 * keys are taken to ascend (each longer than the one before, or as long and
 * after it: K1, K2 … K10), which makes them unique, and each parent to be the
 * row after the last one met (rows listed breadth first, or a chain): false,
 * the links half made, at the first row where either is not so.
 */
function linkRows(
  index: KeyIndex,
  parentAt: number,
  problems: Problems,
  shared: Map<string, number[]>,
  column?: string,
) {
  const { rows, grid, table } = index;
  const inOrder = table.length === 1;
  let last = "";
  // Siblings usually sit together: the key of the row above is looked up once for all of them.
  let lastKey = "";
  let match = -1;
  for (let i = 0; i < rows.size; i++) {
    const key = inOrder ? keyOf(index, i) : "";
    if (key) {
      if (key.length < last.length || (key.length === last.length && key <= last)) return false;
      last = key;
    }
    const parentKey = cellText(grid[rows.row[i] - 1][parentAt]);
    if (!parentKey) continue;
    if (parentKey !== lastKey) {
      lastKey = parentKey;
      if (!inOrder) match = table[slotOf(index, parentKey, hashText(parentKey))] - 1;
      else match = match + 1 < rows.size && keyOf(index, match + 1) === parentKey ? match + 1 : -1;
    }
    if (match >= 0 && match !== i && (shared.size === 0 || !shared.has(parentKey))) {
      rows.parent[i] = match;
      continue;
    }
    if (inOrder) return false;
    const where = whereIn(rows, i, column);
    if (match < 0) problems.error("unknownParent", where, { parent: parentKey });
    else if (shared.has(parentKey))
      problems.error("ambiguousParent", where, {
        parent: parentKey,
        rows: (shared.get(parentKey) as number[]).map((m) => rows.row[m]).join(", "),
      });
    else problems.error("cycle", where);
  }
  return true;
}

/** Level and outline forms: a row's parent is the nearest row above at a smaller depth. */
function linkByDepth(rows: Rows, problems: Problems, column: string | undefined, shown: number): void {
  const { depth } = rows;
  let top = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rows.size; i++) top = Math.min(top, depth[i]);
  const stack = new Int32Array(rows.size);
  let height = 0;
  for (let i = 0; i < rows.size; i++) {
    while (height && depth[stack[height - 1]] >= depth[i]) height--;
    if (!height) {
      if (depth[i] !== top) problems.error("noParentAbove", whereIn(rows, i, column), { level: depth[i] + shown });
    } else {
      const above = stack[height - 1];
      if (depth[i] !== depth[above] + 1)
        problems.error("levelJump", whereIn(rows, i, column), {
          from: depth[above] + shown,
          to: depth[i] + shown,
          expected: depth[above] + 1 + shown,
        });
      rows.parent[i] = above;
    }
    stack[height++] = i;
  }
}

/**
 * Children lists, roots and the pre-order. Parents that loop back on
 * themselves are reported once per loop (at its first row, as the functions
 * always have) and the loop is cut there, so every node is in `order`.
 */
function breakCycles(rows: Rows, column: string | undefined, problems: Problems): number[] {
  const { size, parent } = rows;
  link(rows);
  // Every node is reached once from a root unless some sit on a loop.
  if (rows.order.length === size) return rootsOf(rows);
  const reached = new Uint8Array(size);
  for (const i of rows.order) reached[i] = 1;
  // Walk up from each unreached node; a walk that meets itself has found a new loop.
  const walk = new Int32Array(size).fill(-1);
  for (let start = 0; start < size; start++) {
    if (reached[start] || walk[start] >= 0) continue;
    let i = start;
    while (walk[i] < 0 && !reached[i]) {
      walk[i] = start;
      i = parent[i];
    }
    if (walk[i] !== start) continue;
    problems.error("cycle", whereIn(rows, start, column));
    // Cut the loop at the node where the walk closed it.
    parent[i] = -1;
  }
  link(rows);
  return rootsOf(rows);
}

function rootsOf(rows: Rows): number[] {
  const roots: number[] = [];
  for (let i = 0; i < rows.size; i++) if (rows.parent[i] < 0) roots.push(i);
  return roots;
}

/** Where node `i` sits, for a message about its `column`. */
const whereIn = (rows: Rows, i: number, column: string | undefined): Where => ({
  row: rows.row[i],
  name: rows.name(i),
  column,
});

/** Depths from the links, operators dropped on leaves, and every parent without a usable operator. */
function checkOperators(rows: Rows, column: string, problems: Problems): void {
  const { order, parent, depth, first, op } = rows;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    depth[i] = parent[i] >= 0 ? depth[parent[i]] + 1 : 0;
    const count = first[i + 1] - first[i];
    if (count === 0) {
      op[i] = NO_OP;
      continue;
    }
    if (op[i] === NO_OP) {
      problems.error("missingOp", whereIn(rows, i, column));
      // Read on as a scorecard, so the checks of the other parents still run.
      op[i] = opCode("none");
    } else if (OPS[op[i]] === "ratio" && count !== 2)
      problems.error("ratioChildren", whereIn(rows, i, column), { count });
  }
}
