import { langOfLocale } from "../core/settings";
import type { Lang } from "../core/text";

/**
 * The spreadsheet's language, readable from custom functions too (a get* call
 * needs no authorisation). Falls back to English outside Sheets or on failure.
 */
export function sheetLanguage(): Lang {
  try {
    return langOfLocale(SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale());
  } catch {
    return "en";
  }
}
