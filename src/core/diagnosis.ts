/*
 * The warnings of a tree that could be read, as problems with a row and a
 * column like the reader's errors: units that do not combine (件 + 円) and
 * parents whose target is not what their children's targets give. The table
 * check lists them after the reader's errors (`diagnose`).
 */
import { checkTargets, mismatchMessage } from "./check";
import type { Problem } from "./layout";
import { required } from "./required";
import type { Lang } from "./text";
import type { Tree } from "./tree";
import { checkUnits, unitIssueMessage } from "./units";

export function treeWarnings(tree: Tree, lang: Lang): Problem[] {
  const at = (node: number, column: string | undefined, code: string, message: string): Problem => {
    const { row, name } = tree.nodes[node];
    return { severity: "warning", code, row, name, column, message };
  };
  const out = checkUnits(tree).map((u) => at(u.node, tree.headers.unit, u.code, unitIssueMessage(u, tree, lang)));
  const need = required(tree);
  for (const c of checkTargets(tree))
    if (!c.ok)
      out.push(
        at(c.node, tree.headers.target, "targetsDoNotCombine", mismatchMessage(tree, c, lang, { row: true, need })),
      );
  return out;
}
