/*
 * The words a tree table is written in, per language, in one place: the
 * column headers the wizard writes and the reader recognises (with the other
 * headers it accepts), the function columns' headers, and the status words.
 * Writers take a language's word; readers accept every word of every
 * language, so a table written in Japanese reads back in an English session.
 * Tests and the preview build their tables from HEADER instead of copying it.
 */
import type { Status } from "./status";
import { type Lang, lazy, normalizeKey } from "./text";
import type { Field } from "./tree";

/** The header each column is written with. */
export const HEADER: Record<Lang, Record<Field, string>> = {
  ja: {
    name: "指標名",
    id: "ID",
    parent: "親",
    level: "階層",
    op: "計算",
    target: "目標",
    actual: "実績",
    unit: "単位",
    direction: "方向",
    owner: "担当",
    deadline: "期限",
    ksf: "重点",
    review: "頻度",
    updated: "最終更新",
    aggregation: "集計",
  },
  en: {
    name: "Name",
    id: "ID",
    parent: "Parent",
    level: "Level",
    op: "Op",
    target: "Target",
    actual: "Actual",
    unit: "Unit",
    direction: "Direction",
    owner: "Owner",
    deadline: "Deadline",
    ksf: "KSF",
    review: "Review",
    updated: "Updated",
    aggregation: "Aggregation",
  },
};

/** Other headers read as each column, besides HEADER's words in both languages (case, spaces and width ignored). */
const OTHER_HEADERS: Record<Field, readonly string[]> = {
  name: ["kpi", "kpi name", "metric", "指標", "項目", "項目名", "kpi名"],
  id: ["key", "no", "番号"],
  parent: ["parent id", "parent key", "親id", "親指標", "親項目"],
  level: ["depth", "レベル", "深さ"],
  op: ["operator", "operation", "formula", "演算", "計算式", "演算子"],
  target: ["goal", "plan", "目標値", "計画"],
  actual: ["result", "actuals", "実績値"],
  unit: [],
  direction: ["better", "評価方向"],
  owner: ["担当者", "責任者"],
  deadline: ["due", "due date", "期日"],
  ksf: ["kfs", "csf", "focus", "重点管理", "重点項目"],
  review: ["review cycle", "cadence", "frequency", "レビュー", "レビュー頻度", "確認頻度"],
  updated: ["last updated", "last review", "reviewed", "更新日", "最終更新日", "最終レビュー"],
  aggregation: ["集計方法", "time", "total"],
};

const fieldByHeader = lazy(() => {
  const byHeader = new Map<string, Field>();
  for (const field of Object.keys(OTHER_HEADERS) as Field[])
    for (const word of [HEADER.ja[field], HEADER.en[field], ...OTHER_HEADERS[field]])
      byHeader.set(normalizeKey(word), field);
  return byHeader;
});

/** The column a header names, or undefined for any other text (a memo column). */
export function headerField(text: string): Field | undefined {
  return fieldByHeader().get(normalizeKey(text));
}

/** Outline headers read (normalised): blank, KGI, KPI1…, Level 1…, Lv1, L1, 第1階層, 階層1, 1. */
export const OUTLINE_HEADER = /^(kgi|kpi\d+|level\d+|lv\.?\d+|l\d+|第?\d+階層|階層\d+|\d+)$/;

/** Outline headers written: KGI, KPI1, KPI2… (read in both languages). */
export function outlineHeaders(depth: number): string[] {
  return Array.from({ length: depth }, (_, k) => (k === 0 ? "KGI" : `KPI${k}`));
}

/** The headers of the function columns, in their order: rollup, required, achievement, status. */
export const FUNCTION_HEADERS: Record<Lang, readonly [string, string, string, string]> = {
  ja: ["実績（集計）", "必要値", "達成率", "状態"],
  en: ["Actual (rollup)", "Required", "Achievement", "Status"],
};

/** The headers of a period sheet's year-to-date columns: actual, target, achievement, status (the wizard's period block). */
export const YTD_HEADERS: Record<Lang, readonly [string, string, string, string]> = {
  ja: ["実績累計", "目標累計", "達成率（累計）", "状態（累計）"],
  en: ["Actual YTD", "Target YTD", "Achievement YTD", "Status YTD"],
};

/** A review cadence (the 頻度 / Review column): weekly for short-cycle KPIs, monthly, quarterly for the KGI. */
export type Cadence = "weekly" | "monthly" | "quarterly";

/** How a cadence is written in a sheet, per language; review.ts reads these and a few more. */
export const CADENCE_WORD: Record<Lang, Record<Cadence, string>> = {
  ja: { weekly: "週次", monthly: "月次", quarterly: "四半期" },
  en: { weekly: "weekly", monthly: "monthly", quarterly: "quarterly" },
};

/** The status words of KPI_STATUS and the sidebar. */
export const STATUS_LABEL: Record<Lang, Record<Status, string>> = {
  ja: { achieved: "達成", atRisk: "要注意", offTrack: "未達", noData: "データなし" },
  en: { achieved: "Achieved", atRisk: "At risk", offTrack: "Off track", noData: "No data" },
};
