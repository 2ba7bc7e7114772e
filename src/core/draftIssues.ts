/*
 * The wizard's check list: what each problem is called, how a KPI is named
 * in it (the wizard has no rows: a KPI is its name, or its place in the tree),
 * and how many problems of one kind fold into one line.
 */
import type { Lang } from "./text";

export type IssueLevel = "error" | "warning";

/** What a problem is about; problems of one kind can be shown as one line. */
export type IssueKind =
  | "noName"
  | "noOp"
  | "ratio"
  | "invalidValue"
  | "kgiTarget"
  | "kgiDeadline"
  | "unreadable"
  | "tooLarge"
  | "units"
  | "mismatch";

export interface DraftIssue {
  level: IssueLevel;
  kind: IssueKind;
  /** The node the issue is about, when there is one. */
  key?: string;
  message: string;
}

/** What the labeller needs of a node: the draft's own nodes fit. */
interface Named {
  depth: number;
  name: string;
}

export const ISSUE_TEXT = {
  ja: {
    kgi: "KGI",
    unnamed: "（名前なし）",
    named: (name: string) => `「${name}」`,
    nth: (path: string, k: number) => `「${path}」の下の ${k} 番目の指標`,
    noName: (who: string) => `${who}に名前がありません。`,
    noOp: (who: string) => `${who}の計算方法（+ × − ÷ など）を選んでください。`,
    ratio: (who: string, n: number) => `${who}の割り算（÷）には子がちょうど 2 つ必要です（今は ${n} つ）。`,
    invalidValue: (who: string, field: string, text: string) =>
      `${who}の${field}「${text}」は数値として読めません（例: 1,000 / 20% / 2,000万）。`,
    fields: { target: "目標", actual: "実績" },
    kgiTarget: "KGI に目標値を入れてください（数値で、期限つきの目標にします）。",
    kgiDeadline: "KGI に期限を入れてください（いつまでに達成するか）。",
    group: {
      noName: (n: number) => `名前のない指標が ${n} 個あります。`,
      noOp: (n: number) => `計算方法を選んでいない親が ${n} 個あります。`,
      ratio: (n: number) => `子が 2 つでない割り算（÷）が ${n} 個あります。`,
      invalidValue: (n: number) => `数値として読めない値が ${n} 個あります。`,
      kgiTarget: (n: number) => `KGI の目標について ${n} 件`,
      kgiDeadline: (n: number) => `KGI の期限について ${n} 件`,
      unreadable: (n: number) => `読み取れない箇所が ${n} 件あります。`,
      tooLarge: (n: number) => `計算結果が大きすぎて表せない指標が ${n} 個あります。`,
      units: (n: number) => `単位の注意が ${n} 件あります。`,
      mismatch: (n: number) => `子の目標から計算すると目標と合わない指標が ${n} 個あります。`,
    },
  },
  en: {
    kgi: "KGI",
    unnamed: "(unnamed)",
    named: (name: string) => `"${name}"`,
    nth: (path: string, k: number) => `KPI ${k} under "${path}"`,
    noName: (who: string) => `${who} has no name.`,
    noOp: (who: string) => `Choose how the children of ${who} combine (+ × − ÷ …).`,
    ratio: (who: string, n: number) => `${who} divides (÷), so it needs exactly two children (it has ${n}).`,
    invalidValue: (who: string, field: string, text: string) =>
      `The ${field} of ${who}, "${text}", is not a number (e.g. 1,000 / 20% / 2.5M).`,
    fields: { target: "target", actual: "actual" },
    kgiTarget: "Give the KGI a target (a number, with a deadline).",
    kgiDeadline: "Give the KGI a deadline (when it must be reached).",
    group: {
      noName: (n: number) => `${n} KPIs have no name.`,
      noOp: (n: number) => `${n} parents have no operator.`,
      ratio: (n: number) => `${n} divisions (÷) do not have exactly two children.`,
      invalidValue: (n: number) => `${n} values are not numbers.`,
      kgiTarget: (n: number) => `${n} notes on the KGI's target`,
      kgiDeadline: (n: number) => `${n} notes on the KGI's deadline`,
      unreadable: (n: number) => `${n} parts of the tree cannot be read.`,
      tooLarge: (n: number) => `${n} KPIs give results too large to calculate.`,
      units: (n: number) => `${n} unit warnings.`,
      mismatch: (n: number) => `${n} targets are not what their children give.`,
    },
  },
} satisfies Record<Lang, unknown>;

/**
 * How checks name node `i`: its name in quotes; an unnamed KGI is "KGI"; an
 * unnamed KPI is its place, e.g. 「売上 › 顧客数」の下の 2 番目の指標 /
 * KPI 2 under "Revenue › Customers". Built once in linear time; each label
 * then walks up its own ancestors only.
 */
export function nodeLabeller(nodes: readonly Named[], lang: Lang): (i: number) => string {
  const t = ISSUE_TEXT[lang];
  const parent: number[] = [];
  const position: number[] = [];
  const stack: number[] = [];
  const count: number[] = [];
  nodes.forEach((n, i) => {
    stack.length = n.depth;
    count.length = n.depth + 1;
    parent.push(n.depth > 0 ? (stack[n.depth - 1] ?? -1) : -1);
    count[n.depth] = (count[n.depth] ?? 0) + 1;
    position.push(count[n.depth]);
    stack[n.depth] = i;
  });
  const segment = (i: number) => nodes[i].name.trim() || (parent[i] < 0 ? t.kgi : t.unnamed);
  return (i) => {
    const name = nodes[i].name.trim();
    if (name) return t.named(name);
    if (parent[i] < 0) return t.kgi;
    const path: string[] = [];
    for (let p = parent[i]; p >= 0; p = parent[p]) path.unshift(segment(p));
    return t.nth(path.join(" › "), position[i]);
  };
}

export interface IssueGroup {
  kind: IssueKind;
  level: IssueLevel;
  /** One line for the whole group (`60 KPIs have no name.`), or null when the issues are listed one by one. */
  summary: string | null;
  issues: DraftIssue[];
}

/** Problems of one kind fold into one line from this many on. */
export const GROUP_FROM = 3;

/**
 * The check list as shown: each kind in the order it first appears; a kind
 * with GROUP_FROM or more problems becomes one line with a count (the
 * problems stay inside, to expand), so a blank 60-KPI tree says "60 KPIs
 * have no name" once instead of sixty times.
 */
export function groupIssues(issues: readonly DraftIssue[], lang: Lang, from = GROUP_FROM): IssueGroup[] {
  const byKind = new Map<IssueKind, DraftIssue[]>();
  for (const issue of issues) {
    const list = byKind.get(issue.kind) ?? [];
    list.push(issue);
    byKind.set(issue.kind, list);
  }
  return [...byKind].map(([kind, list]) => ({
    kind,
    level: list.some((x) => x.level === "error") ? "error" : "warning",
    summary: list.length >= from ? ISSUE_TEXT[lang].group[kind](list.length) : null,
    issues: list,
  }));
}
