import { fail, type NumberReason, type Where } from "./errors";
import { type Cell, cellText, type Lang, lazy, remembered } from "./text";

export type Direction = "higher" | "lower";

export interface ParsedNumber {
  /** null means "no value" (blank, -, N/A, 未定, TBD). */
  value: number | null;
  /** Set when the text said so (`3%以下`). */
  direction?: Direction;
  /** The unit the text implies: % for 20%, 円 for ¥ or 円, $ or €, else the unit word such as 件 or 件/月. */
  unit?: string;
}

/** A refused cell: the reason, and the part of the text it is about (`京`, `leads`, `'`). */
export interface Refusal {
  reason: NumberReason;
  part: string;
}

export type { NumberReason };

export function isRefusal(reading: ParsedNumber | Refusal): reading is Refusal {
  return "reason" in reading;
}

class Refused {
  constructor(
    readonly reason: NumberReason,
    readonly part = "",
  ) {}
}

/** digits × 10^scale, exactly; digits are unsigned decimal digits. */
interface Decimal {
  digits: string;
  scale: number;
}

const NO_VALUE = new Set(" - — – ― ー n/a na 未定 tbd なし".split(" "));
/** Japanese multipliers: 兆 億 万 scale a whole group, 千 百 十 a digit inside it. */
const BIG: Record<string, number> = { 兆: 12, 億: 8, 万: 4 };
const SMALL: Record<string, number> = { 千: 3, 百: 2, 十: 1 };
const MULTIPLIER_CHAR = /[兆億万千百十京垓]/;
const UNKNOWN_MULTIPLIER = /[京垓]/;
const ENGLISH_EXPONENT: Record<string, number> = {
  k: 3,
  K: 3,
  M: 6,
  B: 9,
  bn: 9,
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
};
/** k, K, M, B, bn, thousand… after a plain number, in the order above (B before bn, as typed). */
const ENGLISH_MULTIPLIER = new RegExp(`\\s*(${Object.keys(ENGLISH_EXPONENT).join("|")})(?![a-zA-Z])`, "y");
const PERCENT = /\s*(%|percent|パーセント|割)/y;
const CURRENCY_PREFIX = "¥$€";
const CURRENCY_SUFFIX = /\s*([円¥$€])/y;
const SIGN = "-+▲△";
const SUFFIX_DIRECTION: Record<string, Direction> = { 以上: "higher", 以下: "lower", 未満: "lower", 超: "higher" };
/** A date typed as text or a Date cell's day (2024-01-01, 2024/1/1): not an amount. */
const DATE_TEXT = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060\ufeff]/;
const SPACE_OR_INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2060\ufeff]/;
/**
 * Latin-script units read after a number. Only these: an English word after a
 * number can change its meaning (`3 million`, `10 to 20`, `2 of 3`), so any
 * other word is refused and belongs in the Unit column. `m` and `t` are left
 * out on purpose: 5m is five million as often as five metres.
 */
export const UNIT_WORDS: readonly string[] = (
  "ms s sec secs second seconds min mins minute minutes h hr hrs hour hours d day days wk week weeks " +
  "mo month months yr yrs year years usd jpy eur yen dollar dollars " +
  "kb mb gb tb kbps mbps gbps g kg mg km cm mm kwh l ml pt pts point points pc pcs x times"
).split(" ");
const UNIT_WORD_SET = new Set(UNIT_WORDS);
/** A Japanese counter or unit word: 件, 人, 店舗, 時間, ヶ月, アポ. */
const JAPANESE_WORD = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々〆ヶヵ]{1,12}$/u;
const KANJI_DIGIT = /[〇一二三四五六七八九十百千万億兆]/;

