/*
 * The "as of" date cell a period sheet's year-to-date columns depend on.
 * Custom functions refuse volatile arguments such as NOW() and RAND() (Google's
 * guide, "Custom Functions in Google Sheets" › Arguments: they must be
 * deterministic), and TODAY() is one of those, so the sheet holds a plain date
 * that the add-on keeps current: when the spreadsheet opens and from the menu.
 * A date the user typed over (to look at another day) is theirs: the add-on
 * moves only a cell still holding the day it wrote last. The cells are listed
 * in document properties (sheet ID and A1 address, which survive renames).
 */
import { isDate } from "../core/text";
import { sheetDateText } from "../functions/locale";

export const AS_OF_KEY = "kpiTree.asOf";

interface AsOfCell {
  sheetId: number;
  cell: string;
  /** The day the add-on wrote last (yyyy-mm-dd). */
  day: string;
}

/** Today in the spreadsheet's time zone (File › Settings), yyyy-mm-dd. */
export function todayText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");
}

function stored(): AsOfCell[] {
  try {
    const list = JSON.parse(PropertiesService.getDocumentProperties().getProperty(AS_OF_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter((c) => c && typeof c.cell === "string" && typeof c.day === "string") : [];
  } catch {
    return [];
  }
}

function store(list: AsOfCell[]): void {
  PropertiesService.getDocumentProperties().setProperty(AS_OF_KEY, JSON.stringify(list));
}

/** Remembers an as-of cell the wizard wrote with `day`. */
export function registerAsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, cell: string, day: string): void {
  const sheetId = sheet.getSheetId();
  store([...stored().filter((c) => c.sheetId !== sheetId || c.cell !== cell), { sheetId, cell, day }]);
}

export interface AsOfRefresh {
  today: string;
  /** Cells moved to today. */
  updated: number;
  /** Cells already on today. */
  current: number;
  /** Cells holding another date the user typed: left alone. */
  kept: number;
}

/**
 * Moves every registered as-of cell to today, except those the user changed;
 * forgets cells whose sheet was deleted. Two calls per cell (read, write), and
 * none when no sheet has one.
 */
export function refreshAsOf(ss = SpreadsheetApp.getActiveSpreadsheet()): AsOfRefresh {
  const list = stored();
  const today = todayText(ss);
  const out: AsOfRefresh = { today, updated: 0, current: 0, kept: 0 };
  if (list.length === 0) return out;
  const dayOf = sheetDateText();
  const sheets = new Map(ss.getSheets().map((s) => [s.getSheetId(), s]));
  const kept: AsOfCell[] = [];
  for (const entry of list) {
    const sheet = sheets.get(entry.sheetId);
    if (!sheet) continue;
    const range = sheet.getRange(entry.cell);
    const value = range.getValue();
    const shown = isDate(value) ? dayOf(value) : String(value);
    if (shown !== entry.day) out.kept++;
    else if (shown === today) out.current++;
    else {
      range.setValue(today);
      entry.day = today;
      out.updated++;
    }
    kept.push(entry);
  }
  if (kept.length !== list.length || out.updated) store(kept);
  return out;
}
