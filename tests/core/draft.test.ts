// The wizard's editing model beyond the tree operations: undo/redo, what a
// deletion takes with it, values that do not read as numbers, how checks name
// a KPI (no rows in the wizard) and how many checks fold into one line.
import { describe, expect, it } from "vitest";
import {
  addChild,
  type Draft,
  evaluateDraft,
  newNode,
  normalizeDraft,
  removalCount,
  removeNode,
  setValue,
  updateNode,
} from "../../src/core/draft";
import { GROUP_FROM, groupIssues, nodeLabeller } from "../../src/core/draftIssues";
import { templateDraft } from "../../src/core/templates";
import { canRedo, canUndo, record, redo, replacePresent, startHistory, undo } from "../../src/core/undo";

function tree(...rows: [number, string][]): Draft {
  return { lang: "ja", nodes: rows.map(([depth, name], k) => newNode(`n${k + 1}`, depth, { name, op: "sum" })) };
}

const names = (d: Draft) => d.nodes.map((n) => n.name);

describe("undo", () => {
  it("takes back a deleted subtree and brings it again with redo", () => {
    const d0 = templateDraft("sales", "ja");
    let h = startHistory({ draft: d0, selected: 1 });
    expect(canUndo(h)).toBe(false);
    const cut = removeNode(d0, 1);
    h = record(h, { draft: cut, selected: 0 });
    expect(h.present.draft.nodes.length).toBe(d0.nodes.length - removalCount(d0.nodes, 1));
    h = undo(h);
    expect(h.present.draft).toBe(d0);
    expect(h.present.selected).toBe(1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present.draft).toBe(cut);
    expect(canRedo(h)).toBe(false);
  });

  it("merges keystrokes in one field into one step, but not edits of other fields", () => {
    const d0 = tree([0, "売上"], [1, "客数"]);
    let h = startHistory(d0);
    for (const name of ["売", "売上高", "売上高計"]) h = record(h, updateNode(h.present, 0, { name }), "n1:name");
    expect(h.past).toHaveLength(1);
    h = record(h, updateNode(h.present, 1, { name: "顧客数" }), "n2:name");
    expect(h.past).toHaveLength(2);
    // A structural edit has no key: never merged, even twice in a row.
    h = record(h, addChild(h.present, 1).draft);
    h = record(h, addChild(h.present, 1).draft);
    expect(h.past).toHaveLength(4);
    h = undo(undo(undo(h)));
    expect(names(h.present)).toEqual(["売上高計", "客数"]);
    h = undo(h);
    expect(h.present).toBe(d0);
    expect(undo(h)).toBe(h);
  });

  it("a new edit after undo drops the redo steps and starts a new step even with the same key", () => {
    let h = startHistory(tree([0, "a"]));
    h = record(h, updateNode(h.present, 0, { name: "ab" }), "n1:name");
    h = undo(h);
    h = record(h, updateNode(h.present, 0, { name: "ac" }), "n1:name");
    expect(canRedo(h)).toBe(false);
    expect(h.past).toHaveLength(1);
    expect(names(undo(h).present)).toEqual(["a"]);
  });

  it("keeps a bounded number of steps; selection changes are not steps", () => {
    let h = startHistory(0);
    for (let k = 1; k <= 5; k++) h = record(h, k, null, 3);
    expect(h.past).toEqual([2, 3, 4]);
    const moved = replacePresent(h, 9);
    expect(moved.past).toBe(h.past);
    expect(moved.present).toBe(9);
    expect(record(h, h.present)).toBe(h);
  });
});

describe("deleting a parent", () => {
  const d = tree([0, "売上"], [1, "顧客数"], [2, "新規"], [3, "リード"], [2, "既存"], [1, "単価"]);
  it("counts the KPI and everything under it", () => {
    expect(removalCount(d.nodes, 1)).toBe(4);
    expect(removalCount(d.nodes, 2)).toBe(2);
    expect(removalCount(d.nodes, 5)).toBe(1);
    expect(removalCount(d.nodes, 0)).toBe(0); // the KGI stays
    expect(removalCount(d.nodes, 9)).toBe(0);
    expect(d.nodes.length - removeNode(d, 1).nodes.length).toBe(removalCount(d.nodes, 1));
  });
});

