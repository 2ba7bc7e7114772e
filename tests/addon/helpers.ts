// The built add-on running on the Sheets stand-in, as google.script.run and the menu call it.
import { createStandin, type Standin, type StandinOptions } from "../../dev/standin/index";
import { type Draft, newNode } from "../../src/core/draft";

export function addon(options: StandinOptions = {}): Standin {
  const s = createStandin(options);
  s.loadBundle("dist");
  return s;
}

/** Selects a range as the user would, before a menu item or a sidebar call. */
export function select(s: Standin, sheet: string, a1: string): void {
  const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sh = ss.getSheetByName(sheet);
  if (!sh) throw new Error(`no sheet ${sheet}`);
  ss.setActiveSheet(sh);
  sh.getRange(a1).activate();
}

/** A KGI with `n - 1` leaves under it (sum), for size tests. */
export function wideDraft(n: number, lang: "ja" | "en" = "en"): Draft {
  const nodes = [newNode("n1", 0, { name: "Total", op: "sum", target: n - 1, unit: "件" })];
  for (let k = 2; k <= n; k++)
    nodes.push(newNode(`n${k}`, 1, { name: `KPI ${k}`, target: 1, actual: k % 2, unit: "件" }));
  return { lang, nodes };
}

/**
 * `n` KPIs over `levels` levels: a chain of sums from the KGI down to level
 * `levels`, and the other KPIs as leaves of the KGI.
 */
export function deepDraft(n: number, levels: number, lang: "ja" | "en" = "en"): Draft {
  const nodes = [newNode("n1", 0, { name: "Total", op: "sum", unit: "件" })];
  for (let d = 1; d < levels; d++)
    nodes.push(newNode(`c${d}`, d, { name: `Level ${d + 1}`, op: d < levels - 1 ? "sum" : "", unit: "件" }));
  nodes[nodes.length - 1].target = 1;
  for (let k = nodes.length + 1; k <= n; k++)
    nodes.push(newNode(`n${k}`, 1, { name: `KPI ${k}`, target: 1, actual: k % 2, unit: "件" }));
  return { lang, nodes };
}

/** Calls per method ("Range.setValues" → 1), for comparing two runs. */
export function callsOf(s: Standin): Record<string, number> {
  return Object.fromEntries([...s.calls.entries()].sort());
}
