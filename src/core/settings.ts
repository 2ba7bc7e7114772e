/*
 * The add-on's settings (kept in document properties, so everyone editing the
 * spreadsheet colours the same way): status thresholds, colours, OKR mode and
 * the sidebar's language. Pure: the server validates what the sidebar sends
 * with the same code the sidebar uses to show defaults.
 */
import { DEFAULT_COLORS, isHexColor, type StatusColors } from "./rules";
import { DEFAULT_THRESHOLDS, OKR_THRESHOLDS, type Thresholds } from "./status";
import type { Lang } from "./text";

export type LanguageSetting = "auto" | Lang;

export interface Settings {
  /** "auto" follows the user's Google account locale. */
  language: LanguageSetting;
  /** OKR mode: stretch goals, 70% counts as success. */
  okr: boolean;
  thresholds: Thresholds;
  colors: StatusColors;
}

export const DEFAULT_SETTINGS: Settings = {
  language: "auto",
  okr: false,
  thresholds: DEFAULT_THRESHOLDS,
  colors: DEFAULT_COLORS,
};

/** Thresholds a mode starts from when it is switched on or off in the sidebar. */
export function modeThresholds(okr: boolean): Thresholds {
  return okr ? OKR_THRESHOLDS : DEFAULT_THRESHOLDS;
}

export function langOfLocale(locale: string | null | undefined): Lang {
  return (locale ?? "").toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function resolveLang(settings: Pick<Settings, "language">, locale: string | null | undefined): Lang {
  return settings.language === "auto" ? langOfLocale(locale) : settings.language;
}

export const MESSAGES = {
  ja: {
    thresholds: "しきい値は 0%〜1000% の範囲で、「達成」を「要注意」以上にしてください。",
    color: (c: string) => `「${c}」は色として読めません。#RRGGBB の形で指定してください。`,
  },
  en: {
    thresholds: "Thresholds must lie between 0% and 1000%, with Achieved at or above At risk.",
    color: (c: string) => `"${c}" is not a colour: use #RRGGBB.`,
  },
};

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

function rate(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 10 ? value : null;
}

/**
 * Checks settings from outside (the sidebar, or stored JSON). `strict` throws
 * on anything wrong (for saving); otherwise bad parts fall back to defaults
 * (for reading what is stored).
 */
export function parseSettings(input: unknown, lang: Lang, strict = false): Settings {
  const raw = (input && typeof input === "object" ? input : {}) as Partial<Settings>;
  const m = MESSAGES[lang];
  const language: LanguageSetting = raw.language === "ja" || raw.language === "en" ? raw.language : "auto";
  const okr = raw.okr === true;
  const t = (raw.thresholds ?? {}) as Partial<Thresholds>;
  const achieved = rate(t.achieved);
  const atRisk = rate(t.atRisk);
  let thresholds: Thresholds;
  if (achieved === null || atRisk === null || atRisk > achieved) {
    if (strict && raw.thresholds !== undefined) throw new SettingsError(m.thresholds);
    thresholds = modeThresholds(okr);
  } else thresholds = { achieved, atRisk };
  const c = (raw.colors ?? {}) as Partial<StatusColors>;
  const colors = { ...DEFAULT_COLORS };
  for (const key of Object.keys(DEFAULT_COLORS) as (keyof StatusColors)[]) {
    const value = c[key];
    if (typeof value === "string" && isHexColor(value)) colors[key] = value.toLowerCase();
    else if (strict && value !== undefined) throw new SettingsError(m.color(String(value)));
  }
  return { language, okr, thresholds, colors };
}
