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
