import type { Cell } from "./text";

export type Direction = "higher" | "lower";

export interface ParsedNumber {
  /** null means "no value" (blank, -, N/A, 未定, TBD). */
  value: number | null;
  /** Set when the text said so (`3%以下`). */
  direction?: Direction;
  /** The unit the text implies: % for 20%, 円 for ¥ or 円, else trailing text such as 件 or 件/月. */
  unit?: string;
}

const NO_VALUE = new Set(["", "-", "—", "–", "―", "ー", "n/a", "na", "未定", "tbd", "なし"]);
const MULTIPLIER: Record<string, number> = { 千: 3, 万: 4, 億: 8, 兆: 12 };
const ENGLISH_MULTIPLIER: Record<string, number> = { k: 3, K: 3, M: 6, B: 9, bn: 9 };
const SUFFIX_DIRECTION: [string, Direction][] = [
  ["以上", "higher"],
  ["以下", "lower"],
  ["未満", "lower"],
  ["超", "higher"],
];
// One number with optional thousands separators and decimals, then an optional 千/万/億/兆.
const CHUNK = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([千万億兆])?/;

/**
 * Reads a target or actual the way Japanese sheets write them: `2,000万円`,
 * `１，０００件`, `20%`, `1億2,000万`, `▲500`, `3%以下`. Returns undefined for
 * text that is not a number, so the caller can name the cell in its error.
 * Decimal shifts go through exponent notation so `1.2億` is exactly 120000000.
 */
export function parseNumber(cell: Cell): ParsedNumber | undefined {
  if (cell === null || cell === undefined) return { value: null };
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : undefined;
  if (typeof cell !== "string") return undefined;
  // Spaces between digits ("12 34") stay, so that text is rejected rather than joined.
  let s = cell
    .normalize("NFKC")
    .replace(/(?<!\d)\s+|\s+(?!\d)/g, "")
    .replace(/[−‐－]/g, "-");
  if (NO_VALUE.has(s.toLowerCase())) return { value: null };

  let direction: Direction | undefined;
  for (const [suffix, dir] of SUFFIX_DIRECTION) {
    if (s.endsWith(suffix)) {
      direction = dir;
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  let sign = 1;
  if (/^[-▲△]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  const currency = /^[¥$€]/.exec(s)?.[0];
  if (currency) s = s.slice(1);

  let total = 0;
  let digitsSeen = false;
  let lastExponent = Number.POSITIVE_INFINITY;
  for (;;) {
    const m = CHUNK.exec(s);
    if (!m || (m[1] === undefined && m[2] === undefined)) break;
    const exponent = m[3] ? MULTIPLIER[m[3]] : 0;
    // 1億2,000万 adds up; 2万1億 or 12.5 3 is not a number.
    if (exponent >= lastExponent) return undefined;
    total += Number(`${(m[1] ?? "0").replace(/,/g, "")}${m[2] ?? ""}e${exponent}`);
    digitsSeen = true;
    s = s.slice(m[0].length);
    lastExponent = exponent;
    if (!m[3]) break;
  }
  if (!digitsSeen) return undefined;
  // English shorthands after a plain number: 3k, 1.2M, $3.5B or 3.5bn (not kg, Mbps or min).
  const short = lastExponent === 0 ? /^(k|K|M|B|bn)(?![a-zA-Z])/.exec(s) : null;
  if (short) {
    total = Number(`${total}e${ENGLISH_MULTIPLIER[short[1]]}`);
    s = s.slice(short[1].length);
  }
  const percent = s.startsWith("%");
  if (percent) {
    total = Number(`${total}e-2`);
    s = s.slice(1);
  }
  const yen = s.startsWith("円");
  if (yen) s = s.slice(1);
  // What is left is a unit (件, 人, 件/月, h); it may not start like a number.
  if (/^[\s\d.,%]/.test(s)) return undefined;
  const result: ParsedNumber = { value: sign * total };
  if (direction) result.direction = direction;
  // The unit the text implies, so a table without a Unit column still formats 20% as a rate and ¥ as money.
  const unit = percent ? "%" : yen || currency === "¥" ? "円" : (currency ?? s);
  if (unit) result.unit = unit;
  return result;
}

const DIRECTION_WORDS: Record<string, Direction> = {};
for (const w of ["higher", "high", "up", "↑", "以上", "高", "高い", "大", "max", "maximize", "increase", "+"])
  DIRECTION_WORDS[w] = "higher";
for (const w of ["lower", "low", "down", "↓", "以下", "未満", "低", "低い", "小", "min", "minimize", "decrease", "-"])
  DIRECTION_WORDS[w] = "lower";

/** null for blank (use the default), undefined for text that is not a direction. */
export function parseDirection(cell: Cell): Direction | null | undefined {
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== "string") return undefined;
  const key = cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/isbetter$|ほど良い$|ほどよい$|が良い$/, "");
  if (key === "") return null;
  return DIRECTION_WORDS[key];
}
