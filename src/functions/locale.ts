import { langOfLocale } from "../core/settings";
import type { DateText, Lang } from "../core/text";

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

/**
 * The spreadsheet's day of a Date (yyyy-mm-dd in its time zone), with
 * Utilities.formatDate, which custom functions may call too. The zone is asked
 * for once, and only when a Date is met. Outside Sheets, the UTC day.
 */
export function sheetDateText(): DateText {
  let zone: string | undefined;
  return (date) => {
    try {
      zone ??= SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      return Utilities.formatDate(date, zone, "yyyy-MM-dd");
    } catch {
      return date.toISOString().slice(0, 10);
    }
  };
}
