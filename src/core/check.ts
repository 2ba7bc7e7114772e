import { designChecks, designNotes } from "./design";
import { formatGap, formatValue } from "./format";
import { combine } from "./operators";
import { plans } from "./required";
import { finiteValue, type OnOverflow, type Values } from "./rollup";
import type { Lang } from "./text";
import type { Tree } from "./tree";

export interface TargetCheck {
  node: number;
  /** The parent's own target. */
  stated: number;
  /** What its children's plans combine to. */
  computed: number;
  /** (computed − stated) ÷ |stated|: −0.04 = the children fall 4% short. */
  gap: number;
  /** Within tolerance. */
  ok: boolean;
}

/**
 * How far a parent's target may be from what its children's targets combine
 * to, relative to it, and still count as combining: 0.1%. Wide enough that
 * targets typed rounded (¥1,485万 for ¥1,484.6万, 33% for 1/3) are not flagged,
 * narrow enough that a real gap (the e-commerce −4%, or 0.2%) is. The one
 * tolerance of the wizard's checks, Check tree, the analysis and KPI_CHECK's
 * default.
 */
export const TARGET_TOLERANCE = 0.001;

/**
 * Health check of every parent that has an operator, a target and children
 * whose plans combine: does its target equal what they combine to (rule 2 of a good tree: the identity must hold). The
 * e-commerce example's 200,000 × 3% × ¥8,000 = ¥4,800万 ≠ ¥5,000万 shows up here
 * with a gap of −4%. `tolerance` is relative; `plan` is `plans(tree)`, passed in by a caller that already has it.
 */
export function checkTargets(
  tree: Tree,
  tolerance = TARGET_TOLERANCE,
  plan: Values = plans(tree),
  onOverflow?: OnOverflow,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const i of tree.order) {
    const node = tree.nodes[i];
    if (node.op === null || node.op === "none" || node.target === null) continue;
    const computed = finiteValue(
      tree,
      i,
      combine(
        node.op,
        node.children.map((c) => plan[c]),
      ),
      onOverflow,
    );
    if (computed === null) continue;
    const stated = node.target;
    const scale = Math.abs(stated) || 1;
    // 1e308 against -1e308: the difference overflows, the gap (+200%) does not.
    let gap = (computed - stated) / scale;
    if (!Number.isFinite(gap)) gap = computed / scale - stated / scale;
    out.push({ node: i, stated, computed, gap, ok: Math.abs(gap) <= tolerance });
  }
  return out;
}

/*
 * The words for a target that its children do not give, in one place: the
 * cell text of KPI_CHECK (CELL_WORDS, a custom function's: in Code.js), and
 * the sentence the wizard, the table check and the analysis show (WORDS: the
 * sidebar's only).
 */
export const CELL_WORDS = {
  ja: (computed: string, gap: string) => `子の計算 ${computed}（目標比 ${gap}）`,
  en: (computed: string, gap: string) => `children give ${computed} (${gap} vs target)`,
} satisfies Record<Lang, unknown>;

export const WORDS = {
  ja: {
    who: (name: string, row?: number) => `${row === undefined ? "" : `${row}行目`}「${name}」`,
    sentence: (who: string, stated: string, computed: string, gap: string) =>
      `${who}: 子の目標を計算すると ${computed} で、目標 ${stated} と合いません（${gap}）。`,
    need: (name: string, value: string) => `「${name}」に必要な値: ${value}`,
  },
  en: {
    who: (name: string, row?: number) => `${row === undefined ? "" : `Row ${row} `}"${name}"`,
    sentence: (who: string, stated: string, computed: string, gap: string) =>
      `${who}: its children's targets give ${computed}, not the target ${stated} (${gap}).`,
    need: (name: string, value: string) => `"${name}" needs: ${value}`,
  },
} satisfies Record<Lang, unknown>;

/** KPI_CHECK's compact cell text: `子の計算 4,800万円（目標比 -4%）` / `children give ¥48,000,000 (-4% vs target)`. */
export function mismatchCell(check: TargetCheck, unit: string, lang: Lang): string {
  return CELL_WORDS[lang](formatValue(check.computed, unit, lang), formatGap(check.gap));
}

export interface MismatchOptions {
  /** Name the range row (tables); the wizard's drafts have no rows to point at. */
  row?: boolean;
  /**
   * Required values (`required(tree)`): when given, the sentence goes on with
   * what each child whose target differs would need instead
   * (「CVR」に必要な値: 3.125%).
   */
  need?: Values;
}

/**
 * The warning for a parent whose target its children's targets do not give:
 * `「月間売上」: 子の目標を計算すると 4,800万円 で、目標 5,000万円 と合いません（-4%）。`
 */
export function mismatchMessage(tree: Tree, check: TargetCheck, lang: Lang, options: MismatchOptions = {}): string {
  const w = WORDS[lang];
  const n = tree.nodes[check.node];
  const parts = [
    w.sentence(
      w.who(n.name, options.row ? n.row : undefined),
      formatValue(check.stated, n.unit, lang),
      formatValue(check.computed, n.unit, lang),
      formatGap(check.gap),
    ),
  ];
  const need = options.need;
  if (need)
    for (const k of n.children) {
      const child = tree.nodes[k];
      const value = need[k];
      if (child.target === null || value === null) continue;
      if (Math.abs(value - child.target) <= 1e-9 * Math.max(1, Math.abs(value))) continue;
      const shown = formatValue(value, child.unit, lang, { purpose: "requirement", direction: child.direction });
      parts.push(w.need(child.name, shown));
    }
  return parts.join(" ");
}

/**
 * KPI_CHECK's column: per parent "OK" or what its children give, then the
 * design notes (SMART, owner load, same-name siblings, a stray KGI), joined.
 */
export function checkColumn(tree: Tree, tolerance: number): (string | null)[] {
  const text: (string | null)[] = tree.nodes.map(() => null);
  for (const m of checkTargets(tree, tolerance))
    text[m.node] = m.ok ? "OK" : mismatchCell(m, tree.nodes[m.node].unit, tree.lang);
  const notes = designNotes(tree, designChecks(tree), tree.lang);
  return text.map((t, i) => {
    const note = notes[i];
    return t && note ? `${t}${tree.lang === "ja" ? "、" : "; "}${note}` : (t ?? note);
  });
}
