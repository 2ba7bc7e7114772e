/*
 * Check tree's report as the sidebar shows it: the server reads the table and
 * its shape (detectTable), and the sidebar adds the problems of the tree it
 * holds — values too large to compute, units that do not combine, targets
 * their children do not give — so that none of those checks weigh on Code.js,
 * which Sheets loads for every custom-function call.
 */
import { treeProblems } from "../core/diagnosis";
import { diagnose } from "../core/layout";
import type { Lang } from "../core/text";
import { unitsFromFormats } from "../core/units";
import type { TableReport } from "../shared/api";

/** `report` with the tree's problems after the reader's, and its warnings, in `lang` (the UI's). */
export function checkedReport(report: TableReport, lang: Lang): TableReport {
  const { cells, ...rest } = report;
  const tree = cells ? diagnose(cells.values).tree : null;
  if (!cells || !tree) return rest;
  unitsFromFormats(tree, cells.values[0], cells.formats);
  const found = treeProblems(tree, lang);
  return {
    ...rest,
    problems: [...report.problems, ...found],
    warnings: found.filter((p) => p.severity === "warning").map((p) => p.message),
  };
}
