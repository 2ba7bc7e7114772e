/*
 * Functions Apps Script calls by name: triggers and menu items. Each becomes a
 * top-level declaration in dist/Code.js.
 */

/**
 * Adds the add-on menu. Runs in AuthMode.NONE too, so it only builds the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e?: { authMode?: unknown }): void {
  void e;
  SpreadsheetApp.getUi().createAddonMenu().addItem("KPI Tree", "showSidebar").addToUi();
}

/**
 * Runs when the add-on is installed: shows the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}
