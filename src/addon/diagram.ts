/*
 * The tree diagram dialog's server side: open it, hand it a table's cells as
 * Check tree reads them, and insert its picture beside the table. Reading the
 * tree, its figures, the drawing and the exports run in the dialog
 * (dist/Diagram.html), so none of it weighs on Code.js.
 */

import { label } from "../core/insights";
import type { DiagramSource, DiagramTable } from "../shared/api";
import { context, sheetOf, tableCells } from "./insights";

/** Shows the dialog; what it draws rides along as a tiny script after the page, as for the sidebar. */
export function openDiagram(source: DiagramSource): void {
  // "<" escaped, so a KPI named "</script>" stays text.
  const boot = JSON.stringify(source).replace(/</g, "\\x3c");
  const html = HtmlService.createHtmlOutputFromFile("Diagram")
    .setWidth(1e3)
    .setHeight(700)
    .append(`<script>window.KPI_DIAG=${boot};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, context().t.title);
}

/** The cells of a table the sidebar (or the dialog, through detectTable) read; the dialog computes the rest. */
export function diagramData(sheetName: string, table: string): DiagramTable {
  return tableCells(context(), sheetName, table) as DiagramTable;
}

/**
 * Inserts the dialog's PNG (base64) over the grid with its top-left corner in cell (row, column), then removes
 * the diagrams of the same table the add-on inserted before (one server call),
 * and says how many. The add-on knows its own picture by its alt-text title,
 * `kpi-tree:diagram` and the table's sheet and top-left cell
 * (`kpi-tree:diagram KPIツリー!A1`), and never touches another image.
 */
export function insertDiagram(sheetName: string, table: string, row: number, column: number, png: string): number {
  const sheet = sheetOf(context(), sheetName);
  const title = `kpi-tree:diagram ${label(sheetName, table)}`;
  const previous = sheet.getImages().filter((image) => image.getAltTextTitle() === title);
  const blob = Utilities.newBlob(Utilities.base64Decode(png), "image/png");
  sheet.insertImage(blob, column, row).setAltTextTitle(title);
  for (const image of previous) image.remove();
  return previous.length;
}