/**
 * Reads a target or actual the way Japanese and English sheets write them, as
 * one grammar over the whole text:
 *
 *   [sign] [¥ $ €] [sign] amount [k M B bn] [% 割] [円 ¥ $ €] [unit] [以上 以下 未満 超]
 *
 * where amount is digits with comma groups of three, a decimal part and an
 * exponent (`1,234.5`, `1e6`, `1.5E-3`), or Japanese numerals mixing digits
 * with 兆 億 万 千 百 十 (`1億2,345万6千`, `5千万`, `1.5千万`, `3百万`); signs are
 * `-`, `+`, `▲`, `△`. Anything else is refused with the reason, never read in
 * part. The value is computed exactly in decimal and rounded once, so `1.2億`
 * is exactly 120000000 and `0.0000001%` is 1e-9; results are always finite.
 */
export function readNumber(cell: Cell): ParsedNumber | Refusal {
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : { reason: "tooLarge", part: "" };
  if (cell === null || cell === undefined) return { value: null };
  if (typeof cell === "boolean") return { reason: "boolean", part: cell ? "TRUE" : "FALSE" };
  if (typeof cell !== "string") return { reason: "date", part: "" };
  return readText(cell);
}

/**
 * The reading of a cell that needs no look at text: a finite number is that
 * number, a blank (`""`, null) is no value (null); undefined for anything
 * else, which readNumber reads. A shortcut only: for these cells readNumber
 * gives `{ value }` with no unit and no direction (tests/core/value.test.ts).
 */
export function plainValue(cell: Cell): number | null | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  return cell === null || cell === undefined || cell === "" ? null : undefined;
}

/**
 * readNumber for one reading of a table: each distinct text is parsed once
 * (a table repeats `1,000件`, `20%`, `-` and blanks), numbers go straight
 * through. Readings are shared between cells: read them, never change them.
 */
export function numberReader(): (cell: Cell) => ParsedNumber | Refusal {
  const seen = new Map<string, ParsedNumber | Refusal>();
  return (cell) => remembered(seen, cell, readNumber);
}

/** readNumber without the reason: undefined for a cell that is not a number. */
export function parseNumber(cell: Cell): ParsedNumber | undefined {
  const reading = readNumber(cell);
  return isRefusal(reading) ? undefined : reading;
}

/** Reads a number, or throws the error naming where the cell is, why it is not a number and how to fix it. */
export function requireNumber(lang: Lang, cell: Cell, where: Where): ParsedNumber {
  const reading = readNumber(cell);
  if (isRefusal(reading)) fail(lang, "badNumber", where, { text: cellText(cell), ...reading });
  return reading;
}

function readText(cell: string): ParsedNumber | Refusal {
  // ASCII text needs no folding of full-width forms or dashes.
  let s = /^[\x20-\x7e]*$/.test(cell) ? cell.trim() : trimInvisible(cell.normalize("NFKC")).replace(/[−‐‑–－]/g, "-");
  if (NO_VALUE.has(s.toLowerCase())) return { value: null };
  if (INVISIBLE.test(s)) return { reason: "invisible", part: "" };
  if (!/\d/.test(s)) return { reason: "noDigits", part: "" };
  if (DATE_TEXT.test(s)) return { reason: "date", part: "" };
  let direction: Direction | undefined;
  for (const suffix in SUFFIX_DIRECTION)
    if (s.endsWith(suffix)) {
      direction = SUFFIX_DIRECTION[suffix];
      // Spaces before it (`100 超`) are left to the unit reader, which trims.
      s = s.slice(0, -suffix.length);
      break;
    }
  try {
    return readSigned(new Scanner(joinMultipliers(s)), direction);
  } catch (e) {
    if (e instanceof Refused) return { reason: e.reason, part: e.part };
    throw e;
  }
}

