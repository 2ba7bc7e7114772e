/*
 * Design checks the KPI guides insist on, beyond the arithmetic: every leaf
 * SMART (a target, an owner, a deadline), no more than five KPIs per owner,
 * no two siblings of the same name, and one KGI per tree.
 */
import { type Cell, cellText, isBlank, type Lang, normalizeKey } from "./text";
import type { Tree } from "./tree";

/** Rule 10 of a good tree: 3–5 KPIs per person, or nobody manages them. */
export const MAX_KPIS_PER_OWNER = 5;

export type DesignIssue =
  /** A leaf without some of target, owner, deadline (owner and deadline only when the table has those columns). */
  | { kind: "smart"; node: number; missing: ("target" | "owner" | "deadline")[] }
  | { kind: "ownerLoad"; node: number; owner: string; count: number }
  | { kind: "sameName"; node: number; firstRow: number }
  /** A root beside the tree's KGI: a KPI without a parent, or (for a table meant as one tree) a second KGI. */
  | { kind: "secondKgi"; node: number; count: number };

/** The order in which a row's notes are written. */
const RANK: Record<DesignIssue["kind"], number> = { smart: 0, sameName: 1, ownerLoad: 2, secondKgi: 3 };

/**
 * `oneTree`: the table is meant as one tree (the sidebar's table), so every
 * KGI after the first is flagged; otherwise (a range may hold several trees)
 * only a root without children beside a root with children is.
 */
export function designChecks(tree: Tree, oneTree = false): DesignIssue[] {
  const out: DesignIssue[] = [];
  const hasOwner = tree.headers.owner !== undefined;
  const hasDeadline = tree.headers.deadline !== undefined;
  const load = new Map<string, number[]>();
  for (const i of tree.order) {
    const n = tree.nodes[i];
    const owner = normalizeKey(n.owner);
    if (owner) load.set(owner, [...(load.get(owner) ?? []), i]);
    if (n.children.length === 0 && n.parent >= 0) {
      const missing: ("target" | "owner" | "deadline")[] = [];
      if (n.target === null) missing.push("target");
      if (hasOwner && !n.owner) missing.push("owner");
      if (hasDeadline && isBlank(n.deadline as Cell)) missing.push("deadline");
      if (missing.length) out.push({ kind: "smart", node: i, missing });
    }
    const seen = new Map<string, number>();
    for (const c of n.children) {
      const key = normalizeKey(tree.nodes[c].name);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, tree.nodes[c].row);
      else out.push({ kind: "sameName", node: c, firstRow: first });
    }
  }
  for (const nodes of load.values())
    if (nodes.length > MAX_KPIS_PER_OWNER)
      for (const i of nodes) out.push({ kind: "ownerLoad", node: i, owner: tree.nodes[i].owner, count: nodes.length });
  const count = tree.roots.length;
  const grown = tree.roots.some((r) => tree.nodes[r].children.length > 0);
  tree.roots.forEach((r, k) => {
    const stray = grown && tree.nodes[r].children.length === 0;
    if (count > 1 && (oneTree ? k > 0 : stray)) out.push({ kind: "secondKgi", node: r, count });
  });
  return out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

const FIELD = {
  ja: { target: "目標", owner: "担当者", deadline: "期限" },
  en: { target: "target", owner: "owner", deadline: "deadline" },
};

/** Each issue as a short cell note (KPI_CHECK) and as a sentence (the sidebar), in one place. */
const WORDS = {
  ja: {
    smart: (missing: string[]) => `SMART: ${missing.join("・")}なし`,
    ownerLoad: (owner: string, count: number) =>
      `担当「${owner}」の KPI が ${count} 個（${MAX_KPIS_PER_OWNER} 個まで）`,
    sameName: (row: number) => `兄弟に同じ名前（${row}行目）`,
    secondKgi: (count: number) => `親がなく KGI 扱い（KGI が ${count} 個）`,
    join: "、",
  },
  en: {
    smart: (missing: string[]) => `SMART: no ${missing.join(", ")}`,
    ownerLoad: (owner: string, count: number) => `owner "${owner}" has ${count} KPIs (max ${MAX_KPIS_PER_OWNER})`,
    sameName: (row: number) => `same name as a sibling (row ${row})`,
    secondKgi: (count: number) => `no parent: counts as a KGI (${count} KGIs)`,
    join: "; ",
  },
} satisfies Record<Lang, unknown>;

/** Whom the sidebar's sentence is about (apart from the notes: KPI_CHECK, in Code.js, needs none of it). */
const WHO = {
  ja: (name: string, row: number) => `${row}行目「${name}」: `,
  en: (name: string, row: number) => `Row ${row} "${name}": `,
} satisfies Record<Lang, unknown>;

/** The short note: `SMART: 目標・担当者なし` / `SMART: no target, owner`. */
export function designNote(issue: DesignIssue, lang: Lang): string {
  const w = WORDS[lang];
  switch (issue.kind) {
    case "smart":
      return w.smart(issue.missing.map((m) => FIELD[lang][m]));
    case "ownerLoad":
      return w.ownerLoad(cellText(issue.owner), issue.count);
    case "sameName":
      return w.sameName(issue.firstRow);
    case "secondKgi":
      return w.secondKgi(issue.count);
  }
}

/** Notes per node, joined: what KPI_CHECK appends to a row. */
export function designNotes(tree: Tree, issues: DesignIssue[], lang: Lang): (string | null)[] {
  const out: (string | null)[] = tree.nodes.map(() => null);
  for (const issue of issues) {
    const note = designNote(issue, lang);
    const before = out[issue.node];
    out[issue.node] = before ? `${before}${WORDS[lang].join}${note}` : note;
  }
  return out;
}

/** The sidebar's sentence: `5行目「架電数」: SMART: 担当者・期限なし`. */
export function designMessage(tree: Tree, issue: DesignIssue, lang: Lang): string {
  const n = tree.nodes[issue.node];
  return `${WHO[lang](n.name, n.row)}${designNote(issue, lang)}`;
}
