// State shared by every stand-in object of one workbook.
import type { GridRange } from "./a1";
import type { SheetModel, Workbook } from "./engine";
import { type CallCounter, strict } from "./strict";

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuItem[];
}

export interface UiLog {
  menus: { caption: string; addon: boolean; items: MenuItem[] }[];
  sidebar?: { html: string; title: string; width?: number };
  sidebars: { html: string; title: string }[];
  dialogs: { html: string; title: string; modal: boolean; width?: number; height?: number }[];
  alerts: { title?: string; prompt: string }[];
  toasts: { message: string; title?: string; timeoutSeconds?: number }[];
  logs: string[];
}

export interface Ctx {
  wb: Workbook;
  calls: CallCounter;
  ui: UiLog;
  active?: { sheet: SheetModel; range: GridRange };
  /** True while a custom function runs: Sheets lets it read, not write. */
  readOnly: boolean;
  spreadsheetId: string;
  spreadsheetName: string;
  distDir: string;
  makeUi: () => GoogleAppsScript.Base.Ui;
  /** Runs template code in the bundle's global scope once loaded. */
  evaluateTemplate?: (code: string, vars: Record<string, unknown>) => string;
}

const READ_ONLY_CLASSES = new Set(["Spreadsheet", "Sheet", "Range", "NamedRange", "SpreadsheetApp", "Ui"]);

/** Wraps an implementation object as the Apps Script class the add-on sees. */
export function wrap<T>(ctx: Ctx, className: string, target: object): T {
  return strict<T>(className, target, ctx.calls, (method) => {
    // Custom functions may read the spreadsheet but not change it or open UI.
    if (ctx.readOnly && READ_ONLY_CLASSES.has(className) && !/^(get|is|has)/.test(method))
      throw new Error(`You do not have permission to call ${className}.${method}`);
  });
}
