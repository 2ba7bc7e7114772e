/*
 * The help the menu's Help shows (dist/Help.html, a dialog of its own, so that
 * none of it weighs on Code.js), in Japanese and English.
 */
import type { Lang } from "../core/text";

export const HELP_TEXT = {
  ja: {
    title: "KPIツリーの使い方",
    steps: [
      "拡張機能 › KPIツリー › 新しいツリー… でテンプレートを選び、KGI（目標・期限）と KPI を編集して新しいシートに書き込みます。",
      "既存の表を選択して「ツリーをチェック」を押すと、親子関係と計算方法を読み取り、関数の列（集計・必要値・達成率・状態）と色を追加できます。",
      "色は条件付き書式なので、値が変わると自動で変わり、アドオンのない共同編集者にも見えます。しきい値と色は「設定」で変えられます。",
    ],
    functions:
      "関数: =KPI_TREE(表) =KPI_ROLLUP(表) =KPI_REQUIRED(表) =KPI_ACHIEVEMENT(実績, 目標, 方向) =KPI_STATUS(実績, 目標, 方向) =KPI_CHECK(表)",
    close: "閉じる",
  },
  en: {
    title: "Using KPI Tree",
    steps: [
      "Extensions › KPI Tree › New tree…: pick a template, set the KGI (target, deadline) and edit the KPIs, then write them to a new sheet.",
      "Select an existing table and choose Check tree: the add-on reads its hierarchy and operators and can add the function columns (rollup, required, achievement, status) and colours.",
      "Colours are conditional formatting: they follow the values live and collaborators without the add-on see them. Change thresholds and colours in Settings.",
    ],
    functions:
      "Functions: =KPI_TREE(table) =KPI_ROLLUP(table) =KPI_REQUIRED(table) =KPI_ACHIEVEMENT(actual, target, direction) =KPI_STATUS(actual, target, direction) =KPI_CHECK(table)",
    close: "Close",
  },
} satisfies Record<Lang, { title: string; steps: string[]; functions: string; close: string }>;