/** Trims spaces and invisible characters (a zero-width space pasted at the end) in one linear pass. */
function trimInvisible(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE_OR_INVISIBLE.test(s[start])) start++;
  while (end > start && SPACE_OR_INVISIBLE.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * Drops spaces next to 兆 億 万 千 百 十 京 垓, so `1億 2,000 万` reads as one
 * amount; spaces between digits stay, so `12 34` is refused. One linear pass.
 */
function joinMultipliers(s: string): string {
  if (!/\s/.test(s)) return s;
  const out: string[] = [];
  let k = 0;
  while (k < s.length) {
    let end = k;
    while (end < s.length && /\s/.test(s[end])) end++;
    if (end === k) out.push(s[k++]);
    else {
      if (!MULTIPLIER_CHAR.test(s[k - 1] ?? "") && !MULTIPLIER_CHAR.test(s[end] ?? "")) out.push(s.slice(k, end));
      k = end;
    }
  }
  return out.join("");
}

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  /** Consumes sticky `re` at the cursor; returns its first group or whole match. */
  take(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[1] ?? m[0];
  }
  /** Consumes one character of `chars` at the cursor. */
  takeChar(chars: string): string | undefined {
    const c = this.s[this.i];
    if (c === undefined || !chars.includes(c)) return undefined;
    this.i++;
    return c;
  }
  skipSpaces(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  get rest(): string {
    return this.s.slice(this.i);
  }
}

function readSigned(scan: Scanner, direction: Direction | undefined): ParsedNumber {
  let sign = scan.takeChar(SIGN);
  scan.skipSpaces();
  const prefix = scan.takeChar(CURRENCY_PREFIX);
  scan.skipSpaces();
  if (!sign) sign = scan.takeChar(SIGN);
  scan.skipSpaces();
  const { value: amount, plain } = readAmount(scan);
  let number = amount;
  const english = plain ? scan.take(ENGLISH_MULTIPLIER) : undefined;
  if (english) number = shift(number, ENGLISH_EXPONENT[english]);
  const percent = scan.take(PERCENT);
  if (percent) number = shift(number, percent === "割" ? -1 : -2);
  const suffix = percent ? undefined : scan.take(CURRENCY_SUFFIX);
  if (prefix && suffix && currencyUnit(prefix) !== currencyUnit(suffix)) throw new Refused("unknownUnit", suffix);
  const word = readUnit(scan, amount, Boolean(percent), Boolean(prefix || suffix));
  const value = toNumber(number);
  const v = sign === "-" || sign === "▲" || sign === "△" ? -value || 0 : value;
  const currency = suffix ?? prefix;
  // The unit the text implies, so a table without a Unit column still formats 20% as a rate and ¥ as money.
  const unit = percent ? "%" : `${currency ? currencyUnit(currency) : ""}${word}`;
  // Each reading made whole at once, so readings of one kind share one shape (which optimised code then relies on).
  if (unit) return direction ? { value: v, unit, direction } : { value: v, unit };
  return direction ? { value: v, direction } : { value: v };
}

function currencyUnit(symbol: string): string {
  return symbol === "¥" || symbol === "円" ? "円" : symbol;
}

/**
 * The amount: a plain number with an optional exponent, or Japanese numerals.
 * `plain` says no 万/千… was used, so English shorthands (3k) may follow.
 */
function readAmount(scan: Scanner): { value: Decimal; plain: boolean } {
  const start = scan.i;
  const terms: Decimal[] = [];
  let lastBig = Number.POSITIVE_INFINITY;
  for (;;) {
    const at = scan.i;
    const group = readGroup(scan);
    // After 万/億/兆 a group never starts with 0: `5千万 000` or `1万0500` is not an amount.
    if (group && lastBig !== Number.POSITIVE_INFINITY && scan.s[at] === "0") throw new Refused("kanji", "0");
    const big = BIG[scan.s[scan.i]];
    if (big === undefined) {
      if (group) {
        if (lastBig !== Number.POSITIVE_INFINITY && group.size >= 10 ** lastBig) throw new Refused("kanji", scan.s[at]);
        terms.push(...group.terms);
      }
      break;
    }
    // 万 with no number before it, 2万1億 (out of order), 1億12,345万 (a group of 万 past 9,999).
    if (!group || big >= lastBig || (lastBig !== Number.POSITIVE_INFINITY && group.size >= 1e4))
      throw new Refused("kanji", scan.s[scan.i]);
    terms.push(...group.terms.map((t) => shift(t, big)));
    lastBig = big;
    scan.i++;
  }
  if (terms.length === 0)
    throw new Refused(
      "prefix",
      scan.s
        .slice(start)
        .replace(/\d[\s\S]*$/, "")
        .trim(),
    );
  if (UNKNOWN_MULTIPLIER.test(scan.s[scan.i] ?? "")) throw new Refused("unknownMultiplier", scan.s[scan.i]);
  const plain = terms.length === 1 && lastBig === Number.POSITIVE_INFINITY && SMALL[scan.s[scan.i - 1]] === undefined;
  let value = addDecimals(terms);
  if (plain) {
    const exponent = scan.take(/[eE]([+-]?\d+)/y);
    if (exponent !== undefined) value = shiftBy(value, exponent);
  }
  return { value, plain };
}

/** One group below 万: `2,345`, `5千`, `1千2百30`, `1.5千`; null when none starts here. */
function readGroup(scan: Scanner): { terms: Decimal[]; size: number } | null {
  const terms: Decimal[] = [];
  let size = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (;;) {
    const at = scan.i;
    const coefficient = readPlain(scan);
    // After 千/百/十 digits never start with 0 either: `5千 000`, `1千05`.
    if (coefficient && limit !== Number.POSITIVE_INFINITY && scan.s[at] === "0") throw new Refused("kanji", "0");
    const unit = SMALL[scan.s[scan.i]];
    if (unit === undefined) {
      if (coefficient) {
        const value = toNumber(coefficient);
        if (value >= 10 ** limit) throw new Refused("kanji", scan.s[scan.i - 1]);
        terms.push(coefficient);
        size += value;
      }
      break;
    }
    const factor = coefficient ?? { digits: "1", scale: 0 };
    // 1百2千 (out of order) or 1千23百 (a digit past 9).
    if (unit >= limit || (limit !== Number.POSITIVE_INFINITY && toNumber(factor) >= 10))
      throw new Refused("kanji", scan.s[scan.i]);
    terms.push(shift(factor, unit));
    size += toNumber(factor) * 10 ** unit;
    limit = unit;
    scan.i++;
  }
  return terms.length ? { terms, size } : null;
}

/** Digits with comma groups of three and a decimal part: `1,234.5`, `.5`, `2000`. */
function readPlain(scan: Scanner): Decimal | null {
  let int = scan.take(/\d+/y) ?? "";
  if (int && scan.s[scan.i] === ",") {
    if (int.length > 3) throw new Refused("separator", ",");
    while (scan.s[scan.i] === ",") {
      const group = scan.take(/,(\d*)/y) ?? "";
      if (group.length !== 3) throw new Refused("separator", ",");
      int += group;
    }
  }
  // `5.` is 5, as Sheets reads it; `1.2.3` stops after 1.2 and is refused for its second point.
  const frac = (int ? scan.take(/\.(\d*)/y) : scan.take(/\.(\d+)/y)) ?? "";
  if (!int && !frac) return null;
  return { digits: int + frac, scale: -frac.length };
}

/** What may follow the number: a unit word (`件`, `件/月`, `kg`, `h/day`), or nothing after a %. */
function readUnit(scan: Scanner, amount: Decimal, percent: boolean, currency: boolean): string {
  const rest = scan.rest.trim();
  if (!rest) return "";
  refuseNumberLike(scan.rest, amount);
  if (percent) throw new Refused("unknownUnit", rest);
  const parts = rest.split("/").map((p) => p.trim());
  // After a currency a unit may start with / (円/件).
  if (currency && parts[0] === "") parts.shift();
  for (const part of parts) checkUnitWord(part || "/");
  return rest.replace(/\s*\/\s*/g, "/");
}

/** Text after the number that holds more digits (a range, a fraction, a separator, hex) or says from/to. */
function refuseNumberLike(raw: string, amount: Decimal): void {
  const rest = raw.trim();
  if (/^\/\s*\d/.test(rest) || rest.includes("分の"))
    throw new Refused("fraction", rest.startsWith("/") ? "/" : "分の");
  if (/から|まで/.test(rest)) throw new Refused("twoNumbers", rest);
  if (!/\d/.test(rest)) return;
  if (/^(?:[-~〜→⇒➡>]|to\b)/.test(rest)) throw new Refused("twoNumbers", rest);
  if (amount.digits === "0" && /^[xXbBoO]/.test(rest)) throw new Refused("notDecimal", rest[0]);
  if (/^[^\p{L}\p{N}]\d/u.test(raw)) throw new Refused("separator", raw[0]);
  const kanjiDigit = KANJI_DIGIT.exec(rest);
  if (kanjiDigit) throw new Refused("kanjiDigit", kanjiDigit[0]);
  throw new Refused("twoNumbers", rest);
}

function checkUnitWord(word: string): void {
  if (UNIT_WORD_SET.has(word.toLowerCase())) return;
  if (JAPANESE_WORD.test(word)) {
    const kanjiDigit = KANJI_DIGIT.exec(word);
    if (kanjiDigit) throw new Refused("kanjiDigit", kanjiDigit[0]);
    const unknown = /[京垓]/.exec(word);
    if (unknown) throw new Refused("unknownMultiplier", unknown[0]);
    // 100増 says a change, 5以下以上 two directions: neither is a unit.
    if (/[増減]|以上|以下|未満/.test(word)) throw new Refused("unknownUnit", word);
    return;
  }
  throw new Refused("unknownUnit", word);
}

function shift(d: Decimal, by: number): Decimal {
  return { digits: d.digits, scale: d.scale + by };
}

/** Applies a typed exponent; absurd ones (1e999999999) are kept finite here and refused by toNumber. */
function shiftBy(d: Decimal, exponent: string): Decimal {
  const e = Number(exponent);
  return shift(d, Math.max(-1e6, Math.min(1e6, e)));
}

/** Exact sum of non-negative decimals, by digit columns (terms are few and short: one per 兆/億/万/千/百/十; one for a plain number). */
function addDecimals(terms: Decimal[]): Decimal {
  const scale = Math.min(...terms.map((t) => t.scale));
  const padded = terms.map((t) => t.digits + "0".repeat(t.scale - scale));
  const width = Math.max(...padded.map((p) => p.length));
  const out: number[] = [];
  let carry = 0;
  for (let k = 1; k <= width; k++) {
    let sum = carry;
    for (const p of padded) if (k <= p.length) sum += p.charCodeAt(p.length - k) - 48;
    out.push(sum % 10);
    carry = Math.floor(sum / 10);
  }
  if (carry) out.push(carry);
  return { digits: out.reverse().join(""), scale };
}

/** The nearest double to the exact decimal; refuses what does not fit (400 digits, 1e400, 1e-400). */
function toNumber(d: Decimal): number {
  const value = Number(`${d.digits}e${d.scale}`);
  if (!Number.isFinite(value)) throw new Refused("tooLarge");
  if (value === 0 && /[1-9]/.test(d.digits)) throw new Refused("tooSmall");
  return value;
}

/** How a direction is written in a sheet, per language; the reader accepts these and the words below. */
export const DIRECTION_WORD: Record<Lang, Record<Direction, string>> = {
  ja: { higher: "以上", lower: "以下" },
  en: { higher: "higher", lower: "lower" },
};
const directionWords = lazy(() => {
  // A Map, not an object: text such as "constructor" is no direction.
  const words = new Map<string, Direction>();
  // DIRECTION_WORD's words among them (higher, 以上; lower, 以下), so what the sheet writes reads back.
  for (const w of "higher high up ↑ 以上 大きい 多い 高 高い 大 max maximize increase +".split(" "))
    words.set(w, "higher");
  for (const w of "lower low down ↓ 以下 小さい 少ない 未満 低 低い 小 min minimize decrease -".split(" "))
    words.set(w, "lower");
  return words;
});

/** null for blank (use the default), undefined for text that is not a direction. */
export function parseDirection(cell: Cell): Direction | null | undefined {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell !== "string") return undefined;
  const key = cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/isbetter$|ほど良い$|ほどよい$|が良い$/, "");
  if (key === "") return null;
  return directionWords().get(key);
}
