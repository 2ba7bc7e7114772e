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
  aggregation: ["集計方法", "time", "total", "over time", "期間集計"],
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

/** The headers of the function columns, in their order: rollup, required, achievement, status. */
export const FUNCTION_HEADERS: Record<Lang, readonly [string, string, string, string]> = {
  ja: ["実績（集計）", "必要値", "達成率", "状態"],
  en: ["Actual (rollup)", "Required", "Achievement", "Status"],
};

/** The status words of KPI_STATUS and the sidebar. */
export const STATUS_LABEL: Record<Lang, Record<Status, string>> = {
  ja: { achieved: "達成", atRisk: "要注意", offTrack: "未達", noData: "データなし" },
  en: { achieved: "Achieved", atRisk: "At risk", offTrack: "Off track", noData: "No data" },
};
