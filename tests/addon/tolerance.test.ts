// "Do the children's targets combine to the parent's?" has one answer, with
// one tolerance (TARGET_TOLERANCE, 0.1%), wherever it is asked: the wizard's
// checks, Check tree, the analysis and KPI_CHECK in a cell.
import { describe, expect, it } from "vitest";
import { TARGET_TOLERANCE } from "../../src/core/check";
import { evaluateDraft, newNode } from "../../src/core/draft";

import { analyze, detect } from "../helpers/sidebar";
import { addon, select } from "./helpers";

/** Revenue = customers × price, 1,000 × ¥1,000 = ¥1,000,000, against a Revenue target `gap` away. */
function verdicts(gap: number) {
  const stated = 1_000_000 * (1 + gap);
  const wizard = evaluateDraft(
    {
      lang: "en",
      nodes: [
        newNode("n1", 0, { name: "Revenue", op: "product", target: stated }),
        newNode("n2", 1, { name: "Customers", target: 1000 }),
        newNode("n3", 1, { name: "Price", target: 1000 }),
      ],
    },
    "en",
  ).issues.some((i) => i.kind === "mismatch");

  const s = addon({
    sheets: {
      Tree: [
        ["Name", "Parent", "Op", "Target", "Actual"],
        ["Revenue", "", "×", stated, ""],
        ["Customers", "Revenue", "", 1000, 900],
        ["Price", "Revenue", "", 1000, 1000],
      ],
    },
  });
  select(s, "Tree", "A1:E4");
  const report = detect(s);
  const checkTree = (report.warnings ?? []).some((w) => w.includes("Revenue"));
  const analysis = analyze(s, "Tree", "A1:E4").report.mismatches.length > 0;
  s.type("Tree", "G2", "=KPI_CHECK(A1:E4)");
  const cell = s.values("Tree", "G2")[0][0];
  return { wizard, checkTree, analysis, kpiCheck: cell !== "OK", cell };
}

describe("one tolerance for targets that combine", () => {
  it("is 0.1%", () => {
    expect(TARGET_TOLERANCE).toBe(0.001);
  });

  it("lets a 0.05% gap pass everywhere", () => {
    expect(verdicts(0.0005)).toMatchObject({ wizard: false, checkTree: false, analysis: false, kpiCheck: false });
  });

  it("flags a 0.2% gap everywhere", () => {
    const v = verdicts(0.002);
    expect(v).toMatchObject({ wizard: true, checkTree: true, analysis: true, kpiCheck: true });
    expect(v.cell).toMatch(/children give 1,000,000/);
  });
});
