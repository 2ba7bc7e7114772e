/*
 * The tree the wizard edits: a flat, pre-order list of nodes with a depth
 * (node 0 is the KGI), the same shape as an outline. Plain JSON, so it travels
 * through google.script.run unchanged (deadlines are ISO date strings).
 *
 * Editing operations return new drafts; `draftTable` lays it out as a table the
 * core reads (header row, one node per row, hierarchy by ID/Parent or by
 * outline columns KGI, KPI1…), and every
 * check runs the core's own reader on that grid, so what the sidebar warns
 * about is exactly what the sheet's functions will see.
 */
import { checkTargets, mismatchMessage, TARGET_TOLERANCE } from "./check";
import { type DraftIssue, ISSUE_TEXT, type IssueKind, nodeLabeller } from "./draftIssues";
import { formatMessage, KpiError } from "./errors";
import { readTree } from "./layout";
import { OP_WORD, OPS, type Op } from "./operators";
import { type PeriodPlan, periodCells, periodHeaders } from "./periodBlock";
import { AGGREGATION_WORD } from "./periods";
import { rateKpis } from "./phasing";
import { plans, required } from "./required";
import { rollup } from "./rollup";
import { achievement, DEFAULT_THRESHOLDS, type Status, statusOf, type Thresholds } from "./status";
import type { Cell, Lang } from "./text";
import type { Tree } from "./tree";
import { checkUnits, unitIssueMessage } from "./units";
import { DIRECTION_WORD, type Direction } from "./value";
import { CADENCE_WORD, type Cadence, HEADER, outlineHeaders } from "./words";

export interface DraftNode {
  /** Stable within the draft; written as the row's ID. */
  key: string;
  /** 0 for the KGI; a child is one deeper than its parent. */
  depth: number;
  name: string;
  /** How the children combine; "" until chosen (leaves ignore it). */
  op: Op | "";
  target: number | null;
  actual: number | null;
  unit: string;
  direction: Direction;
  owner: string;
  /** ISO date (2026-03-31) or "". */
  deadline: string;
  ksf: boolean;
  /**
   * Text typed into a value field that does not read as a number (`abc`),
   * kept so the editor can show it and refuse to write until it is fixed.
   * The field's number keeps its last readable value meanwhile.
   */
  invalid?: Partial<Record<ValueField, string>>;
}

/** The fields holding numbers the user types. */
export type ValueField = "target" | "actual";

export interface Draft {
  /** Language of the sheet's headers and words (以上/以下, なし). */
  lang: Lang;
  nodes: DraftNode[];
}

/** The columns of the written table, in order. */
const FIELDS = [
  "name",
  "id",
  "parent",
  "op",
  "target",
  "actual",
  "unit",
  "direction",
  "owner",
  "deadline",
  "ksf",
] as const;

/** The header row of the written table (ID and parent layout), in the catalogue's words. */
export const HEADERS: Record<Lang, readonly string[]> = {
  ja: FIELDS.map((f) => HEADER.ja[f]),
  en: FIELDS.map((f) => HEADER.en[f]),
};

/** Columns of the written table, 0-based. */
export const COL = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as { [K in (typeof FIELDS)[number]]: number };
export const TABLE_WIDTH = FIELDS.length;

export const KSF_MARK = "★";

export function opWord(op: Op, lang: Lang): string {
  return OP_WORD[lang][op];
}

export function newNode(key: string, depth: number, patch: Partial<DraftNode> = {}): DraftNode {
  return {
    key,
    depth,
    name: "",
    op: "",
    target: null,
    actual: null,
    unit: "",
    direction: "higher",
    owner: "",
    deadline: "",
    ksf: false,
    ...patch,
  };
}

/** A key not used in the draft yet. */
export function freshKey(draft: Draft): string {
  const used = new Set(draft.nodes.map((n) => n.key));
  let k = draft.nodes.length + 1;
  while (used.has(`n${k}`)) k++;
  return `n${k}`;
}

/** Index just past the subtree of node `i`. */
export function subtreeEnd(nodes: readonly DraftNode[], i: number): number {
  let j = i + 1;
  while (j < nodes.length && nodes[j].depth > nodes[i].depth) j++;
  return j;
}

