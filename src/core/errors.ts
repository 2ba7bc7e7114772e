import type { Lang } from "./text";

/** Where in the user's range a problem sits: range row (1 = header), node name, column header. */
export interface Where {
  row?: number;
  name?: string;
  column?: string;
}

type Params = Record<string, string | number>;
/**
 * A message: the problem and its fix, with `{name}` where the parameter `name` goes; a function where the
 * words themselves depend on a parameter.
 */
type Template = readonly [problem: string, fix: string] | ((p: Params) => readonly [problem: string, fix: string]);

/** Why a cell is not a number, as the number reader (src/core/value.ts) refuses it. */
export type NumberReason =
  | "date"
  | "boolean"
  | "noDigits"
  | "prefix"
  | "twoNumbers"
  | "fraction"
  | "separator"
  | "invisible"
  | "notDecimal"
  | "kanji"
  | "kanjiDigit"
  | "unknownMultiplier"
  | "tooLarge"
  | "tooSmall"
  | "unknownUnit";

/** Why a cell is not a number (the number reader's reasons, src/core/value.ts) and how to write it instead. */
const NUMBER_REASONS: Record<Lang, Record<NumberReason, readonly [why: string, fix: string]>> = {
  en: {
    date: ["it is a date", "type the amount instead of a date"],
    boolean: ["it is {part}", "type the amount instead of TRUE/FALSE"],
    noDigits: ["it has no digits", "type the amount in digits (2千万 not 二千万)"],
    prefix: ['"{part}" stands before the number', "remove it, or move words to the Name or Unit column"],
    twoNumbers: [
      'it holds more than one number ("{part}")',
      "enter one value; put the two ends of a range in two cells",
    ],
    fraction: ["it is a fraction", "enter it as a decimal or a % (1/2 → 0.5 or 50%)"],
    separator: [
      '"{part}" separates its digits',
      "group digits with commas every three (1,000) and use one decimal point",
    ],
    invisible: ["it holds an invisible character between its digits", "retype the cell"],
    notDecimal: ['"0{part}…" is not a decimal number', "enter the amount in decimal digits"],
    kanji: ['the Japanese numerals are out of order at "{part}"', "write them as 1億2,345万6千, 5千万 or 3百万"],
    kanjiDigit: ['the kanji digit "{part}" is not read', "write digits with the multipliers (2千万, not 二千万)"],
    unknownMultiplier: [
      '"{part}" is not a multiplier it reads',
      "use 兆 億 万 千 百 十, or write the number in digits",
    ],
    tooLarge: ["it is too large to calculate with", "enter a value below 1.7e308 (or a smaller unit)"],
    tooSmall: ["it is too small to calculate with (it would be 0)", "enter 0 or a larger value"],
    unknownUnit: [
      '"{part}" is not a unit it reads',
      "move the word to the Unit column, or use a unit such as 件, 人/月, h, kg, USD",
    ],
  },
  ja: {
    date: ["日付です", "日付ではなく数値を入力してください"],
    boolean: ["{part} です", "TRUE/FALSE ではなく数値を入力してください"],
    noDigits: ["数字がありません", "数字で入力してください（二千万 ではなく 2千万）"],
    prefix: ["数値の前に「{part}」があります", "それを消すか、言葉は指標名か単位の列に移してください"],
    twoNumbers: ["数値が二つ以上あります（「{part}」）", "値を一つだけ入力し、範囲なら両端を別のセルにしてください"],
    fraction: ["分数です", "小数か % で入力してください（1/2 → 0.5 または 50%）"],
    separator: ["数字の間に「{part}」があります", "桁区切りは 3 桁ごとのカンマ（1,000）、小数点は一つにしてください"],
    invisible: ["数字の間に見えない文字があります", "セルを入力し直してください"],
    notDecimal: ["「0{part}…」は 10 進数ではありません", "10 進数の数字で入力してください"],
    kanji: ["「{part}」の所で万・千などの並びが正しくありません", "1億2,345万6千・5千万・3百万 のように書いてください"],
    kanjiDigit: ["漢数字「{part}」は読めません", "数字と 万・千 などで書いてください（二千万 ではなく 2千万）"],
    unknownMultiplier: [
      "「{part}」は読める単位（兆・億・万・千・百・十）ではありません",
      "兆・億・万・千・百・十 を使うか、数字だけで書いてください",
    ],
    tooLarge: ["大きすぎて計算できません", "1.7e308 より小さい値にしてください（単位を大きくするなど）"],
    tooSmall: ["小さすぎて計算できません（0 になります）", "0 かもっと大きい値を入力してください"],
    unknownUnit: [
      "「{part}」は単位として読めません",
      "言葉は単位の列に移すか、件・人/月・h・kg・円 などの単位にしてください",
    ],
  },
};

