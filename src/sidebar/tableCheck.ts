/*
 * Check tree's report as the sidebar shows it: the server reads the table,
 * where it stands and its function columns (detectTable), and the sidebar
 * judges the cells with the core's reader — what the tree holds, the reader's
 * errors and parents without an operator, then values too large to compute,
 * units that do not combine, targets their children do not give — so that
 * none of it weighs on Code.js, which Sheets loads for every custom-function call.
 */
import { treeProblems } from "../core/diagnosis";
import { diagnose } from "../core/layout";
import type { Lang } from "../core/text";
import { unitsFromFormats } from "../core/units";
import type { TableRead, TableReport } from "../shared/api";

/**
 * The table read, judged: whether the functions can be added (`ok`), the reader's first error that stops
 * it (`error`), parents without an operator, what the tree holds (language, form, size, levels, KGIs, KSFs),
 * and all problems (the reader's, then the tree's own) with the warnings, in `lang` (the UI's).
 */
export function checkedReport(read: TableRead, lang: Lang): TableReport {
  const { cells, ...rest } = read;
  const { tree, problems } = diagnose(cells.values, lang);
  const errors = problems.filter((p) => p.severity === "error");
  const missingOps = errors.filter((p) => p.code === "missingOp").map((p) => ({ row: p.row ?? 0, name: p.name ?? "" }));
  // A parent without an operator still leaves a tree to describe; any other error does not.
  const blocking = errors.find((p) => p.code !== "missingOp");
  const base = { ...rest, ok: !!tree && errors.length === 0, missingOps, problems };
  if (!tree || blocking) return { ...base, error: blocking?.message };
  unitsFromFormats(tree, cells.values[0], cells.formats);
  const found = treeProblems(tree, lang);
  let depth = 0;
  for (const n of tree.nodes) depth = Math.max(depth, n.depth + 1);
  return {
    ...base,
    lang: tree.lang,
    form: tree.form,
    nodes: tree.nodes.length,
    depth,
    roots: tree.roots.map((i) => ({
      name: tree.nodes[i].name,
      target: tree.nodes[i].target,
      unit: tree.nodes[i].unit,
    })),
    ksf: tree.nodes.filter((n) => n.ksf).map((n) => n.name),
    problems: [...problems, ...found],
    warnings: found.filter((p) => p.severity === "warning").map((p) => p.message),
  };
}
