/*
 * The add-on menu, in the language the add-on speaks to this user: the
 * language setting when the document's properties can be read, else the
 * account's language. In AuthMode.NONE (before the user has enabled the
 * add-on in this document) it touches nothing but the UI and the locale: no
 * properties, no document.
 */
import type { Lang } from "../core/text";
import { serverText } from "./i18n";
import { loadSettings, uiLang, userLang } from "./settings";

/**
 * The menu's language when the document opens: `authMode` is the open
 * event's. In AuthMode.NONE the settings cannot be read, so the account's
 * language; otherwise the setting (falling back to the account's language if
 * the properties cannot be read after all).
 */
export function menuLang(authMode: unknown): Lang {
  if (String(authMode ?? "") === "NONE") return userLang();
  try {
    return uiLang(loadSettings());
  } catch {
    return userLang();
  }
}

/** Adds the add-on menu, or replaces it (Sheets keeps one add-on menu per add-on). */
export function buildMenu(lang: Lang): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  Object.entries(serverText(lang).menu).forEach(([fn, caption], k) => {
    // Actions that change the document (colours, as-of date, check, diagram) sit apart from the panels before and after.
    if (k === 2 || k === 6) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}
