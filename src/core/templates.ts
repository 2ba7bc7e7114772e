/*
 * Wizard templates: the worked examples and business models of
 * ../shared/domain/kpi-trees.md as plain data, in Japanese and English.
 * Figures the guide gives are kept as given (the e-commerce targets really do
 * fall 4% short of ¥5,000万, which the wizard then points out); figures it
 * leaves open are chosen so the tree's identities hold.
 */
import { type Draft, type DraftNode, newNode } from "./draft";
import type { Op } from "./operators";
import type { Lang } from "./text";
import type { Direction } from "./value";

type Text = readonly [ja: string, en: string];

interface Spec {
  name: Text;
  op?: Op;
  target?: number;
  /** One unit for both languages, or [ja, en]. */
  unit?: string | Text;
  direction?: Direction;
  ksf?: boolean;
  children?: Spec[];
}

export interface Template {
  id: string;
  title: Text;
  description: Text;
  root: Spec;
}

const YEN: Text = ["円", "¥"];
const PCT = "%";

export const TEMPLATES: readonly Template[] = [
  {
    id: "sales",
    title: ["営業部門（売上 = 成約 × 単価）", "Sales (revenue = deals × price)"],
    description: [
      "月間売上 2,000万円 = 成約件数 20 × 平均単価 100万円。成約 = 商談 × 成約率、商談 = 架電 × アポ率 × 商談化率。",
      "Monthly revenue ¥20M = 20 closed deals × ¥1M average price; deals = meetings × close rate; meetings = calls × appointment rate × meeting rate.",
    ],
    root: {
      name: ["月間売上", "Monthly revenue"],
      op: "product",
      target: 20_000_000,
      unit: YEN,
      children: [
        {
          name: ["成約件数", "Closed deals"],
          op: "product",
          target: 20,
          unit: ["件", "deals"],
          children: [
            {
              name: ["商談数", "Meetings"],
              op: "product",
              target: 100,
              unit: ["件", "meetings"],
              children: [
                { name: ["架電数", "Calls"], target: 2000, unit: ["件", "calls"] },
                { name: ["アポ率", "Appointment rate"], target: 0.1, unit: PCT, ksf: true },
                { name: ["商談化率", "Meeting rate"], target: 0.5, unit: PCT },
              ],
            },
            { name: ["成約率", "Close rate"], target: 0.2, unit: PCT },
          ],
        },
        { name: ["平均単価", "Average price"], target: 1_000_000, unit: YEN },
      ],
    },
  },
  {
    id: "revenue",
    title: ["売上ツリー（5 段階）", "Revenue tree (five steps)"],
    description: [
      "年間売上 1.2億円 = 顧客数 × 顧客単価。顧客数 = 新規 + 既存、新規 = リード × 商談化率 × 成約率。",
      "Annual revenue ¥120M = customers × revenue per customer; customers = new + existing; new = leads × meeting rate × close rate.",
    ],
    root: {
      name: ["年間売上", "Annual revenue"],
      op: "product",
      target: 120_000_000,
      unit: YEN,
      children: [
        {
          name: ["顧客数", "Customers"],
          op: "sum",
          target: 120,
          unit: ["社", "customers"],
          children: [
            {
              name: ["新規顧客数", "New customers"],
              op: "product",
              target: 40,
              unit: ["社", "customers"],
              ksf: true,
              children: [
                { name: ["リード数", "Leads"], target: 1000, unit: ["件", "leads"] },
                { name: ["商談化率", "Meeting rate"], target: 0.2, unit: PCT },
                { name: ["成約率", "Close rate"], target: 0.2, unit: PCT },
              ],
            },
            { name: ["既存顧客数", "Existing customers"], target: 80, unit: ["社", "customers"] },
          ],
        },
        { name: ["顧客単価", "Revenue per customer"], target: 1_000_000, unit: YEN },
      ],
    },
  },
  {
    id: "b2b",
    title: [
      "B2B 逆算（受注 100 ← 商談 500 ← リード 5,000）",
      "B2B reverse funnel (100 orders ← 500 meetings ← 5,000 leads)",
    ],
    description: [
      "受注 100 件 ÷ 受注率 20% = 商談 500 件、÷ 商談化率 10% = リード 5,000 件。売上 2億円なら平均受注単価 200万円。",
      "100 orders ÷ 20% close rate = 500 meetings; ÷ 10% meeting rate = 5,000 leads. A ¥200M revenue KGI needs a ¥2M average order.",
    ],
    root: {
      name: ["年間売上", "Annual revenue"],
      op: "product",
      target: 200_000_000,
      unit: YEN,
      children: [
        {
          name: ["受注数", "Orders"],
          op: "product",
          target: 100,
          unit: ["件", "orders"],
          children: [
            {
              name: ["商談数", "Meetings"],
              op: "product",
              target: 500,
              unit: ["件", "meetings"],
              children: [
                { name: ["リード数", "Leads"], target: 5000, unit: ["件", "leads"], ksf: true },
                { name: ["商談化率", "Lead-to-meeting rate"], target: 0.1, unit: PCT },
              ],
            },
            { name: ["受注率", "Meeting-to-order rate"], target: 0.2, unit: PCT },
          ],
        },
        { name: ["平均受注単価", "Average order value"], target: 2_000_000, unit: YEN },
      ],
    },
  },
  {
    id: "ecommerce",
    title: ["EC サイト（訪問者 × CVR × 客単価）", "E-commerce (visitors × CVR × order value)"],
    description: [
      "月間売上 5,000万円 = 訪問者 20万人 × CVR 3% × 平均注文額 8,000円（計算すると 4,800万円: 4% 不足）。",
      "Monthly revenue ¥50M = 200,000 visitors × 3% CVR × ¥8,000 average order (which gives ¥48M: 4% short).",
    ],
    root: {
      name: ["月間売上", "Monthly revenue"],
      op: "product",
      target: 50_000_000,
      unit: YEN,
      children: [
        { name: ["訪問者数", "Visitors"], target: 200_000, unit: ["人", "visitors"] },
        { name: ["CVR", "Conversion rate (CVR)"], target: 0.03, unit: PCT, ksf: true },
        { name: ["平均注文額", "Average order value"], target: 8000, unit: YEN },
      ],
    },
  },
  {
    id: "saas",
    title: ["SaaS（継続が鍵）", "SaaS (retention is the key)"],
    description: [
      "月間売上 1,000万円 = 有料顧客 200 社 × 月額 5万円。KSF は既存顧客の継続: 解約率 3% 以下、週 3 回以上ログインする利用者の割合。",
      "Monthly revenue ¥10M = 200 paying customers × ¥50,000 a month. KSF: retain existing customers: churn ≤ 3%, share of users logging in ≥ 3×/week.",
    ],
    root: {
      name: ["月間売上（MRR）", "Monthly recurring revenue"],
      op: "product",
      target: 10_000_000,
      unit: YEN,
      children: [
        {
          name: ["有料顧客数", "Paying customers"],
          op: "none",
          target: 200,
          unit: ["社", "customers"],
          children: [
            { name: ["解約率", "Churn rate"], target: 0.03, unit: PCT, direction: "lower", ksf: true },
            { name: ["週3回以上ログインする利用者の割合", "Users logging in 3+ times a week"], target: 0.6, unit: PCT },
          ],
        },
        { name: ["平均月額単価", "Average monthly fee"], target: 50_000, unit: YEN },
      ],
    },
  },
  {
    id: "marketplace",
    title: ["マーケットプレイス（GMV）", "Marketplace (GMV)"],
    description: [
      "月間流通総額 1億円 = 成約件数 × 平均取引額。KSF は掲載の幅と鮮度: 新規掲載 50 件/日、マッチ率 15%。",
      "Monthly GMV ¥100M = transactions × average transaction. KSF: breadth and freshness of listings: 50 new listings a day, 15% match rate.",
    ],
    root: {
      name: ["月間流通総額（GMV）", "Monthly GMV"],
      op: "product",
      target: 100_000_000,
      unit: YEN,
      children: [
        {
          name: ["成約件数", "Transactions"],
          op: "product",
          target: 2000,
          unit: ["件", "deals"],
          children: [
            {
              name: ["掲載数", "Listings"],
              op: "none",
              unit: ["件", "listings"],
              children: [
                { name: ["新規掲載数（日）", "New listings a day"], target: 50, unit: ["件/日", "per day"], ksf: true },
              ],
            },
            { name: ["マッチ率", "Match rate"], target: 0.15, unit: PCT },
          ],
        },
        { name: ["平均取引額", "Average transaction"], target: 50_000, unit: YEN },
      ],
    },
  },
  {
    id: "manufacturing",
    title: ["B2B 製造業（決裁者に届く）", "B2B manufacturing (reach decision makers)"],
    description: [
      "年間受注 100 件 = 商談 × 受注率。KSF は決裁者への接点: 役員向けセミナー参加者、商談化率 20% 以上。",
      "100 orders a year = meetings × close rate. KSF: reach decision makers: executive seminar attendees, meeting conversion ≥ 20%.",
    ],
    root: {
      name: ["年間受注数", "Orders a year"],
      op: "product",
      target: 100,
      unit: ["件", "orders"],
      children: [
        {
          name: ["商談数", "Meetings"],
          op: "product",
          target: 500,
          unit: ["件", "meetings"],
          children: [
            {
              name: ["役員セミナー参加者数", "Executive seminar attendees"],
              target: 2500,
              unit: ["人", "people"],
              ksf: true,
            },
            { name: ["商談化率", "Meeting conversion"], target: 0.2, unit: PCT },
          ],
        },
        { name: ["受注率", "Close rate"], target: 0.2, unit: PCT },
      ],
    },
  },
  {
    id: "marketing",
    title: ["マーケティングファネル（PV → リード → MQL → SQL）", "Marketing funnel (PV → leads → MQL → SQL)"],
    description: [
      "月間 SQL 50 件 ← MQL 150 件 ← リード 300 件 ← 訪問 × CVR 3%。",
      "50 SQL a month ← 150 MQL ← 300 leads ← visits × 3% CVR.",
    ],
    root: {
      name: ["月間SQL数", "SQL a month"],
      op: "product",
      target: 50,
      unit: ["件", "SQL"],
      children: [
        {
          name: ["月間MQL数", "MQL a month"],
          op: "product",
          target: 150,
          unit: ["件", "MQL"],
          children: [
            {
              name: ["月間リード数", "Leads a month"],
              op: "product",
              target: 300,
              unit: ["件", "leads"],
              children: [
                { name: ["月間訪問数（UU）", "Unique visitors a month"], target: 10_000, unit: ["人", "visitors"] },
                { name: ["CVR", "Conversion rate (CVR)"], target: 0.03, unit: PCT },
              ],
            },
            { name: ["MQL化率", "Lead-to-MQL rate"], target: 0.5, unit: PCT, ksf: true },
          ],
        },
        { name: ["SQL化率", "MQL-to-SQL rate"], target: 1 / 3, unit: PCT },
      ],
    },
  },
  {
    id: "customerSuccess",
    title: ["カスタマーサクセス（スコアカード）", "Customer success (scorecard)"],
    description: [
      "継続率 90% 以上を KGI に、解約率 5% 以下、NPS 50 以上、オンボーディング完了率 80% 以上を追う。",
      "KGI retention ≥ 90%, tracking churn ≤ 5%, NPS ≥ 50 and onboarding completion ≥ 80%.",
    ],
    root: {
      name: ["顧客継続率", "Customer retention"],
      op: "none",
      target: 0.9,
      unit: PCT,
      children: [
        { name: ["解約率", "Churn rate"], target: 0.05, unit: PCT, direction: "lower", ksf: true },
        { name: ["NPS", "NPS"], target: 50, unit: ["点", "pts"] },
        { name: ["オンボーディング完了率", "Onboarding completion"], target: 0.8, unit: PCT },
      ],
    },
  },
  {
    id: "development",
    title: ["開発チーム（スコアカード）", "Development team (scorecard)"],
    description: [
      "スプリント完了率 90% 以上、バグ 10 件/月 以下、デプロイ 2 回/週 以上、レビュー 24 時間以内。",
      "Sprint completion ≥ 90%, bugs ≤ 10 a month, deploys ≥ 2 a week, review turnaround ≤ 24 h.",
    ],
    root: {
      name: ["スプリント完了率", "Sprint completion"],
      op: "none",
      target: 0.9,
      unit: PCT,
      children: [
        { name: ["バグ件数", "Bugs"], target: 10, unit: ["件/月", "per month"], direction: "lower" },
        { name: ["デプロイ回数", "Deploys"], target: 2, unit: ["回/週", "per week"] },
        {
          name: ["レビュー所要時間", "Review turnaround"],
          target: 24,
          unit: ["時間", "h"],
          direction: "lower",
          ksf: true,
        },
      ],
    },
  },
  {
    id: "hr",
    title: ["人事評価（スコアカード）", "HR scorecard"],
    description: [
      "エンゲージメントスコア 70 以上。定着率 90% 以上、サーベイ回答率 95%、1on1 実施率 100%。",
      "Engagement score ≥ 70; retention ≥ 90%, survey response rate 95%, 1-on-1 completion 100%.",
    ],
    root: {
      name: ["エンゲージメントスコア", "Engagement score"],
      op: "none",
      target: 70,
      unit: ["点", "pts"],
      children: [
        { name: ["定着率", "Retention"], target: 0.9, unit: PCT },
        { name: ["サーベイ回答率", "Survey response rate"], target: 0.95, unit: PCT },
        { name: ["1on1 実施率", "1-on-1 completion"], target: 1, unit: PCT, ksf: true },
      ],
    },
  },
];

