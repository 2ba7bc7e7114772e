// One wording for a parent whose target its children's targets do not give.
import { describe, expect, it } from "vitest";
import { checkTargets, mismatchCell, mismatchMessage } from "../../src/core/check";
import { readTree } from "../../src/core/layout";
import { required } from "../../src/core/required";
import { ecommerce } from "../helpers/examples";
import { layout } from "../helpers/layouts";

/** The e-commerce example with a Unit column, as the wizard writes it. */
function withUnits(): ReturnType<typeof readTree> {
  const grid = layout(ecommerce, "parent", "ja");
  const units = ["単位", "円", "人", "%", "円"];
  return readTree(grid.map((row, r) => [...row, units[r]]));
}

describe("mismatchMessage", () => {
  it("names the KPI, both figures with units, the gap, and what each child would need instead (others at plan)", () => {
    const tree = withUnits();
    const [check] = checkTargets(tree, 0.001).filter((c) => !c.ok);
    const need = required(tree);
    expect(mismatchMessage(tree, check, "ja", { need })).toBe(
      "「月間売上」: 子の目標を計算すると 4,800万円 で、目標 5,000万円 と合いません（-4%）。" +
        " 「訪問者数」に必要な値: 20.83万人 「CVR」に必要な値: 3.125% 「平均注文単価」に必要な値: 8,333.33円",
    );
    expect(mismatchMessage(tree, check, "en", { row: true })).toBe(
      'Row 2 "月間売上": its children\'s targets give ¥48,000,000, not the target ¥50,000,000 (-4%).',
    );
  });

  it("keeps KPI_CHECK's compact cell text", () => {
    const tree = withUnits();
    const [check] = checkTargets(tree, 0.001).filter((c) => !c.ok);
    expect(mismatchCell(check, "ja")).toBe("子の計算 4,800万（目標比 -4%）");
    expect(mismatchCell(check, "en")).toBe("children give 48,000,000 (-4% vs target)");
  });
});
