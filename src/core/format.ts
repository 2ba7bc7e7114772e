import type { Lang } from "./text";

function grouped(value: number, maxDecimals: number): string {
  const fixed = Number(value.toFixed(maxDecimals));
  const [int, frac] = Math.abs(fixed).toString().split(".");
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fixed < 0 ? "-" : ""}${withCommas}${frac ? `.${frac}` : ""}`;
}

/** A number as the user's language writes it: 48,000,000 or 4,800万, 1.2億. */
export function formatNumber(value: number, lang: Lang): string {
  if (Number.isInteger(value) || Math.abs(value) >= 1000) {
    if (lang === "ja" && Math.abs(value) >= 1e8) return `${grouped(value / 1e8, 4)}億`;
    if (lang === "ja" && Math.abs(value) >= 1e4) return `${grouped(value / 1e4, 2)}万`;
    return grouped(value, 2);
  }
  return grouped(value, 4);
}

export function formatPercent(rate: number): string {
  return `${grouped(rate * 100, 1)}%`;
}

/** A value with its unit, as the sidebar and the warnings show it: 20%, 2,000万円 / ¥20,000,000, 500件. */
export function formatValue(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return "–";
  const u = unit.trim();
  if (u === "%" || u === "％") return `${formatNumber(value * 100, lang)}%`;
  if (u === "円" || u === "¥")
    return lang === "ja" ? `${formatNumber(value, lang)}円` : `¥${formatNumber(value, lang)}`;
  return `${formatNumber(value, lang)}${u ? (lang === "ja" || u.length <= 2 ? u : ` ${u}`) : ""}`;
}

/** A relative gap with its sign, as the checks write it: +2.5%, -4%. */
export function formatGap(gap: number): string {
  return `${gap > 0 ? "+" : ""}${formatPercent(gap)}`;
}