export function parentIndex(nodes: readonly DraftNode[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (nodes[j].depth < nodes[i].depth) return j;
  return -1;
}

export function childIndexes(nodes: readonly DraftNode[], i: number): number[] {
  const out: number[] = [];
  const end = subtreeEnd(nodes, i);
  for (let j = i + 1; j < end; j++) if (nodes[j].depth === nodes[i].depth + 1) out.push(j);
  return out;
}

export function hasChildren(nodes: readonly DraftNode[], i: number): boolean {
  return i + 1 < nodes.length && nodes[i + 1].depth > nodes[i].depth;
}

/** The previous sibling of node `i`, or -1. */
function previousSibling(nodes: readonly DraftNode[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (nodes[j].depth < nodes[i].depth) return -1;
    if (nodes[j].depth === nodes[i].depth) return j;
  }
  return -1;
}

function withNodes(draft: Draft, nodes: DraftNode[]): Draft {
  return { ...draft, nodes };
}

/** Adds a last child under node `i`; returns the new draft and the new node's index. */
export function addChild(draft: Draft, i: number): { draft: Draft; index: number } {
  const nodes = draft.nodes.slice();
  const at = subtreeEnd(nodes, i);
  nodes.splice(at, 0, newNode(freshKey(draft), nodes[i].depth + 1, { direction: "higher" }));
  return { draft: withNodes(draft, nodes), index: at };
}

/** Adds a sibling after node `i` (a child, for the KGI: there is one KGI). */
export function addSibling(draft: Draft, i: number): { draft: Draft; index: number } {
  if (i === 0) return addChild(draft, 0);
  const nodes = draft.nodes.slice();
  const at = subtreeEnd(nodes, i);
  nodes.splice(at, 0, newNode(freshKey(draft), nodes[i].depth));
  return { draft: withNodes(draft, nodes), index: at };
}

/** How many KPIs removing node `i` takes away: the node and everything under it (0 for the KGI). */
export function removalCount(nodes: readonly DraftNode[], i: number): number {
  if (i <= 0 || i >= nodes.length) return 0;
  return subtreeEnd(nodes, i) - i;
}

/** Removes node `i` and its subtree. The KGI stays. */
export function removeNode(draft: Draft, i: number): Draft {
  if (i <= 0 || i >= draft.nodes.length) return draft;
  const nodes = draft.nodes.slice();
  nodes.splice(i, subtreeEnd(nodes, i) - i);
  return withNodes(draft, nodes);
}

export function canIndent(nodes: readonly DraftNode[], i: number): boolean {
  return i > 0 && previousSibling(nodes, i) >= 0;
}

export function canOutdent(nodes: readonly DraftNode[], i: number): boolean {
  return i > 0 && nodes[i].depth >= 2;
}

/** Makes node `i` (with its subtree) the last child of its previous sibling. */
export function indent(draft: Draft, i: number): Draft {
  if (!canIndent(draft.nodes, i)) return draft;
  const nodes = draft.nodes.slice();
  const end = subtreeEnd(nodes, i);
  for (let j = i; j < end; j++) nodes[j] = { ...nodes[j], depth: nodes[j].depth + 1 };
  return withNodes(draft, nodes);
}

/**
 * Makes node `i` (with its subtree) a sibling of its parent, placed right
 * after the parent's subtree, so its later siblings stay where they were.
 * Returns the node's new index.
 */
export function outdent(draft: Draft, i: number): { draft: Draft; index: number } {
  if (!canOutdent(draft.nodes, i)) return { draft, index: i };
  const nodes = draft.nodes.slice();
  const parent = parentIndex(nodes, i);
  const end = subtreeEnd(nodes, i);
  const moved = nodes.splice(i, end - i).map((n) => ({ ...n, depth: n.depth - 1 }));
  const at = subtreeEnd(nodes, parent);
  nodes.splice(at, 0, ...moved);
  return { draft: withNodes(draft, nodes), index: at };
}

/** Swaps node `i` (with its subtree) with its previous (-1) or next (+1) sibling. */
export function move(draft: Draft, i: number, step: -1 | 1): { draft: Draft; index: number } {
  const nodes = draft.nodes;
  if (i <= 0) return { draft, index: i };
  let a: number;
  let b: number;
  if (step < 0) {
    a = previousSibling(nodes, i);
    b = i;
  } else {
    a = i;
    b = subtreeEnd(nodes, i);
    if (b >= nodes.length || nodes[b].depth !== nodes[i].depth) return { draft, index: i };
  }
  if (a < 0) return { draft, index: i };
  const first = nodes.slice(a, b);
  const second = nodes.slice(b, subtreeEnd(nodes, b));
  const out = [...nodes.slice(0, a), ...second, ...first, ...nodes.slice(a + first.length + second.length)];
  return { draft: withNodes(draft, out), index: step < 0 ? a : a + second.length };
}

export function updateNode(draft: Draft, i: number, patch: Partial<DraftNode>): Draft {
  const nodes = draft.nodes.slice();
  nodes[i] = { ...nodes[i], ...patch };
  return withNodes(draft, nodes);
}

/**
 * Sets a value field from what was typed: a number or null (blank) clears any
 * unreadable text; `undefined` (unreadable) keeps the number and records the text.
 */
export function setValue(
  draft: Draft,
  i: number,
  field: ValueField,
  value: number | null | undefined,
  text: string,
): Draft {
  const n = draft.nodes[i];
  const { [field]: _old, ...others } = n.invalid ?? {};
  const invalid = value === undefined ? { ...others, [field]: text } : others;
  const patch: Partial<DraftNode> = { invalid: Object.keys(invalid).length ? invalid : undefined };
  if (value !== undefined) patch[field] = value;
  return updateNode(draft, i, patch);
}

/** A number from outside: finite numbers and blanks pass; anything else is kept as unreadable text. */
function valueFrom(v: unknown): { value: number | null; invalid?: string } {
  if (typeof v === "number" && Number.isFinite(v)) return { value: v };
  if (v === null || v === undefined || v === "") return { value: null };
  return { value: null, invalid: String(v) };
}

function invalidFrom(n: Partial<DraftNode>, target: string | undefined, actual: string | undefined) {
  const given = (n.invalid ?? {}) as Record<string, unknown>;
  const out: Partial<Record<ValueField, string>> = {};
  for (const [field, found] of [
    ["target", target],
    ["actual", actual],
  ] as const) {
    const text = found ?? (typeof given[field] === "string" ? (given[field] as string) : undefined);
    if (text !== undefined) out[field] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Structural repair of JSON from outside: depths start at 0 and never jump.
 * Values that are not numbers are not dropped: they stay as unreadable text,
 * which evaluateDraft reports as errors, so the server refuses them too.
 */
export function normalizeDraft(input: unknown): Draft {
  const raw = (input ?? {}) as Partial<Draft>;
  const lang: Lang = raw.lang === "ja" ? "ja" : "en";
  const list = Array.isArray(raw.nodes) ? raw.nodes : [];
  const nodes: DraftNode[] = [];
  const used = new Set<string>();
  for (const item of list) {
    const n = (item ?? {}) as Partial<DraftNode>;
    const previous = nodes[nodes.length - 1];
    const wanted = Math.max(0, Math.floor(Number(n.depth) || 0));
    const depth = previous ? Math.min(Math.max(1, wanted), previous.depth + 1) : 0;
    let key = typeof n.key === "string" && n.key && !used.has(n.key) ? n.key : `n${nodes.length + 1}`;
    while (used.has(key)) key = `${key}_`;
    used.add(key);
    const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
    const target = valueFrom(n.target);
    const actual = valueFrom(n.actual);
    const invalid = invalidFrom(n, target.invalid, actual.invalid);
    nodes.push(
      newNode(key, depth, {
        name: text(n.name).trim(),
        op: OPS.includes(n.op as Op) ? (n.op as Op) : "",
        target: target.value,
        actual: actual.value,
        unit: text(n.unit).trim(),
        direction: n.direction === "lower" ? "lower" : "higher",
        owner: text(n.owner).trim(),
        deadline: /^\d{4}-\d{2}-\d{2}$/.test(text(n.deadline)) ? text(n.deadline) : "",
        ksf: n.ksf === true,
        ...(invalid ? { invalid } : {}),
      }),
    );
  }
  if (nodes.length === 0) nodes.push(newNode("n1", 0));
  return { lang, nodes };
}

/** Row IDs as written to the sheet: K1, K2… in row order. */
export function rowIds(draft: Draft): string[] {
  return draft.nodes.map((_, i) => `K${i + 1}`);
}

/** How the hierarchy is written: an ID and a parent column, or outline columns (KGI, KPI1, KPI2…). */
export type SheetLayout = "parent" | "outline";
export const LAYOUTS: readonly SheetLayout[] = ["parent", "outline"];

/** A layout from outside (google.script.run): missing means "parent"; anything unknown is null. */
export function parseLayout(input: unknown): SheetLayout | null {
  if (input === undefined || input === null || input === "") return "parent";
  return LAYOUTS.includes(input as SheetLayout) ? (input as SheetLayout) : null;
}

/** Columns after the name/ID/parent (or outline) columns, the same in both layouts. */
const DATA_FIELDS = ["op", "target", "actual", "unit", "direction", "owner", "deadline", "ksf"] as const;
type DataField = (typeof DATA_FIELDS)[number];
/** Columns every written table has; the others depend on the options. */
type FixedField = Exclude<DataField, "actual">;

/** What the wizard adds to the plain table: a period block, the review columns. */
export interface TableOptions {
  /** Period columns after the table's own (the single Actual column is then left out: actuals go by period). */
  periods?: PeriodPlan | null;
  /** Review (頻度) and Updated (最終更新) columns, every KPI marked reviewed on `asOf` (yyyy-mm-dd). */
  review?: { asOf: string } | null;
  /** Sheet row of the header (the period block's formulas refer to rows): 1 unless the sheet has rows above. */
  top?: number;
}

/** A draft laid out as a sheet table: the grid and where each column is. */
export interface DraftTable {
  layout: SheetLayout;
  /** Header row, then one row per node. */
  grid: Cell[][];
  width: number;
  /** 0-based columns of the data fields; `actual` is absent with a period block, review and updated without review columns. */
  col: Record<FixedField, number> & { actual?: number; review?: number; updated?: number; aggregation?: number };
  /** 0-based columns that hold names: the name column, or every outline column. */
  nameColumns: number[];
  /** 0-based columns of user text (written with a leading apostrophe). */
  textColumns: number[];
  /** 0-based first period column and the block's headers, when there is a period block. */
  periods: { first: number; headers: string[]; plan: PeriodPlan } | null;
}

/** The review cadence the guides give a KPI by its place (rule 11): the KGI quarterly, the leaves weekly, the rest monthly. */
export function defaultCadence(nodes: readonly DraftNode[], i: number): Cadence {
  return i === 0 || nodes[i].depth === 0 ? "quarterly" : hasChildren(nodes, i) ? "monthly" : "weekly";
}

/**
 * The table in one of the core's layouts: a header row, then one row per
 * node. "parent": name, ID, parent ID, then the data fields; "outline": one
 * column per level (at least two, as the reader needs) with each name in the
 * column of its depth, then the data fields. The data fields are op, target,
 * actual, unit, direction, owner, deadline (ISO text; the sheet writer turns
 * it into a date) and KSF mark; with `options`, review and updated, then the
 * period block (see TableOptions). Leaves get no op. Numbers stay numbers;
 * blanks are "".
 */
export function draftTable(draft: Draft, layout: SheetLayout = "parent", options: TableOptions = {}): DraftTable {
  const ids = rowIds(draft);
  const { nodes, lang } = draft;
  const { periods = null, review = null, top = 1 } = options;
  const levels = layout === "outline" ? Math.max(2, ...nodes.map((n) => n.depth + 1)) : 0;
  const lead = layout === "outline" ? levels : COL.op;
  const fields: string[] = [
    ...DATA_FIELDS.filter((f) => !(periods && f === "actual")),
    ...(review ? REVIEW_FIELDS : []),
    // Running totals are stocks: their year to date is the latest period, not the sum (集計 = 期末).
    ...(periods?.phasing === "cumulative" ? ["aggregation"] : []),
  ];
  const col = Object.fromEntries(fields.map((f, k) => [f, lead + k])) as DraftTable["col"];
  const names = layout === "outline" ? outlineHeaders(levels) : HEADERS[lang].slice(0, COL.op);
  const periodHeads = periods ? periodHeaders(periods, lang) : [];
  const header = [
    ...names,
    ...fields.map((f) => HEADER[lang][f as DataField | "review" | "updated" | "aggregation"]),
    ...periodHeads,
  ];
  const block = periods ? phasedBlock(draft, periods, col.target, lead + fields.length, top) : null;
  const rows: Cell[][] = [header];
  nodes.forEach((n, i) => {
    const op = hasChildren(nodes, i) && n.op ? opWord(n.op, lang) : "";
    const data: Record<string, Cell> = {
      op,
      target: n.target ?? "",
      actual: n.actual ?? "",
      unit: n.unit,
      direction: DIRECTION_WORD[lang][n.direction],
      owner: n.owner,
      deadline: n.deadline,
      ksf: n.ksf ? KSF_MARK : "",
      review: CADENCE_WORD[lang][defaultCadence(nodes, i)],
      updated: review?.asOf ?? "",
      aggregation: AGGREGATION_WORD[lang].last,
    };
    const lineage: Cell[] = new Array(levels).fill("");
    if (layout === "outline") lineage[n.depth] = n.name;
    else {
      const parent = parentIndex(nodes, i);
      lineage.push(n.name, ids[i], parent >= 0 ? ids[parent] : "");
    }
    rows.push([...lineage, ...fields.map((f) => data[f]), ...(block ? block[i] : [])]);
  });
  const nameColumns = layout === "outline" ? Array.from({ length: levels }, (_, k) => k) : [COL.name];
  const idColumns = layout === "outline" ? [] : [COL.id, COL.parent];
  const reviewColumns = [col.review, col.aggregation].filter((c) => c !== undefined);
  return {
    layout,
    grid: rows,
    width: header.length,
    col,
    nameColumns,
    textColumns: [...nameColumns, ...idColumns, col.op, col.unit, col.direction, col.owner, col.ksf, ...reviewColumns],
    periods: periods ? { first: lead + fields.length, headers: periodHeads, plan: periods } : null,
  };
}

const REVIEW_FIELDS = ["review", "updated"] as const;

/** The period block's cells, one row per node: phased targets (see periodCells), weights in the row above the header. */
function phasedBlock(draft: Draft, plan: PeriodPlan, target: number, first: number, top: number): Cell[][] {
  const { nodes } = draft;
  const parents = nodes.map((_, i) => parentIndex(nodes, i));
  const rates = rateKpis(
    nodes.map((n, i) => ({ unit: n.unit, op: hasChildren(nodes, i) ? n.op : null, parent: parents[i] })),
  );
  return periodCells(
    plan,
    nodes.map((n) => n.target),
    rates,
    { firstRow: top + 1, targetColumn: target + 1, firstColumn: first + 1, weightsRow: top - 1 },
  );
}

/** The table in the core's ID/parent layout (see draftTable). */
export function draftGrid(draft: Draft): Cell[][] {
  return draftTable(draft, "parent").grid;
}

/** The core's tree for a draft; throws the core's KpiError when it cannot be read. */
export function draftTree(draft: Draft): Tree {
  return readTree(draftGrid(draft));
}

export type { DraftIssue, IssueKind, IssueLevel } from "./draftIssues";

export interface Evaluation {
  /** The tree as the sheet will read it; null when it cannot be read yet. */
  tree: Tree | null;
  issues: DraftIssue[];
  /** Per draft node: rolled-up actual, rolled-up target, required value, achievement, status. */
  rollupActual: (number | null)[];
  rollupTarget: (number | null)[];
  required: (number | null)[];
  rate: (number | null)[];
  status: Status[];
}

/** Problems of the tree's shape (errors: the sheet's functions would refuse it) and of typed values. */
function draftIssues(draft: Draft, lang: Lang): { structure: DraftIssue[]; values: DraftIssue[] } {
  const t = ISSUE_TEXT[lang];
  const { nodes } = draft;
  const who = nodeLabeller(nodes, lang);
  const structure: DraftIssue[] = [];
  const values: DraftIssue[] = [];
  const error = (kind: IssueKind, key: string, message: string) => ({ level: "error" as const, kind, key, message });
  nodes.forEach((n, i) => {
    if (!n.name.trim()) structure.push(error("noName", n.key, t.noName(who(i))));
    const kids = childIndexes(nodes, i).length;
    if (kids > 0 && !n.op) structure.push(error("noOp", n.key, t.noOp(who(i))));
    if (kids > 0 && n.op === "ratio" && kids !== 2) structure.push(error("ratio", n.key, t.ratio(who(i), kids)));
    for (const field of ["target", "actual"] as const) {
      const text = n.invalid?.[field];
      if (text !== undefined) values.push(error("invalidValue", n.key, t.invalidValue(who(i), t.fields[field], text)));
    }
  });
  const kgi = nodes[0];
  if (kgi && kgi.target === null && kgi.invalid?.target === undefined)
    structure.push({ level: "warning", kind: "kgiTarget", key: kgi.key, message: t.kgiTarget });
  if (kgi && !kgi.deadline)
    structure.push({ level: "warning", kind: "kgiDeadline", key: kgi.key, message: t.kgiDeadline });
  return { structure, values };
}

/**
 * Everything the editor shows as you type: structural problems (errors: the
 * sheet's functions would refuse the tree), unit warnings, targets that do not
 * combine to their parent's (with the value the KPI would need instead), and
 * the rolled-up values and status per node for the diagram. `lang` is the
 * language of the messages (the UI's), independent of the sheet's headers.
 */
export function evaluateDraft(draft: Draft, lang: Lang, thresholds: Thresholds = DEFAULT_THRESHOLDS): Evaluation {
  const { nodes } = draft;
  const { structure, values } = draftIssues(draft, lang);
  // Unreadable values are errors (nothing is written until they are fixed) but
  // do not stop the diagram: meanwhile each field keeps its last number.
  const issues = [...values, ...structure];
  const blank: Evaluation = {
    tree: null,
    issues,
    rollupActual: nodes.map(() => null),
    rollupTarget: nodes.map(() => null),
    required: nodes.map(() => null),
    rate: nodes.map(() => null),
    status: nodes.map(() => "noData"),
  };
  if (structure.some((x) => x.level === "error")) return blank;
  let tree: Tree;
  try {
    tree = draftTree(draft);
  } catch (e) {
    issues.push({ level: "error", kind: "unreadable", message: e instanceof KpiError ? e.message : String(e) });
    return blank;
  }
  // The reader keeps row order, so tree node k is draft node k.
  for (const u of checkUnits(tree))
    issues.push({ level: "warning", kind: "units", key: nodes[u.node].key, message: unitIssueMessage(u, tree, lang) });
  // A result too large for a number is an error at its KPI, which counts as blank from there: the checks go on.
  const tooLarge = new Set<number>();
  const overflow = (i: number) => tooLarge.add(i);
  const rollupActual = rollup(tree, "actual", overflow);
  const rollupTarget = rollup(tree, "target", overflow);
  const plan = plans(tree, rollupTarget, rollupActual);
  const need = required(tree, undefined, plan, overflow);
  const checks = checkTargets(tree, TARGET_TOLERANCE, plan, overflow);
  const who = nodeLabeller(nodes, lang);
  for (const i of tooLarge)
    issues.push({
      level: "error",
      kind: "tooLarge",
      key: nodes[i].key,
      message: `${who(i)}: ${formatMessage(lang, "tooLarge")}`,
    });
  for (const c of checks)
    if (!c.ok)
      issues.push({
        level: "warning",
        kind: "mismatch",
        key: nodes[c.node].key,
        message: mismatchMessage(tree, c, lang, { need }),
      });
  // As the sheet's achievement column: rolled-up actual against the node's own target.
  const rate = tree.nodes.map((n) => achievement(rollupActual[n.index], n.target, n.direction));
  return {
    tree,
    issues,
    rollupActual,
    rollupTarget,
    required: need,
    rate,
    status: rate.map((r) => statusOf(r, thresholds)),
  };
}