/** Why `{text}` is not a number and how to write it (`{part}`: what is not read): [] for no reason given. */
const numberReason = (lang: Lang, p: Params): readonly string[] => NUMBER_REASONS[lang][p.reason as NumberReason] ?? [];

/** The problem of a cell `{text}` that does not read as `what`: `"5x" is not a date.` / 「5x」は日付として読めません。 */
const notRead = {
  en: (what: string) => `"{text}" is not ${what}.`,
  ja: (what: string) => `「{text}」は${what}として読めません。`,
};

/** Each message in English, then in Japanese: `code: [[problem, fix], [問題, 修正]]`. */
export const messages = {
  emptyRange: [
    ["The range is empty.", "select the whole table, header row included."],
    ["範囲が空です。", "見出し行を含めて表全体を指定してください。"],
  ],
  noNameColumn: [
    [
      "No name column was found in the header row.",
      'add a column headed "Name" (or KPI, Metric), or put names in outline columns headed KGI, KPI1, KPI2….',
    ],
    [
      "見出し行に名前の列が見つかりません。",
      "「指標名」（または 指標・項目）という見出しの列を作るか、KGI・KPI1・KPI2… という見出しの列に段をずらして名前を入れてください。",
    ],
  ],
  noHierarchy: [
    [
      "The table does not say how the KPIs are nested.",
      'add a "Parent" column (the parent\'s ID or name) or a "Level" column (1 = KGI), or indent names across KGI/KPI1/KPI2 columns.',
    ],
    [
      "KPI の親子関係を示す列がありません。",
      "「親」列（親の ID か名前）か「階層」列（1 = KGI）を追加するか、KGI・KPI1・KPI2 の列に段をずらして名前を入れてください。",
    ],
  ],
  twoHierarchies: [
    [
      "The hierarchy is given twice ({forms}).",
      "keep exactly one of: a Parent column, a Level column, or outline columns.",
    ],
    [
      "親子関係が二通りに指定されています（{forms}）。",
      "「親」列・「階層」列・段ずらしの列のどれか一つだけを残してください。",
    ],
  ],
  missingName: [
    ["This row has values but no name.", "type the KPI's name, or clear the row."],
    ["値があるのに名前がありません。", "KPI の名前を入力するか、行を空にしてください。"],
  ],
  twoOutlineNames: [
    ['Names appear in two outline columns ("{first}" and "{second}").', "keep one name per row."],
    ["段ずらしの列に名前が二つあります（「{first}」と「{second}」）。", "1 行に名前は一つにしてください。"],
  ],
  duplicateId: [
    ['ID "{id}" is already used in row {firstRow}.', "give every row its own ID."],
    ["ID「{id}」は {firstRow} 行目でも使われています。", "行ごとに別の ID を付けてください。"],
  ],
  unknownParent: [
    [
      'The parent "{parent}" does not exist in the range.',
      "type the ID (or name) of a row in the table, or leave it blank for the KGI.",
    ],
    ["親「{parent}」が範囲内にありません。", "表にある行の ID（または名前）を入力するか、KGI なら空欄にしてください。"],
  ],
  ambiguousParent: [
    [
      'The parent "{parent}" matches more than one row (rows {rows}).',
      'add an "ID" column and refer to parents by ID.',
    ],
    ["親「{parent}」に当たる行が複数あります（{rows} 行目）。", "「ID」列を追加し、親を ID で指定してください。"],
  ],
  cycle: [
    [
      "This row is its own ancestor (the parents form a loop).",
      "change the Parent column so that every chain ends at a KGI with a blank parent.",
    ],
    [
      "親をたどると自分自身に戻ります（循環しています）。",
      "どの行も親をたどると親が空欄の KGI に着くように「親」列を直してください。",
    ],
  ],
  badLevel: [
    [notRead.en("a level number"), "use whole numbers: 1 for the KGI, 2 for its KPIs, and so on."],
    [notRead.ja("階層の番号"), "KGI を 1、その下を 2… のように整数で入力してください。"],
  ],
  levelJump: [
    ["The depth jumps from {from} to {to}.", "make this row level {expected}, or add the missing level above it."],
    ["階層が {from} から {to} に飛んでいます。", "この行を階層 {expected} にするか、間の階層の行を追加してください。"],
  ],
  noParentAbove: [
    [
      "No row above has a smaller level than {level}, so this row has no parent.",
      "put the KGI (the smallest level) first.",
    ],
    ["上に階層 {level} より小さい行がなく、親が決まりません。", "いちばん小さい階層の KGI を先頭に置いてください。"],
  ],
  missingOp: [
    [
      "This KPI has children but no operator.",
      "enter how the children combine: + × − ÷ avg min max, or none for a scorecard.",
    ],
    [
      "子があるのに計算方法がありません。",
      "子の組み合わせ方を入力してください: + × − ÷ 平均 min max、集計しない場合は「なし」。",
    ],
  ],
  unknownOp: [
    [notRead.en("an operator"), "use one of + × − ÷ avg min max none."],
    [notRead.ja("計算方法"), "+ × − ÷ 平均 min max なし のどれかを入力してください。"],
  ],
  ratioChildren: [
    [
      "A ratio (÷) needs exactly two children; this one has {count}.",
      "give it a numerator and a denominator, in that order, or change the operator.",
    ],
    [
      "割り算（÷）の子はちょうど 2 つ必要ですが、{count} つあります。",
      "分子・分母の順に 2 つの子にするか、計算方法を変えてください。",
    ],
  ],
  badNumber: [
    (p) => {
      const [why, fix] = numberReason("en", p);
      return [
        `"{text}" is not a number${why ? `: ${why}` : ""}.`,
        `${fix ? `${fix}; or ` : ""}enter a number such as 1,000, 20%, ¥2,000万 or 3%以下, or leave it blank.`,
      ];
    },
    (p) => {
      const [why, fix] = numberReason("ja", p);
      return [
        `「{text}」は数値として読めません${why ? `（${why}）` : ""}。`,
        `${fix ? `${fix}。または ` : ""}1,000・20%・2,000万円・3%以下 のような数値を入力するか、空欄にしてください。`,
      ];
    },
  ],
  badDirection: [
    [notRead.en("a direction"), "enter higher (bigger is better) or lower (smaller is better)."],
    [notRead.ja("方向"), "「以上」（大きいほど良い）か「以下」（小さいほど良い）を入力してください。"],
  ],
  badField: [
    [notRead.en("a field to roll up"), 'use "actual", "target", or a period header ("5月", "5月目標").'],
    [notRead.ja("集計する項目"), "「実績」「目標」か期間の見出し（5月・5月目標）を指定してください。"],
  ],
  badAggregation: [
    [
      notRead.en("a way to add up over periods"),
      "enter sum, last (stocks: members, MRR), avg or rate, or leave it blank (sum).",
    ],
    [notRead.ja("期間の集計方法"), "合計・期末（会員数など）・平均・率 のどれかか、空欄（合計）にしてください。"],
  ],
  duplicatePeriod: [
    (p) => [
      `Columns {first} and {second} of the range are both the ${p.measure} of "{period}".`,
      "rename or remove one (a pair: 5月目標, 5月実績).",
    ],
    (p) => [
      `範囲の {first} 列目と {second} 列目が両方とも「{period}」の${p.measure === "target" ? "目標" : "実績"}です。`,
      "一方の見出しを変えるか削除してください（組なら 5月目標・5月実績）。",
    ],
  ],
  periodNoActual: [
    [
      'The period "{period}" has a target column but no actual column.',
      'add a column "{period} actual", or remove the target.',
    ],
    [
      "期間「{period}」に目標の列はありますが、実績の列がありません。",
      "「{period}実績」の列を追加するか、目標の列を削除してください。",
    ],
  ],
  unknownPeriod: [
    ['"{text}" names no period column of the table ({periods}).', "write it as its header is written (5月, 2026-05)."],
    [
      "「{text}」に当たる期間の列が表にありません（{periods}）。",
      "見出しの通りに書いてください（5月・2026-05 など）。",
    ],
  ],
  noPeriods: [
    ["The table has no period columns.", "add columns headed by periods (4月, 4月目標 / 4月実績, Apr, Q1, 2026-04)."],
    ["表に期間の列がありません。", "期間を見出しにした列（4月、4月目標・4月実績、Q1、2026-04）を追加してください。"],
  ],
  badDate: [
    [notRead.en("a date"), "enter a date cell, or 2026-04-01, 2026/4/1 or 2026年4月1日."],
    [notRead.ja("日付"), "日付のセルか 2026-04-01・2026/4/1・2026年4月1日 の形で入力してください。"],
  ],
  endBeforeStart: [
    ["The end {end} is before the start {start}.", "swap or correct the dates."],
    ["終了日 {end} が開始日 {start} より前です。", "日付を入れ替えるか直してください。"],
  ],
  badMeasure: [
    [notRead.en("a field of the periods"), 'use "actual" or "target".'],
    [notRead.ja("期間の項目"), "「実績」か「目標」を指定してください。"],
  ],
  goalNeedsOneRoot: [
    [
      "A goal was given but the range holds {count} trees.",
      "leave the goal out (each KGI uses its own target) or select a single tree.",
    ],
    [
      "目標値が指定されましたが、範囲に KGI が {count} つあります。",
      "目標値を省く（各 KGI の目標を使う）か、一つのツリーだけを指定してください。",
    ],
  ],
  tooLarge: [
    [
      "The result is too large to calculate (beyond ±1.8e308).",
      "check the values it is computed from for a typing mistake (extra zeros), or enter them in a larger unit (万, 億, M).",
    ],
    [
      "計算結果が大きすぎて表せません（±1.8e308 を超えます）。",
      "元になる値に入力ミス（0 の打ちすぎなど）がないか確かめるか、大きい単位（万・億）で入力してください。",
    ],
  ],
  badThresholds: [
    [
      '"{text}" are not status thresholds.',
      "give two rates of 0% or more, achieved then at risk (at risk not above achieved), such as 100% and 80%.",
    ],
    [
      notRead.ja("しきい値"),
      "達成・要注意の順に 100% と 80% のような 0% 以上の 2 つの率を指定してください（要注意は達成以下）。",
    ],
  ],
  badTolerance: [
    [
      notRead.en("a tolerance"),
      "give a relative difference from 0 up to (not including) 100%, such as 0.1% or 0.001, or leave it out for 0.1%.",
    ],
    [
      notRead.ja("許容誤差"),
      "0 以上 100% 未満の相対差（0.1% や 0.001 など）を指定するか、省略して 0.1% にしてください。",
    ],
  ],
  badSize: [
    [
      "The ranges have different sizes ({sizes}).",
      "select ranges of the same size, or a single cell to use everywhere.",
    ],
    ["範囲の大きさが揃っていません（{sizes}）。", "同じ大きさの範囲か、一つのセルを指定してください。"],
  ],
  driverUnknown: [
    ['The driver "{name}" is not a KPI of the range.', "give the names or IDs of KPIs in the table."],
    ["ドライバー「{name}」が範囲の KPI にありません。", "表にある KPI の名前か ID を指定してください。"],
  ],
  driverAmbiguous: [
    ['The driver "{name}" matches more than one row (rows {rows}).', "give its ID instead of its name."],
    ["ドライバー「{name}」に当たる行が複数あります（{rows} 行目）。", "名前ではなく ID で指定してください。"],
  ],
  driverIsKgi: [
    ["The KGI cannot be a driver of itself.", "choose KPIs below the KGI as drivers."],
    ["KGI 自身はドライバーにできません。", "KGI より下の KPI をドライバーに選んでください。"],
  ],
  driverNested: [
    [
      'This driver lies under another driver ("{parent}"), whose value would hide its change.',
      "choose either the KPI or the one above it, not both.",
    ],
    [
      "このドライバーは別のドライバー「{parent}」の下にあり、その値に変化が隠れてしまいます。",
      "上下の KPI のどちらか一方だけを選んでください。",
    ],
  ],
  seekNoDrivers: [
    ["This tree has no KPI to move.", "add KPIs under the KGI, or give drivers."],
    ["このツリーには動かせる KPI がありません。", "KGI の下に KPI を追加するか、ドライバーを指定してください。"],
  ],
  seekNoGoal: [
    ["The KGI has no target to seek.", "enter the KGI's target, or give a goal."],
    ["KGI に目標がないため逆算できません。", "KGI の目標を入力するか、目標値を指定してください。"],
  ],
  seekBlankDriver: [
    [
      "This driver has no actual, so a percentage of it means nothing.",
      "enter its actual, or leave it out of the drivers.",
    ],
    ["このドライバーには実績がなく、率で動かせません。", "実績を入力するか、ドライバーから外してください。"],
  ],
  seekZeroDriver: [
    [
      "The goal {goal} cannot be reached: {names} is at zero, and any percentage of zero is still zero (the KGI reaches {reach}).",
      "enter a non-zero actual, or choose other drivers.",
    ],
    [
      "目標 {goal} に届きません: {names}の実績が 0 で、何 % 動かしても 0 のままです（KGI は {reach} まで）。",
      "0 でない実績を入力するか、別のドライバーを選んでください。",
    ],
  ],
  seekCeiling: [
    [
      "The goal {goal} cannot be reached: {names} (min, max or none) caps what the drivers can do (the KGI reaches {reach}).",
      "add the KPIs that set the cap to the drivers, or lower the goal.",
    ],
    [
      "目標 {goal} に届きません: {names}（min・max・なし）が上限になり、ドライバーを動かしても KGI は {reach} までです。",
      "上限を決めている KPI もドライバーに加えるか、目標を下げてください。",
    ],
  ],
  seekUnreachable: [
    [
      "The goal {goal} cannot be reached by moving the drivers by one common percentage (the KGI reaches {reach}).",
      "choose other drivers, or change the goal.",
    ],
    [
      "ドライバーを同じ率で動かしても目標 {goal} に届きません（KGI は {reach} まで）。",
      "別のドライバーを選ぶか、目標を見直してください。",
    ],
  ],
} satisfies Record<string, readonly [en: Template, ja: Template]>;