export const BLANK_TEMPLATE = "blank";

function pick(text: Text, lang: Lang): string {
  return lang === "ja" ? text[0] : text[1];
}

export function templateTitle(t: Template, lang: Lang): string {
  return pick(t.title, lang);
}

export function templateDescription(t: Template, lang: Lang): string {
  return pick(t.description, lang);
}

/** A template as an editable draft in one language; "blank" gives a lone, unnamed KGI. */
export function templateDraft(id: string, lang: Lang): Draft {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) return { lang, nodes: [newNode("n1", 0)] };
  const nodes: DraftNode[] = [];
  const stack: { spec: Spec; depth: number }[] = [{ spec: template.root, depth: 0 }];
  while (stack.length) {
    const { spec, depth } = stack.pop()!;
    const unit = spec.unit === undefined ? "" : typeof spec.unit === "string" ? spec.unit : pick(spec.unit, lang);
    nodes.push(
      newNode(`n${nodes.length + 1}`, depth, {
        name: pick(spec.name, lang),
        op: spec.op ?? "",
        target: spec.target ?? null,
        unit,
        direction: spec.direction ?? "higher",
        ksf: spec.ksf ?? false,
      }),
    );
    const kids = spec.children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ spec: kids[k], depth: depth + 1 });
  }
  return { lang, nodes };
}
