import type { Lang } from "../core/text";

/**
 * The spreadsheet's language, readable from custom functions too (a get* call
 * needs no authorisation). Falls back to English outside Sheets or on failure.
 */
export function sheetLanguage(): Lang {
  try {
    const locale = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale() ?? "";
    return locale.toLowerCase().startsWith("ja") ? "ja" : "en";
  } catch {
    return "en";
  }
}
