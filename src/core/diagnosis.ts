/*
 * The problems of a tree that could be read, with a row and a column like the
 * reader's errors: computed values too large for a number (1e200 × 1e200),
 * units that do not combine (件 + 円) and parents whose target is not what
 * their children's targets give. The table check lists them after the
 * reader's errors (`diagnose`), all of them: a value too large is listed and
 * counts as blank from there, so the checks of every other KPI still run.
 */
import { checkTargets, mismatchMessage, TARGET_TOLERANCE } from "./check";
import { formatMessage } from "./errors";
import type { Problem } from "./layout";
import { plans, required } from "./required";
import { type OnOverflow, rollup } from "./rollup";
import type { Lang } from "./text";
import type { Tree } from "./tree";
import { checkUnits, unitIssueMessage } from "./units";

export function treeProblems(tree: Tree, lang: Lang): Problem[] {
  const at = (node: number, column: string | undefined, code: string, message: string): Problem => {
    const { row, name } = tree.nodes[node];
    return { severity: "warning", code, row, name, column, message };
  };
  const { target, actual } = tree.headers;
  // Each node and column once: a parent's overflowing target is met by its rollup and again by the target check.
  const tooLarge = new Map<string, Problem>();
  const overflow =
    (column: string | undefined): OnOverflow =>
    (i) => {
      const { row, name } = tree.nodes[i];
      const key = `${i}\t${column}`;
      if (!tooLarge.has(key))
        tooLarge.set(key, {
          severity: "error",
          code: "tooLarge",
          row,
          name,
          column,
          message: formatMessage(lang, "tooLarge", { row, name, column }),
        });
    };
  const plan = plans(tree, rollup(tree, "target", overflow(target)), rollup(tree, "actual", overflow(actual)));
  const need = required(tree, undefined, plan, overflow(target));
  const checks = checkTargets(tree, TARGET_TOLERANCE, plan, overflow(target));
  const out = [...tooLarge.values()];
  for (const u of checkUnits(tree)) out.push(at(u.node, tree.headers.unit, u.code, unitIssueMessage(u, tree, lang)));
  for (const c of checks)
    if (!c.ok) out.push(at(c.node, target, "targetsDoNotCombine", mismatchMessage(tree, c, lang, { row: true, need })));
  return out;
}
