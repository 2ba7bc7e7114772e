// One wording for a parent whose target its children's targets do not give.
import { describe, expect, it } from "vitest";
import { checkTargets, mismatchCell, mismatchMessage, TARGET_TOLERANCE } from "../../src/core/check";
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
        " 「訪問者数」に必要な値: 208,334人 「CVR」に必要な値: 3.13% 「平均注文単価」に必要な値: 8,334円",
    );
    expect(mismatchMessage(tree, check, "en", { row: true })).toBe(
      'Row 2 "月間売上": its children\'s targets give ¥48,000,000, not the target ¥50,000,000 (-4%).',
    );
  });

  it("keeps KPI_CHECK's compact cell text", () => {
    const tree = withUnits();
    const [check] = checkTargets(tree, 0.001).filter((c) => !c.ok);
    expect(mismatchCell(check, "円", "ja")).toBe("子の計算 4,800万円（目標比 -4%）");
    expect(mismatchCell(check, "円", "en")).toBe("children give ¥48,000,000 (-4% vs target)");
    expect(mismatchCell(check, "", "en")).toBe("children give 48,000,000 (-4% vs target)");
  });
});

const HEAD = ["Name", "Parent", "Op", "Target", "Actual"];

describe("checkTargets", () => {
  it("checks each parent with an operator and a target against what its children's plans give", () => {
    const tree = readTree([
      HEAD,
      ["Total", "", "+", 100, ""],
      ["A", "Total", "", 60, ""],
      ["B", "Total", "", "", 40.5], // no target: its actual is its plan
      ["Card", "", "none", 9, ""], // a scorecard is not checked
      ["C", "Card", "", 3, ""],
      ["Open", "", "+", "", ""], // no target: nothing to check
      ["D", "Open", "", 1, ""],
      ["Both", "", "×", 5, ""], // its children give no value
      ["E", "Both", "", "", ""],
      ["F", "Both", "", 2, ""],
    ]);
    expect(checkTargets(tree)).toEqual([{ node: 0, stated: 100, computed: 100.5, gap: 0.005, ok: false }]);
    expect(checkTargets(tree, 0.005)[0].ok).toBe(true);
    expect(checkTargets(tree, 0.0049)[0].ok).toBe(false);
  });

  it("allows 0.1% by default (the one tolerance for targets that combine), so rounded targets pass", () => {
    expect(TARGET_TOLERANCE).toBe(0.001);
    const rounded = (total: number) =>
      readTree([HEAD, ["Total", "", "+", total, ""], ["A", "Total", "", 0.1, ""], ["B", "Total", "", 0.2, ""]]);
    expect(checkTargets(rounded(0.3))[0].ok).toBe(true);
    expect(checkTargets(rounded(0.3003))[0].ok).toBe(true);
    expect(checkTargets(rounded(0.3006))[0].ok).toBe(false);
    expect(checkTargets(rounded(0.3003), 0)[0].ok).toBe(false);
  });

  it("measures the gap against |target|, and in units for a zero target", () => {
    const negative = readTree([HEAD, ["Loss", "", "+", -10, ""], ["A", "Loss", "", -12, ""]]);
    expect(checkTargets(negative)[0].gap).toBeCloseTo(-0.2, 12);
    const zero = readTree([HEAD, ["Net", "", "-", 0, ""], ["In", "Net", "", 5, ""], ["Out", "Net", "", 3, ""]]);
    expect(checkTargets(zero)[0]).toMatchObject({ stated: 0, computed: 2, gap: 2, ok: false });
  });
});

describe("mismatchMessage: the other wordings", () => {
  const best = () =>
    readTree([
      HEAD,
      ["Best", "", "max", 8, ""],
      ["A", "Best", "", 8, ""],
      ["B", "Best", "", 9, ""],
      ["C", "Best", "", "", 1],
    ]);

  it("names only the children whose target would have to change, in English and with rows in Japanese", () => {
    const tree = best();
    const [check] = checkTargets(tree);
    const need = required(tree);
    expect(need).toEqual([8, 8, 8, 8]);
    expect(mismatchMessage(tree, check, "en", { need })).toBe(
      '"Best": its children\'s targets give 9, not the target 8 (+12.5%). "B" needs: 8',
    );
    expect(mismatchMessage(tree, check, "ja", { row: true })).toBe(
      "2行目「Best」: 子の目標を計算すると 9 で、目標 8 と合いません（+12.5%）。",
    );
  });
});
