/*
 * Opening the sidebar on a given view, help, and messages to the user.
 */
import type { View } from "../shared/api";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";

/** What a reopened sidebar says first: settings were just saved, with this many colour rules refreshed. */
export interface SidebarNotice {
  saved?: number;
}

/**
 * Shows the sidebar, titled in the user's language. The view (and a notice)
 * ride along as a tiny script after the page (the sidebar reads it when it
 * mounts), so no state is stored anywhere.
 */
export function openSidebar(view: View, notice: SidebarNotice = {}): void {
  const t = serverText(uiLang(loadSettings()));
  const saved = typeof notice.saved === "number" ? notice.saved : null;
  const html = HtmlService.createHtmlOutputFromFile("Sidebar")
    .setTitle(t.title)
    .append(`<script>window.KPI_TREE_VIEW=${JSON.stringify(view)};window.KPI_TREE_SAVED=${saved};</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The help (dist/Help.html: steps and functions, in the user's language, appended after the page as for the sidebar). */
export function showHelpDialog(): void {
  const lang = uiLang(loadSettings());
  const html = HtmlService.createHtmlOutputFromFile("Help")
    .setWidth(520)
    .setHeight(400)
    .append(`<script>window.KPI_HELP="${lang}";</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, serverText(lang).title);
}

/** Runs a menu action; any failure becomes an alert rather than a silent log entry. */
export function withAlert(action: () => string | undefined): void {
  try {
    const message = action();
    if (message) SpreadsheetApp.getActiveSpreadsheet().toast(message, serverText(uiLang()).title, 5);
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(serverText(uiLang()).title, e instanceof Error ? e.message : String(e), ui.ButtonSet.OK);
  }
}
