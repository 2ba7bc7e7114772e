/*
 * Words the server shows (menu, toasts, alerts, errors of the add-on itself),
 * in Japanese and English. The core's KpiError messages are already localised.
 * What the sidebar's own actions did (a tree written, columns added, a snapshot
 * recorded) the sidebar says, in its words: no toast repeats it.
 */
import type { Lang } from "../core/text";

/** What to do when the table changed since the sidebar read it. */
const READ_AGAIN = {
  ja: "もう一度「選択範囲を読み取る」を押してください。",
  en: "Press “Read the selection” again.",
};

export const SERVER_TEXT = {
  ja: {
    /** The menu's items, in their order, by the entry point each one calls. */
    menu: {
      showSidebar: "KPIツリーを開く",
      showNewTree: "新しいツリー…",
      applyStatusColors: "状態の色を適用",
      updateAsOfDate: "基準日を今日にする",
      showTableCheck: "ツリーをチェック",
      showDiagram: "ツリー図",
      showSettings: "設定",
      showHelp: "ヘルプ",
    },
    colored: (n: number) => `状態の色を ${n} 行に適用しました。`,
    title: "KPIツリー",
    badPlan: "新しいシートの内容が読み取れません。サイドバーを開き直してから、もう一度書き込んでください。",
    noTable: "表が見つかりません。見出し行を含めて表を選択してください。",
    noAchievement:
      "この表には達成率の列がありません。サイドバーの「今の表」から関数の列を追加してから、色を適用してください。",
    changed: `表が読み取ったときから変わっています。${READ_AGAIN.ja}`,
    noSheet: (sheet: string) => `シート「${sheet}」が見つかりません。${READ_AGAIN.ja}`,
    notAKpi: (row: number) => `${row} 行目は表の指標ではありません。${READ_AGAIN.ja}`,
    seekChanged: "逆算してから表が変わりました。もう一度「逆算する」を押してから書き込んでください。",
    noTargetColumn: "表に「目標」列がないため書き込めません。「目標」列を追加してください。",
    asOfDone: (today: string, updated: number, kept: number) =>
      updated + kept === 0
        ? `基準日は ${today} です（更新するセルはありません）。`
        : `基準日を ${today} にしました（${updated} 個）。${kept ? `手で変えた基準日 ${kept} 個はそのままです。` : ""}`,
  },
  en: {
    menu: {
      showSidebar: "Open KPI Tree",
      showNewTree: "New tree…",
      applyStatusColors: "Apply status colours",
      updateAsOfDate: "Set the as-of date to today",
      showTableCheck: "Check tree",
      showDiagram: "Tree diagram",
      showSettings: "Settings",
      showHelp: "Help",
    },
    colored: (n: number) => `Status colours applied to ${n} rows.`,
    title: "KPI Tree",
    badPlan: "The new sheet's contents cannot be read. Reopen the sidebar, then write again.",
    noTable: "No table found. Select the table, header row included.",
    noAchievement:
      "This table has no achievement column. Add the function columns from the sidebar (Current table) first, then apply the colours.",
    changed: `The table changed since it was read. ${READ_AGAIN.en}`,
    noSheet: (sheet: string) => `The sheet "${sheet}" no longer exists. ${READ_AGAIN.en}`,
    notAKpi: (row: number) => `Row ${row} is not a KPI of the table. ${READ_AGAIN.en}`,
    seekChanged: "The table changed since the goal seek. Press “Seek” again, then write.",
    noTargetColumn: "The table has no Target column to write to. Add a “Target” column.",
    asOfDone: (today: string, updated: number, kept: number) =>
      updated + kept === 0
        ? `The as-of date is ${today} (no cell to update).`
        : `As-of date set to ${today} (${updated} cell${updated === 1 ? "" : "s"}).${kept ? ` ${kept} as-of date${kept === 1 ? "" : "s"} you changed by hand left as they are.` : ""}`,
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type ServerText = (typeof SERVER_TEXT)["en"];

export function serverText(lang: Lang): ServerText {
  return SERVER_TEXT[lang] as ServerText;
}
