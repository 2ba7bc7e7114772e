// How Sheets turns what a script writes into cell content, and cell content back
// into what a script reads or a person sees.

/** Serial day 0 of Sheets' date system (30 Dec 1899), as UTC milliseconds. */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Offset (ms) of `timeZone` from UTC at instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - utcMs;
}

/** A serial holds wall-clock time in the spreadsheet's zone; a Date is an instant. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = EPOCH + Math.round(serial * DAY);
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

export function dateToSerial(date: Date, timeZone: string): number {
  const wall = date.getTime() + zoneOffset(date.getTime(), timeZone);
  return (wall - EPOCH) / DAY;
}

/** Wall-clock fields of a Date in a zone, for formatting. */
export function wallFields(date: Date, timeZone: string) {
  const d = new Date(date.getTime() + zoneOffset(date.getTime(), timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

export function isDateFormat(format: string): boolean {
  // Letters y/d (or m next to them) outside quotes mean a date pattern.
  return /[yd]/i.test(format.replace(/"[^"]*"/g, "")) && !format.includes("@");
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Sheets' "Automatic" format: up to 10 significant digits, no grouping. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = Number(n.toPrecision(10)).toString();
  return s.includes("e") ? n.toExponential(2).toUpperCase().replace("E+", "E+") : s;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const f = wallFields(date, timeZone);
  return pattern.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi, (tok) => {
    const t = tok.toLowerCase();
    if (t === "yyyy") return String(f.year);
    if (t === "yy") return pad(f.year % 100);
    if (t === "mm") return pad(f.month);
    if (t === "m") return String(f.month);
    if (t === "dd") return pad(f.day);
    if (t === "d") return String(f.day);
    if (t === "hh") return pad(f.hour);
    if (t === "h") return String(f.hour);
    if (t === "ss") return pad(f.second);
    return String(f.second);
  });
}

/** A number format the stand-in cannot render as Sheets would: refused, never shown approximately. */
export class UnsupportedFormat extends Error {
  constructor(readonly format: string) {
    super(`The number format ${JSON.stringify(format)} is not implemented in the stand-in.`);
  }
}

/** Prefix or suffix text of a number pattern: quoted text, escaped characters and plain symbols only. */
function literalText(text: string, format: string): string {
  const plain = text.replace(/"[^"]*"|\\./g, "");
  if (/[#0?,.%Ee[\]@*_;]/.test(plain)) throw new UnsupportedFormat(format);
  return text.replace(/"([^"]*)"|\\(.)/g, (_m, quoted, escaped) => quoted ?? escaped);
}

/**
 * The subset of Sheets number formats the add-on and the preview use, rendered
 * as Sheets renders them: `0`, `#,##0`, `0.00`, optional decimals (`0.0#`: one
 * to two places, trailing zeros dropped), `%`, literal prefixes and suffixes
 * (`"¥"#,##0`, `#,##0"件"`, `\$0`), a negative section after `;`, `@`, and date
 * patterns. Anything else (conditions, scaling commas, digits split by
 * literals) throws UnsupportedFormat: a test double must not guess.
 */
export function formatNumber(n: number, format: string, timeZone: string): string {
  if (!format || format === "General" || format === "@") return generalNumber(n);
  const sections = format.split(";");
  const negative = n < 0 && sections.length > 1;
  const section = sections[negative ? 1 : 0];
  // Conditions ([>=1000]), colours ([Red]) and locales ([$-411]) are not rendered here.
  if (/\[/.test(section.replace(/"[^"]*"/g, ""))) throw new UnsupportedFormat(format);
  if (isDateFormat(section)) return formatDatePattern(serialToDate(n, timeZone), section.replace(/"/g, ""), timeZone);
  const m = /^((?:"[^"]*"|\\.|[^#0"\\])*?)(#[#,]*0|0)(?:\.(0*)(#*))?(%?)((?:"[^"]*"|\\.|[^#0?,"\\])*)$/.exec(section);
  if (!m || /,$/.test(m[2])) throw new UnsupportedFormat(format);
  const [, prefix, intPattern, zeros = "", hashes = "", percent, suffix] = m;
  const value = Math.abs(percent ? n * 100 : n);
  let fixed = value.toFixed(zeros.length + hashes.length);
  if (hashes) fixed = fixed.replace(new RegExp(`(\\.\\d{${zeros.length}}\\d*?)0+$`), "$1").replace(/\.$/, "");
  const [i, d] = fixed.split(".");
  const body = (intPattern.includes(",") ? group(i) : i) + (d ? `.${d}` : "");
  // As in Sheets, a negative value keeps its sign even where it rounds to 0 (-0.4 with `0` shows -0).
  const sign = n < 0 && !negative ? "-" : "";
  return `${sign}${literalText(prefix, format)}${body}${percent}${literalText(suffix, format)}`;
}

/** What `setValue` / a person typing turns a string into, before the formula engine sees it. */
export type Parsed =
  | { kind: "formula"; formula: string }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "empty" };

/** Sheets reads "1,234", "20%", "¥1,000", "2024/01/05", "TRUE" as values, as when typed. */
export function parseInput(input: string): Parsed {
  if (input === "") return { kind: "empty" };
  if (input.startsWith("'")) return { kind: "text", text: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", value: t.toLowerCase() === "true" };
  const num = /^([-+]?)([¥$€£]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(%?)$/.exec(t);
  if (num && (num[3] || num[5])) {
    const [, sign, currency, intPart = "0", , frac = "", percent] = num;
    let value = Number(`${intPart.replace(/,/g, "")}${frac}`) * (sign === "-" ? -1 : 1);
    if (percent) value /= 100;
    const decimals = frac ? "0".repeat(frac.length - 1) : "";
    const grouped = intPart.includes(",") || currency;
    let format: string | undefined;
    if (percent) format = decimals ? `0.${decimals}%` : "0%";
    else if (currency) format = `${currency}#,##0${decimals ? `.${decimals}` : ""}`;
    else if (grouped) format = `#,##0${decimals ? `.${decimals}` : ""}`;
    return { kind: "number", value, format };
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const serial = (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - EPOCH) / DAY;
    return { kind: "number", value: serial, format: "yyyy/mm/dd" };
  }
  return { kind: "text", text: input };
}
