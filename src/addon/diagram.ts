/*
 * The tree diagram dialog's server side: open it, hand it a table's cells as
 * Check tree reads them, and insert its picture beside the table. Reading the
 * tree, its figures, the drawing and the exports run in the dialog
 * (dist/Diagram.html), so none of it weighs on Code.js.
 */
import type { DiagramSource, DiagramTable, InsertedDiagram } from "../shared/api";
import { tableCells } from "./detect";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";

/**
 * The alt-text title of the images the add-on inserts, followed by the
 * table's sheet and top-left cell: how the add-on recognises its own diagram
 * of a table (and never touches another image).
 */
export const DIAGRAM_MARK = "kpi-tree:diagram";

/** Shows the dialog; what it draws rides along as a tiny script after the page, as for the sidebar. */
export function openDiagram(source: DiagramSource): void {
  const t = serverText(uiLang(loadSettings()));
  // "<" escaped, so a KPI named "</script>" stays text.
  const boot = JSON.stringify(source).replace(/</g, "\\u003c");
  const html = HtmlService.createHtmlOutputFromFile("Diagram")
    .setWidth(1100)
    .setHeight(720)
    .append(`<script>window.KPI_TREE_DIAGRAM=${boot};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, t.title);
}

/** The cells of a table (or of the selection) as Check tree reads them; the dialog computes the rest. */
export function diagramData(sheetName: string | null, table: string | null): DiagramTable {
  return tableCells(sheetName, table, uiLang(loadSettings()));
}

/**
 * Inserts the dialog's PNG (base64) over the grid at `anchor`, then removes
 * the diagrams of the same table the add-on inserted before: one server call.
 */
export function insertDiagram(sheetName: string, table: string, anchor: string, png: string): InsertedDiagram {
  const t = serverText(uiLang(loadSettings()));
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(t.noSheet(sheetName));
  // `table` is the range diagramData gave (A1:H9): its top-left cell names the table.
  const title = `${DIAGRAM_MARK} ${sheetName}!${table.split(":")[0]}`;
  const previous = sheet.getImages().filter((image) => image.getAltTextTitle() === title);
  const cell = sheet.getRange(anchor);
  const blob = Utilities.newBlob(Utilities.base64Decode(png), "image/png");
  sheet.insertImage(blob, cell.getColumn(), cell.getRow()).setAltTextTitle(title);
  for (const image of previous) image.remove();
  return { anchor, replaced: previous.length };
}
