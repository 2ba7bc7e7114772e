/*
 * Settings in document properties (shared by everyone editing the
 * spreadsheet), and the user's language.
 */
import { DEFAULT_SETTINGS, langOfLocale, parseSettings, resolveLang, type Settings } from "../core/settings";
import type { Lang } from "../core/text";

export const SETTINGS_KEY = "kpiTree.settings";

/** The user's Google account locale ("ja", "en_US"…); "" when it cannot be read. */
export function userLocale(): string {
  try {
    return Session.getActiveUserLocale() || "";
  } catch {
    return "";
  }
}

export function userLang(): Lang {
  return langOfLocale(userLocale());
}

export function loadSettings(): Settings {
  const stored = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!stored) return DEFAULT_SETTINGS;
  try {
    return parseSettings(JSON.parse(stored), userLang());
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Validates (throwing a message in the user's language) and stores. */
export function storeSettings(input: unknown): Settings {
  const settings = parseSettings(input, uiLang(loadSettings()), true);
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

/** The language the add-on speaks to this user: the setting, else the account locale. */
export function uiLang(settings: Settings = loadSettings()): Lang {
  return resolveLang(settings, userLocale());
}
