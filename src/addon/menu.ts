/*
 * The add-on menu. Built in AuthMode.NONE too (before the user has enabled the
 * add-on in this document), so it touches nothing but the UI and the locale:
 * no properties, no document.
 */
import { langOfLocale } from "../core/settings";
import { serverText } from "./i18n";
import { userLocale } from "./settings";

/** Menu items and the entry point each one calls. */
export function menuItems(locale: string): { caption: string; fn: string }[] {
  const t = serverText(langOfLocale(locale));
  return [
    { caption: t.menuOpen, fn: "showSidebar" },
    { caption: t.menuNew, fn: "showNewTree" },
    { caption: t.menuColors, fn: "applyStatusColors" },
    { caption: t.menuCheck, fn: "showTableCheck" },
    { caption: t.menuSettings, fn: "showSettings" },
    { caption: t.menuHelp, fn: "showHelp" },
  ];
}

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  const items = menuItems(userLocale());
  items.forEach((item, k) => {
    // Actions that change the document sit apart from the ones that only open panels.
    if (k === 2 || k === 4) menu.addSeparator();
    menu.addItem(item.caption, item.fn);
  });
  menu.addToUi();
}
