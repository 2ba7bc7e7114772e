// The worked examples of shared/domain/kpi-trees.md as tree specs.
import type { Spec } from "./layouts";

/** B2B reverse calculation: 100 orders ÷ 20% = 500 meetings ÷ 10% = 5,000 leads. */
export const b2bReverse: Spec[] = [
  {
    name: "Orders",
    op: "×",
    target: 100,
    children: [
      { name: "Meetings", op: "×", children: [{ name: "Leads" }, { name: "Meeting rate", target: "10%" }] },
      { name: "Close rate", target: "20%" },
    ],
  },
];

/** Same funnel under a ¥2億 revenue KGI: the average order must be ¥200万. */
export const b2bRevenue: Spec[] = [
  {
    name: "売上",
    op: "×",
    target: "2億円",
    children: [
      { name: "受注数", target: "100件" },
      { name: "平均受注単価", target: "" },
    ],
  },
];

/** Sales department: ¥2,000万 = 20 deals × ¥100万. */
export const salesDept: Spec[] = [
  {
    name: "月間売上",
    op: "×",
    target: "2,000万円",
    actual: "",
    children: [
      {
        name: "成約数",
        op: "×",
        target: "20件",
        children: [
          {
            name: "商談数",
            op: "×",
            target: 100,
            children: [
              { name: "架電数", target: "1,000件", actual: "900件" },
              { name: "アポ率", target: "20%", actual: "20%" },
              { name: "商談化率", target: "50%", actual: "50%" },
            ],
          },
          { name: "成約率", target: "20%", actual: "20%" },
        ],
      },
      { name: "平均単価", target: "100万円", actual: "110万円" },
    ],
  },
];

/** Revenue tree in five steps: ¥1.2億 = customers × revenue per customer; customers = new + existing. */
export const revenueFiveSteps: Spec[] = [
  {
    name: "Annual revenue",
    op: "×",
    target: "1.2億",
    children: [
      {
        name: "Customers",
        op: "+",
        children: [
          {
            name: "New customers",
            op: "×",
            children: [
              { name: "Leads", target: 2000, actual: 1500 },
              { name: "Meeting rate", target: "10%", actual: "12%" },
              { name: "Close rate", target: "25%", actual: "20%" },
            ],
          },
          { name: "Existing customers", target: 150, actual: 140 },
        ],
      },
      { name: "Revenue per customer", target: "¥60万", actual: "¥55万" },
    ],
  },
];

/** E-commerce: 200,000 × 3% × ¥8,000 = ¥4,800万, 4% short of ¥5,000万. */
export const ecommerce: Spec[] = [
  {
    name: "月間売上",
    op: "×",
    target: "5,000万円",
    children: [
      { name: "訪問者数", target: "200,000人" },
      { name: "CVR", target: "3%" },
      { name: "平均注文単価", target: "8,000円" },
    ],
  },
];

/** HR scorecard: children are tracked, not combined. */
export const hrScorecard: Spec[] = [
  {
    name: "エンゲージメントスコア",
    op: "なし",
    target: "70以上",
    actual: 72,
    children: [
      { name: "定着率", target: "90%以上", actual: "92%" },
      { name: "サーベイ回答率", target: "95%", actual: "88%" },
      { name: "1on1実施率", target: "100%", actual: "100%" },
    ],
  },
];

/** SaaS: KGI ¥1,000万 a month, KSF retention; churn ≤ 3% is lower-is-better. */
export const saas: Spec[] = [
  {
    name: "SaaS",
    op: "なし",
    children: [
      { name: "月間売上", target: "1,000万円", actual: "950万円" },
      { name: "解約率", target: "3%以下", actual: "4%" },
      { name: "週3回以上ログイン率", target: "60%", actual: "65%" },
    ],
  },
];

/** Marketing funnel: 300 leads → 150 MQL → 50 SQL a month. */
export const marketingFunnel: Spec[] = [
  {
    name: "SQL / month",
    op: "×",
    target: 50,
    children: [
      {
        name: "MQL / month",
        op: "×",
        target: 150,
        children: [
          { name: "Leads / month", target: 300 },
          { name: "MQL rate", target: "50%" },
        ],
      },
      { name: "SQL rate", target: 1 / 3 },
    ],
  },
];

/** Development scorecard: bugs ≤ 10 a month and review ≤ 24 h are lower-is-better. */
export const development: Spec[] = [
  {
    name: "開発",
    op: "なし",
    children: [
      { name: "スプリント完了率", target: "90%以上", actual: "92%" },
      { name: "バグ件数", target: "10件/月以下", actual: "12件" },
      { name: "デプロイ回数", target: "2回/週以上", actual: 2 },
      { name: "レビュー時間", target: "24時間以下", actual: "30時間" },
    ],
  },
];

/** Issue 8's heart: sales = 商談数 × 成約率 × 平均単価 over April and May (totals 400, 12.5%, ¥700,000, ¥35,000,000). */
export const salesTwoMonths = [
  ["指標名", "階層", "計算", "4月", "5月"],
  ["売上", 1, "×", "", ""],
  ["商談数", 2, "", 100, 300],
  ["成約率", 2, "", "20%", "10%"],
  ["平均単価", 2, "", "¥1,000,000", "50万円"],
];