export type MessageCode = keyof typeof messages;

/** The one error type the core throws: the message is ready to show to the user. */
export class KpiError extends Error {
  constructor(
    readonly code: MessageCode,
    message: string,
    readonly where: Where,
  ) {
    super(message);
    this.name = "KpiError";
  }
}

/** Where a message points, and the word before its fix: `5行目（架電数）の「目標」列: … 修正: …` / `Row 5 ("Calls"), column "Target": … Fix: …`. */
const AT = {
  ja: {
    row: (row: number, name?: string) => `${row}行目${name ? `（${name}）` : ""}`,
    column: (column: string) => `「${column}」列`,
    join: "の",
    fix: "修正",
  },
  en: {
    row: (row: number, name?: string) => `Row ${row}${name ? ` ("${name}")` : ""}`,
    column: (column: string) => `column "${column}"`,
    join: ", ",
    fix: "Fix",
  },
};

export function formatMessage(lang: Lang, code: MessageCode, where: Where = {}, params: Params = {}): string {
  const template: Template = messages[code][lang === "ja" ? 1 : 0];
  const [problem, fix] = (typeof template === "function" ? template(params) : template).map((text) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? "")),
  );
  const w = AT[lang];
  const at: string[] = [];
  if (where.row !== undefined) at.push(w.row(where.row, where.name));
  if (where.column !== undefined) at.push(w.column(where.column));
  return `${at.length ? `${at.join(w.join)}: ` : ""}${problem} ${w.fix}: ${fix}`;
}

export function fail(lang: Lang, code: MessageCode, where: Where = {}, params: Params = {}): never {
  throw new KpiError(code, formatMessage(lang, code, where, params), where);
}

/** The catalogues of number-reading reasons and of where a message points, for the test that keeps ja and en alike. */
export { AT as MESSAGE_PLACE, NUMBER_REASONS };
