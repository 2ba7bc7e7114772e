/*
 * The tree diagram dialog's server side: open it, hand it a table's tree with
 * the figures KPI_TREE computes, and insert its picture beside the table.
 * The drawing itself (layout, export) runs in the dialog (dist/Diagram.html).
 */
import { a1 } from "../core/rules";
import { treeView } from "../core/treeView";
import type { DiagramData, DiagramNode, DiagramSource, InsertedDiagram } from "../shared/api";
import { readTableAt } from "./detect";
import { serverText } from "./i18n";
import { loadSettings, uiLang } from "./settings";

/**
 * The alt-text title of the images the add-on inserts, followed by the
 * table's sheet and top-left cell: how the add-on recognises its own diagram
 * of a table (and never touches another image).
 */
export const DIAGRAM_MARK = "kpi-tree:diagram";

function mark(sheetName: string, table: string): string {
  return `${DIAGRAM_MARK} ${sheetName}!${table.split(":")[0].replace(/\$/g, "").toUpperCase()}`;
}

/** Shows the dialog; what it draws rides along as a tiny script after the page, as for the sidebar. */
export function openDiagram(source: DiagramSource): void {
  const t = serverText(uiLang(loadSettings()));
  // "<" escaped, so a KPI named "</script>" stays text.
  const boot = JSON.stringify(source ?? {}).replace(/</g, "\\u003c");
  const html = HtmlService.createHtmlOutputFromFile("Diagram")
    .setWidth(1100)
    .setHeight(720)
    .append(`<script>window.KPI_TREE_DIAGRAM=${boot};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, t.diagramTitle);
}

/** The tree of a table (or of the selection), in pre-order, with rollup, target, required value, rate and status. */
export function diagramData(sheetName: string | null, table: string | null): DiagramData {
  const settings = loadSettings();
  const lang = uiLang(settings);
  const read = readTableAt(sheetName, table, lang);
  const tree = read.tree;
  if (!tree) throw new Error(read.report.error ?? serverText(lang).noTable);
  const view = treeView(tree, settings.thresholds);
  const at = new Array<number>(tree.nodes.length);
  tree.order.forEach((i, k) => {
    at[i] = k;
  });
  const nodes = tree.order.map((i): DiagramNode => {
    const n = tree.nodes[i];
    return {
      name: n.name,
      parent: n.parent < 0 ? -1 : at[n.parent],
      op: n.children.length ? n.op : null,
      unit: n.unit,
      actual: view.actual[i],
      target: view.target[i],
      required: view.required[i],
      rate: view.rate[i],
      status: view.status[i],
      ksf: n.ksf,
      owner: n.owner,
      direction: n.direction,
    };
  });
  const { sheetName: name, table: range } = read.report;
  return { sheetName: name, table: range, anchor: a1(read.top, read.next, 1, 1), nodes };
}

/**
 * Inserts the dialog's PNG (base64) over the grid at `anchor`, then removes
 * the diagrams of the same table the add-on inserted before: one server call.
 */
export function insertDiagram(sheetName: string, table: string, anchor: string, png: string): InsertedDiagram {
  const t = serverText(uiLang(loadSettings()));
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(t.noSheet(sheetName));
  const title = mark(sheetName, table);
  const previous = sheet.getImages().filter((image) => image.getAltTextTitle() === title);
  const cell = sheet.getRange(anchor);
  const blob = Utilities.newBlob(Utilities.base64Decode(png), "image/png", "kpi-tree.png");
  sheet
    .insertImage(blob, cell.getColumn(), cell.getRow())
    .setAltTextTitle(title)
    .setAltTextDescription(t.diagramAlt(`${sheetName}!${table}`));
  for (const image of previous) image.remove();
  return { sheetName, anchor, replaced: previous.length };
}