describe("values that are not numbers", () => {
  const base = templateDraft("sales", "ja");
  it("are errors in the checks (so Next is blocked) and keep the last number meanwhile", () => {
    const before = base.nodes[3].target;
    const d = setValue(base, 3, "target", undefined, "abc");
    expect(d.nodes[3].target).toBe(before);
    const e = evaluateDraft(d, "ja");
    const bad = e.issues.filter((x) => x.kind === "invalidValue");
    expect(bad).toEqual([
      {
        level: "error",
        kind: "invalidValue",
        key: d.nodes[3].key,
        message: `「${d.nodes[3].name}」の目標「abc」は数値として読めません（例: 1,000 / 20% / 2,000万）。`,
      },
    ]);
    // The diagram still works from the other values.
    expect(e.tree).not.toBeNull();
    expect(evaluateDraft(base, "ja").issues.some((x) => x.level === "error")).toBe(false);
    // Typing a number again clears it; blank clears it too.
    const fixed = setValue(d, 3, "target", 1200, "1,200");
    expect(fixed.nodes[3]).toMatchObject({ target: 1200, invalid: undefined });
    expect(evaluateDraft(fixed, "ja").issues.some((x) => x.kind === "invalidValue")).toBe(false);
    expect(setValue(d, 3, "target", null, "").nodes[3].invalid).toBeUndefined();
    // Target and actual are separate.
    const both = setValue(setValue(d, 3, "actual", undefined, "?"), 3, "target", 5, "5");
    expect(both.nodes[3].invalid).toEqual({ actual: "?" });
  });

  it("a result too large to calculate is an error at its KPI, and the checks and the diagram go on", () => {
    const d: Draft = {
      lang: "ja",
      nodes: [
        newNode("k", 0, { name: "売上", op: "product", target: 5, deadline: "2026-12-31" }),
        newNode("a", 1, { name: "A", target: 1e200, actual: 1e200 }),
        newNode("b", 1, { name: "B", target: 1e200, actual: 1e200 }),
      ],
    };
    const e = evaluateDraft(d, "ja");
    expect(e.issues).toEqual([
      {
        level: "error",
        kind: "tooLarge",
        key: "k",
        message:
          "「売上」: 計算結果が大きすぎて表せません（±1.8e308 を超えます）。 修正: 元になる値に入力ミス（0 の打ちすぎなど）がないか確かめるか、大きい単位（万・億）で入力してください。",
      },
    ]);
    // The KGI counts as blank from there: its own target stands, its actual is unknown.
    expect([e.rollupTarget[0], e.rollupActual[0], e.status[0]]).toEqual([5, null, "noData"]);
    expect(evaluateDraft(d, "en").issues[0].message).toMatch(/^"売上": The result is too large to calculate/);
  });

  it("an unreadable KGI target is one error, not also 'give the KGI a target'", () => {
    const d = setValue(updateNode(base, 0, { target: null }), 0, "target", undefined, "1e");
    const kinds = evaluateDraft(d, "en").issues.map((x) => x.kind);
    expect(kinds).toContain("invalidValue");
    expect(kinds).not.toContain("kgiTarget");
  });

  it("are refused when they come from outside, as the server reads them", () => {
    const sent = JSON.parse(JSON.stringify(setValue(base, 2, "actual", undefined, "abc")));
    const d = normalizeDraft(sent);
    expect(d.nodes[2].invalid).toEqual({ actual: "abc" });
    expect(evaluateDraft(d, "en").issues.filter((x) => x.level === "error")).toHaveLength(1);
    // A string where a number belongs is unreadable too, never silently blank.
    const raw = normalizeDraft({
      ...sent,
      nodes: sent.nodes.map((n: object, k: number) => (k === 1 ? { ...n, target: "abc" } : n)),
    });
    expect(raw.nodes[1]).toMatchObject({ target: null, invalid: { target: "abc" } });
  });
});

describe("how checks name a KPI", () => {
  const d = tree([0, "売上"], [1, "顧客数"], [2, "新規"], [2, ""], [1, ""], [2, ""]);
  it("by its name, or by its place under its parents: never a row", () => {
    const ja = nodeLabeller(d.nodes, "ja");
    expect([0, 1, 3, 4, 5].map(ja)).toEqual([
      "「売上」",
      "「顧客数」",
      "「売上 › 顧客数」の下の 2 番目の指標",
      "「売上」の下の 2 番目の指標",
      "「売上 › （名前なし）」の下の 1 番目の指標",
    ]);
    const en = nodeLabeller(d.nodes, "en");
    expect(en(3)).toBe('KPI 2 under "売上 › 顧客数"');
    expect(nodeLabeller([newNode("k", 0)], "en")(0)).toBe("KGI");
    const messages = evaluateDraft(d, "ja").issues.map((x) => x.message);
    expect(messages).toContain("「売上 › 顧客数」の下の 2 番目の指標に名前がありません。");
    for (const m of messages) expect(m).not.toMatch(/行目|#\d/);
  });
});

describe("grouping checks", () => {
  it("a blank 60-KPI tree says '60 KPIs have no name' once", () => {
    const nodes = [newNode("n1", 0, { name: "KGI", target: 1, deadline: "2026-03-31", op: "sum" })];
    for (let k = 0; k < 6; k++) {
      nodes.push(newNode(`p${k}`, 1));
      for (let j = 0; j < 9; j++) nodes.push(newNode(`c${k}-${j}`, 2));
    }
    const d: Draft = { lang: "en", nodes };
    const issues = evaluateDraft(d, "en").issues;
    expect(issues.filter((x) => x.kind === "noName")).toHaveLength(60);
    const groups = groupIssues(issues, "en");
    expect(groups.map((g) => [g.kind, g.summary, g.issues.length])).toEqual([
      ["noName", "60 KPIs have no name.", 60],
      ["noOp", "6 parents have no operator.", 6],
    ]);
    expect(groupIssues(issues, "ja")[0].summary).toBe("名前のない指標が 60 個あります。");
    expect(groups.every((g) => g.level === "error")).toBe(true);
  });

  it("fewer than GROUP_FROM of a kind stay one line each, in order of first appearance", () => {
    const d = tree([0, "KGI"], [1, ""], [1, "B"], [2, "b"]);
    d.nodes[2].op = "";
    const groups = groupIssues(evaluateDraft(d, "en").issues, "en");
    expect(GROUP_FROM).toBeGreaterThan(1);
    expect(groups.map((g) => [g.kind, g.summary])).toEqual([
      ["noName", null],
      ["noOp", null],
      ["kgiTarget", null],
      ["kgiDeadline", null],
    ]);
  });
});
