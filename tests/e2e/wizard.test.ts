// The add-on's sidebar in Debian's headless Chromium, on the local preview:
// the new-tree wizard end to end for three templates in both languages (and once
// in the indented layout), then
// the new sheet's values, formulas and effective colours checked on the
// stand-in; the current-table panel; screenshots of each step in tests/output/.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../dev/preview/server";
import { type Draft, evaluateDraft, removalCount, updateNode } from "../../src/core/draft";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { templateDraft } from "../../src/core/templates";
import type { Lang } from "../../src/core/text";
import { FUNCTION_HEADERS, HEADER, outlineHeaders, STATUS_LABEL } from "../../src/core/words";
import { readNumber } from "../../src/sidebar/fields";
import { writeTree } from "../helpers/sidebar";
import { OUTPUT, previewForFile, type Session } from "./harness";

const POLL = { timeout: 8_000 };

let preview: Preview;
let session: Session;
let page: Page;

const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");

function shot(name: string): string {
  return join(OUTPUT, `wizard-${name}.png`);
}

async function openFromMenu(fn: string): Promise<void> {
  await page.locator(".menu > button").first().click();
  await page.locator(`li[data-fn="${fn}"]`).click();
  await page.locator("#sidebar").waitFor({ state: "visible" });
  await sidebar().locator(".tabs").waitFor();
}

/** Switches the sidebar's language in its settings panel (stored in document properties). */
async function useLanguage(lang: Lang): Promise<void> {
  const sb = sidebar();
  await sb.locator("#tab-settings").click();
  await sb.locator('[data-testid="language"]').selectOption(lang);
  await sb.locator('[data-testid="save"]').click();
  await sb.locator(".settings .done").waitFor();
  expect(await sb.locator("html .app").getAttribute("lang")).toBe(lang);
}

interface Case {
  template: string;
  lang: Lang;
  /** Node index → actual as typed in the sidebar. */
  actuals: Record<number, string>;
  /** Node index → new name (user text that must stay text). */
  rename?: Record<number, string>;
  /** A warning the editor must show. */
  warning?: RegExp;
}

const CASES: Case[] = [
  {
    template: "sales",
    lang: "ja",
    actuals: { 3: "1,800", 4: "10%", 5: "50", 6: "15%", 7: "110万" },
    rename: { 7: "<img src=x onerror=alert(1)>", 5: '=IMPORTXML("http://example.com","//a")' },
  },
  { template: "b2b", lang: "ja", actuals: { 3: "4000", 4: "12%", 5: "20%", 6: "2,000,000" } },
  { template: "ecommerce", lang: "ja", actuals: { 1: "210000", 2: "3", 3: "7000" }, warning: /-4%/ },
  { template: "sales", lang: "en", actuals: { 3: "2200", 4: "10%", 5: "50%", 6: "20%", 7: "1000000" } },
  { template: "b2b", lang: "en", actuals: { 3: "5,000", 4: "9%", 5: "20%", 6: "2000000" } },
  { template: "ecommerce", lang: "en", actuals: { 1: "180000", 2: "2.5%", 3: "8000" }, warning: /-4%/ },
];

/** The draft the case should produce, built with the core, to compare the sheet against. */
function expectedDraft(c: Case): Draft {
  let d = templateDraft(c.template, c.lang);
  d = updateNode(d, 0, { deadline: "2026-03-31" });
  for (const [k, name] of Object.entries(c.rename ?? {})) d = updateNode(d, Number(k), { name });
  for (const [k, text] of Object.entries(c.actuals))
    d = updateNode(d, Number(k), { actual: readNumber(text, d.nodes[Number(k)].unit) as number });
  return d;
}

previewForFile({ width: 1400, height: 1000 }, 40_000, async (s) => {
  session = s;
  ({ preview, page } = s);
  await openFromMenu("showNewTree");
});

describe("new-tree wizard", { timeout: 40_000 }, () => {
  for (const c of CASES) {
    it(`${c.template} (${c.lang}): template → edit → new sheet with formulas and live colours`, async () => {
      const s = preview.standin;
      const sb = sidebar();
      const name = `${c.template}-${c.lang}`;
      await useLanguage(c.lang);
      await sb.locator("#tab-wizard").click();

      // Step 1: the template list.
      await sb.locator(`button[data-template="${c.template}"]`).waitFor();
      await page.locator("#sidebar-frame").screenshot({ path: shot(`${name}-1-templates`) });
      await sb.locator(`button[data-template="${c.template}"]`).click();

      // Step 2: KGI deadline, renames, actuals, with the diagram and checks updating live.
      await sb.locator('[data-testid="kgi-deadline"]').fill("2026-03-31");
      const want = expectedDraft(c);
      for (const [k, newName] of Object.entries(c.rename ?? {})) {
        await sb.locator(`[data-node-index="${k}"]`).click();
        await sb.locator('[data-testid="node-name"]').fill(newName);
      }
      for (const [k, text] of Object.entries(c.actuals)) {
        await sb.locator(`[data-node-index="${k}"]`).click();
        await sb.locator('[data-testid="node-actual"]').fill(text);
      }
      const evaluation = evaluateDraft(want, c.lang);
      await expect
        .poll(
          () =>
            sb
              .locator("[data-testid=diagram] g.node")
              .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-status"))),
          POLL,
        )
        .toEqual(evaluation.status);
      // Names are text: the diagram and the list show the characters, nothing is parsed as markup.
      const labels = await sb.locator("[data-testid=diagram] g.node title").allTextContents();
      want.nodes.forEach((n, k) => {
        expect(labels[k].startsWith(n.name)).toBe(true);
      });
      expect(await sb.locator("[data-testid=diagram] img").count()).toBe(0);
      const issues = await sb.locator('[data-testid="issues"]').textContent();
      if (c.warning) expect(issues).toMatch(c.warning);
      await page.locator("#sidebar-frame").screenshot({ path: shot(`${name}-2-editor`) });

      // Step 3: write to a new sheet.
      const before = s.sheetNames();
      // The previous case's toast ("… written") sits over the sidebar's bottom for 5 s: a click there lands on it.
      await page.locator("#toast").waitFor({ state: "hidden", timeout: 10_000 });
      await sb.locator('[data-testid="next"]').click();
      await sb.locator('[data-testid="write"]').waitFor();
      await page.locator("#sidebar-frame").screenshot({ path: shot(`${name}-3-write`) });
      await sb.locator('[data-testid="write"]').click();
      await sb.locator('[data-testid="written"]').waitFor(POLL);
      const added = s.sheetNames().filter((n) => !before.includes(n));
      expect(added).toHaveLength(1);
      const sheet = added[0];
      expect(await sb.locator('[data-testid="written"]').textContent()).toContain(sheet);
      expect(before).toContain(before[0]); // existing sheets stay
      await page.locator("#sidebar-frame").screenshot({ path: shot(`${name}-4-written`) });

      // The sheet: user text as text, one KPI_TREE call spilling over the function columns, live colours.
      const n = want.nodes.length;
      const last = n + 1;
      expect(s.values(sheet, `A2:A${last}`).map((r) => r[0])).toEqual(want.nodes.map((x) => x.name));
      const view = s.snapshot(sheet, last, 15);
      expect(view.cells[1][0].formula).toBe("");
      expect(view.cells[1].slice(11).map((c) => c.formula)).toEqual([
        `=KPI_TREE(A1:K${last},{1,0.8},"${c.lang}")`,
        "",
        "",
        "",
      ]);
      const rollup = s.values(sheet, `L2:L${last}`).map((r) => r[0]);
      evaluation.rollupActual.forEach((v, k) => {
        if (v === null) expect(rollup[k]).toBe("");
        else expect(rollup[k] as number).toBeCloseTo(v, 6);
      });
      const words = s.values(sheet, `O2:O${last}`).map((r) => r[0]);
      expect(words).toEqual(evaluation.status.map((st) => STATUS_LABEL[c.lang][st]));
      evaluation.status.forEach((st, k) => {
        expect(s.effectiveBackground(sheet, `N${k + 2}`)).toBe(DEFAULT_COLORS[st]);
        expect(s.effectiveBackground(sheet, `A${k + 2}`)).toBe(DEFAULT_COLORS[st]);
      });

      // The grid in the page shows the coloured tree.
      await page.locator("#tabs button", { hasText: sheet }).click();
      await expect.poll(() => page.locator('td[data-a1="A2"]').textContent(), POLL).toBe(want.nodes[0].name);
      await page.screenshot({ path: shot(`${name}-5-sheet`) });
      if (name === "sales-ja") {
        copyFileSync(shot(`${name}-5-sheet`), join(OUTPUT, "tree.png"));
        await sb.locator('[data-testid="written"] button').click();
        await sb.locator(`button[data-template="sales"]`).click();
        await sb.locator('[data-testid="kgi-deadline"]').fill("2026-03-31");
        for (const [k, text] of Object.entries(c.actuals)) {
          await sb.locator(`[data-node-index="${k}"]`).click();
          await sb.locator('[data-testid="node-actual"]').fill(text);
        }
        await sb.locator('[data-node-index="2"]').click();
        await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "sidebar.png") });
      }
    });
  }

  it("sales (ja): the indented layout puts each name in its level's column, coloured where the name is", async () => {
    const s = preview.standin;
    const sb = sidebar();
    const c = CASES[0];
    await useLanguage("ja");
    await sb.locator("#tab-wizard").click();
    // After the last run the wizard shows "written"; start again from the templates.
    const again = sb.locator('[data-testid="written"] button');
    if (await again.count()) await again.click();
    await sb.locator('button[data-template="sales"]').click();
    await sb.locator('[data-testid="kgi-deadline"]').fill("2026-03-31");
    for (const [k, text] of Object.entries(c.actuals)) {
      await sb.locator(`[data-node-index="${k}"]`).click();
      await sb.locator('[data-testid="node-actual"]').fill(text);
    }
    const want = expectedDraft({ ...c, rename: {} });
    const evaluation = evaluateDraft(want, "ja");
    await sb.locator('[data-testid="next"]').click();
    await sb.locator('[data-testid="write"]').waitFor();
    // ID and parent columns stay the default; choose the indented layout.
    expect(await sb.locator('[data-testid="layout-parent"]').isChecked()).toBe(true);
    await sb.locator('[data-testid="layout-outline"]').check();
    expect(await sb.locator('[data-testid="layout"]').textContent()).toContain("段ずらし（KGI・KPI1・KPI2…）");
    await page.locator("#sidebar-frame").screenshot({ path: shot("outline-3-write") });
    const before = s.sheetNames();
    await sb.locator('[data-testid="write"]').click();
    await sb.locator('[data-testid="written"]').waitFor(POLL);
    const sheet = s.sheetNames().filter((n) => !before.includes(n))[0];
    expect(sheet).toBeDefined();

    const n = want.nodes.length;
    const last = n + 1;
    const levels = Math.max(...want.nodes.map((x) => x.depth)) + 1;
    const width = levels + 8;
    const letter = (col: number) => String.fromCharCode(64 + col);
    const head = s.values(sheet, `A1:${letter(width + 4)}1`)[0];
    expect(head.slice(0, levels)).toEqual(outlineHeaders(levels));
    expect(head.slice(levels, levels + 3)).toEqual([HEADER.ja.op, HEADER.ja.target, HEADER.ja.actual]);
    expect(head.slice(width)).toEqual(FUNCTION_HEADERS.ja);
    const names = s.values(sheet, `A2:${letter(levels)}${last}`);
    want.nodes.forEach((node, k) => {
      expect(names[k]).toEqual(Array.from({ length: levels }, (_, d) => (d === node.depth ? node.name : "")));
    });
    const view = s.snapshot(sheet, last, width + 4);
    const table = `A1:${letter(width)}${last}`;
    expect(view.cells[1][width].formula).toBe(`=KPI_TREE(${table},{1,0.8},"ja")`);
    expect(view.cells[1][width + 1].formula).toBe("");
    const rollup = s.values(sheet, `${letter(width + 1)}2:${letter(width + 1)}${last}`).map((r) => r[0]);
    evaluation.rollupActual.forEach((v, k) => {
      if (v === null) expect(rollup[k]).toBe("");
      else expect(rollup[k] as number).toBeCloseTo(v, 6);
    });
    const statusColumn = letter(width + 4);
    expect(s.values(sheet, `${statusColumn}2:${statusColumn}${last}`).map((r) => r[0])).toEqual(
      evaluation.status.map((st) => STATUS_LABEL.ja[st]),
    );
    evaluation.status.forEach((st, k) => {
      const depth = want.nodes[k].depth;
      expect(s.effectiveBackground(sheet, `${letter(depth + 1)}${k + 2}`)).toBe(DEFAULT_COLORS[st]);
      expect(s.effectiveBackground(sheet, `${statusColumn}${k + 2}`)).toBe(DEFAULT_COLORS[st]);
      // A blank outline cell right of the name is not coloured.
      if (depth + 1 < levels)
        expect(s.effectiveBackground(sheet, `${letter(depth + 2)}${k + 2}`)).not.toBe(DEFAULT_COLORS[st]);
    });

    await page.locator("#tabs button", { hasText: sheet }).click();
    await expect.poll(() => page.locator('td[data-a1="A2"]').textContent(), POLL).toBe(want.nodes[0].name);
    await expect.poll(() => page.locator('td[data-a1="B3"]').textContent(), POLL).toBe(want.nodes[1].name);
    await page.screenshot({ path: join(OUTPUT, "wizard-outline.png") });
  });

  it("never ran script from a KPI name", () => {
    expect(session.dialogs).toEqual([]);
  });

  it("shows the server's refusal to the user", async () => {
    const sb = sidebar();
    await useLanguage("en");
    await sb.locator("#tab-settings").click();
    await sb.locator('[data-testid="achieved"]').fill("50");
    await sb.locator('[data-testid="atRisk"]').fill("80");
    await sb.locator('[data-testid="save"]').click();
    await sb.locator('[data-testid="error"]').waitFor(POLL);
    expect(await sb.locator('[data-testid="error"]').textContent()).toMatch(/Achieved at or above At risk/);
    await page.locator("#sidebar-frame").screenshot({ path: shot("settings-error") });
    // The banner takes the focus, and Escape dismisses it.
    const banner = sb.locator('[data-testid="error"]');
    expect(await banner.evaluate((el) => el === document.activeElement)).toBe(true);
    await banner.press("Escape");
    expect(await banner.count()).toBe(0);
    await sb.locator('[data-testid="achieved"]').fill("100");
    await sb.locator('[data-testid="save"]').click();
    await sb.locator(".settings .done").waitFor(POLL);
  });

  it("moves between tabs with the arrow keys, wrapping at either end", async () => {
    const sb = sidebar();
    const selected = async (id: string) => {
      expect(await sb.locator(`#tab-${id}`).getAttribute("aria-selected")).toBe("true");
      expect(await sb.locator(`#panel-${id}`).count()).toBe(1);
    };
    const focused = (id: string) => sb.locator(`#tab-${id}`).evaluate((el) => el === document.activeElement);
    await sb.locator("#tab-settings").click();
    await sb.locator("#tab-settings").press("ArrowLeft");
    await selected("table");
    expect(await focused("table")).toBe(true);
    await sb.locator("#tab-table").press("ArrowRight");
    await selected("settings");
    await sb.locator("#tab-settings").press("ArrowRight");
    // The wizard's step heading takes the focus when its panel opens.
    await selected("wizard");
    await sb.locator("#tab-wizard").press("ArrowLeft");
    await selected("settings");
  });
});

describe("editing safely", { timeout: 40_000 }, () => {
  const focused = (selector: string) =>
    sidebar()
      .locator(selector)
      .evaluate((el) => el === document.activeElement);

  /** Back to step 2 of the wizard on a fresh sales template. */
  async function freshSales(lang: Lang): Promise<void> {
    const sb = sidebar();
    await useLanguage(lang);
    await sb.locator("#tab-wizard").click();
    const again = sb.locator('[data-testid="written"] button');
    if (await again.count()) await again.click();
    const back = sb.locator(".actions button", { hasText: lang === "ja" ? "戻る" : "Back" });
    while (!(await sb.locator('button[data-template="sales"]').count())) await back.first().click();
    await sb.locator('button[data-template="sales"]').click();
    await sb.locator('[data-testid="kgi-deadline"]').fill("2026-03-31");
  }

  it("deleting a parent asks first, names how many KPIs go, and undo brings them back", async () => {
    const sb = sidebar();
    await freshSales("ja");
    const d = templateDraft("sales", "ja");
    const items = sb.locator(".nodes .node-name");
    expect(await items.allTextContents()).toEqual(d.nodes.map((n) => n.name));
    // Node 1 is a parent: deleting it takes its subtree.
    const parent = 1;
    const count = removalCount(d.nodes, parent);
    expect(count).toBeGreaterThan(1);
    await sb.locator(`[data-node-index="${parent}"]`).click();
    await sb.locator('[data-action="remove"]').click();
    const dialog = sb.locator('[data-testid="confirm-remove"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute("role")).toBe("alertdialog");
    expect(await dialog.textContent()).toContain(
      `「${d.nodes[parent].name}」を削除すると、その下の ${count - 1} 個の指標`,
    );
    await page.locator("#sidebar-frame").screenshot({ path: shot("delete-1-confirm") });
    // Cancel is focused first, so Enter does no harm; it leaves the tree as it was, focus back on Delete.
    await expect.poll(() => focused('[data-testid="confirm-no"]'), POLL).toBe(true);
    await sb.locator('[data-testid="confirm-no"]').press("Enter");
    expect(await dialog.count()).toBe(0);
    expect(await items.count()).toBe(d.nodes.length);
    await expect.poll(() => focused('[data-action="remove"]'), POLL).toBe(true);
    // Confirm: the subtree goes, and the notice offers undo.
    await sb.locator('[data-action="remove"]').click();
    await sb.locator('[data-testid="confirm-yes"]').click();
    expect(await items.count()).toBe(d.nodes.length - count);
    expect(await sb.locator('[data-testid="removed"]').textContent()).toContain(`合わせて ${count} 個を削除しました`);
    await expect.poll(() => focused('[data-testid="removed"] button'), POLL).toBe(true);
    await page.locator("#sidebar-frame").screenshot({ path: shot("delete-2-removed") });
    await sb.locator('[data-testid="removed"] button').click();
    expect(await items.allTextContents()).toEqual(d.nodes.map((n) => n.name));
    // The same with the toolbar: redo removes again, Ctrl+Z (outside a text field) restores.
    await sb.locator('[data-action="redo"]').click();
    expect(await items.count()).toBe(d.nodes.length - count);
    await sb.locator('[data-action="undo"]').focus();
    await page.keyboard.press("Control+z");
    expect(await items.allTextContents()).toEqual(d.nodes.map((n) => n.name));
    // A leaf goes without a question, and undo brings it back too.
    const leaf = d.nodes.length - 1;
    await sb.locator(`[data-node-index="${leaf}"]`).click();
    await sb.locator('[data-action="remove"]').click();
    expect(await dialog.count()).toBe(0);
    expect(await items.count()).toBe(d.nodes.length - 1);
    await sb.locator('[data-testid="removed"] button').click();
    expect(await items.allTextContents()).toEqual(d.nodes.map((n) => n.name));
  });

  it("a target of abc is an error in the checks and Next stays disabled until it is fixed", async () => {
    const sb = sidebar();
    await freshSales("en");
    const next = sb.locator('[data-testid="next"]');
    expect(await next.isDisabled()).toBe(false);
    await sb.locator('[data-node-index="2"]').click();
    await sb.locator('[data-testid="node-target"]').fill("abc");
    await expect.poll(() => next.isDisabled(), POLL).toBe(true);
    const issues = sb.locator('[data-testid="issues"]');
    expect(await issues.textContent()).toMatch(/The target of "[^"]+", "abc", is not a number/);
    // The field itself says why, as the reader words it, not only a red mark.
    expect(await sb.locator('[data-testid="node-target-error"]').textContent()).toMatch(
      /^"abc" is not a number: it has no digits\. Fix: type the amount in digits/,
    );
    expect(await issues.textContent()).not.toContain("No problems");
    // The text survives selecting another KPI and coming back.
    await sb.locator('[data-node-index="1"]').click();
    await sb.locator('[data-node-index="2"]').click();
    expect(await sb.locator('[data-testid="node-target"]').inputValue()).toBe("abc");
    expect(await sb.locator('[data-testid="node-target"]').getAttribute("aria-invalid")).toBe("true");
    await page.locator("#sidebar-frame").screenshot({ path: shot("invalid-target") });
    await sb.locator('[data-testid="node-target"]').fill("50");
    await expect.poll(() => next.isDisabled(), POLL).toBe(false);
  });

  it("a blank tree's many unnamed KPIs fold into one expandable line, each named by its place", async () => {
    const sb = sidebar();
    await freshSales("en");
    await sb.locator(".actions button", { hasText: "Back" }).click();
    await sb.locator(`button[data-template="blank"]`).click();
    await sb.locator('[data-action="add-child"]').click();
    for (let k = 0; k < 4; k++) await sb.locator('[data-action="add-sibling"]').click();
    const group = sb.locator('[data-testid="issues"] li.group[data-kind="noName"]');
    // The KGI and the five new KPIs have no name: one line, not six.
    expect(await group.locator("summary").textContent()).toBe("6 KPIs have no name.");
    expect(await sb.locator('[data-testid="issues"] > li').count()).toBe(4); // names, KGI target, deadline, and no more
    await group.locator("summary").click();
    const lines = await group.locator("li").allTextContents();
    expect(lines).toEqual(["KGI has no name.", ...[1, 2, 3, 4, 5].map((k) => `KPI ${k} under "KGI" has no name.`)]);
    for (const line of lines) expect(line).not.toMatch(/row|#\d/i);
    await page.locator("#sidebar-frame").screenshot({ path: shot("grouped-checks") });
    // A line still selects its KPI.
    await group.locator("li button").nth(3).click();
    expect(await sb.locator('[data-node-index="3"]').getAttribute("aria-current")).toBe("true");
  });

  it("the KPI list shows operators as labelled chips and the toolbar says what each button does", async () => {
    const sb = sidebar();
    await freshSales("ja");
    const chip = sb.locator(".nodes .op-chip").first();
    expect(await chip.textContent()).toMatch(/^計算: (× 掛け算|\+ 合計|÷ 割り算|− 差)$/);
    const labels = await sb.locator(".toolbar button").allTextContents();
    expect(labels.map((l) => l.trim())).toEqual([
      "+子を追加",
      "+同じ階層に追加",
      "↑上へ",
      "↓下へ",
      "←一段上げる",
      "→一段下げる",
      "↶元に戻す",
      "↷やり直す",
      "削除",
    ]);
    await page.locator("#sidebar-frame").screenshot({ path: shot("toolbar-ja") });
  });
});

describe("language", { timeout: 40_000 }, () => {
  async function menuCaptions(screenshot?: string): Promise<string[]> {
    await page.locator(".menu > button").first().click();
    const captions = await page.locator(".menu li[data-fn]").allTextContents();
    if (screenshot) await page.screenshot({ path: shot(screenshot) });
    await page.locator(".menu > button").first().click();
    return captions;
  }

  it("in English the menu and the sidebar's title are English; back in Japanese, Japanese", async () => {
    await useLanguage("en");
    expect(await page.locator("#sidebar-title").textContent()).toBe("KPI Tree");
    expect(await menuCaptions("english-menu")).toEqual([
      "Open KPI Tree",
      "New tree…",
      "Apply status colours",
      "Set the as-of date to today",
      "Check tree",
      "Tree diagram",
      "Settings",
      "Help",
    ]);
    await useLanguage("ja");
    expect(await page.locator("#sidebar-title").textContent()).toBe("KPIツリー");
    expect((await menuCaptions())[0]).toBe("KPIツリーを開く");
  });
});

describe("current table", { timeout: 30_000 }, () => {
  it("reads the selection, says where the columns go, and adds them with colours", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet("Team KPIs");
    sheet.getRange("A1:F6").setValues([
      ["KPI", "Parent", "Op", "Target", "Actual", "Memo"],
      ["Orders", "", "×", 100, 90, ""],
      ["Meetings", "Orders", "×", 500, "", "from CRM"],
      ["Close rate", "Orders", "", "20%", "20%", ""],
      ["Leads", "Meetings", "", 5000, 4000, ""],
      ["Lead rate", "Meetings", "", "10%", "12%", ""],
    ]);
    sheet.getRange("G2").setValue("keep me");
    sheet.getRange("A1:F6").activate();
    const sb = sidebar();
    await sb.locator("#tab-table").click();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="report"]').waitFor(POLL);
    const report = await sb.locator('[data-testid="report"]').textContent();
    expect(report).toContain("Orders");
    expect(report).toContain("A1:F6");
    expect(await sb.locator('[data-testid="planned"]').textContent()).toContain("H1:K6");
    await page.locator("#sidebar-frame").screenshot({ path: shot("table-1-report") });
    await sb.locator('[data-testid="add"]').click();
    await sb.locator(".report .done").waitFor(POLL);
    expect(s.values("Team KPIs", "G2")[0][0]).toBe("keep me");
    expect(s.snapshot("Team KPIs", 2, 11).cells[1][7].formula).toBe('=KPI_TREE(A1:F6,{1,0.8},"en")');
    // Orders: 480 meetings × 20% = 96 of 100 → at risk.
    expect(s.values("Team KPIs", "H2")[0][0]).toBeCloseTo(96, 9);
    expect(s.effectiveBackground("Team KPIs", "J2")).toBe(DEFAULT_COLORS.atRisk);
    await page.locator("#sidebar-frame").screenshot({ path: shot("table-2-added") });
  });

  it("offers to replace the four single-purpose columns of earlier versions by one KPI_TREE, and does it", async () => {
    const s = preview.standin;
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet("Old KPIs");
    sheet
      .getRange("A1:J4")
      .setValues([
        ["KPI", "Parent", "Op", "Target", "Actual", ...FUNCTION_HEADERS.en, ""].slice(0, 10),
        ["Orders", "", "×", 100, "", "", "", "", "", ""],
        ["Meetings", "Orders", "", 500, 480, "", "", "", "", ""],
        ["Close rate", "Orders", "", "20%", "20%", "", "", "", "", ""],
      ]);
    sheet
      .getRange("F2:I2")
      .setFormulas([
        [
          "=KPI_ROLLUP(A1:E4)",
          "=KPI_REQUIRED(A1:E4)",
          '=KPI_ACHIEVEMENT(F2:F4,D2:D4,"")',
          '=KPI_STATUS(F2:F4,D2:D4,"",{1,0.8},"en")',
        ],
      ]);
    sheet.getRange("A1").activate();
    const sb = sidebar();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="upgrade"]').waitFor(POLL);
    expect(await sb.locator('[data-testid="upgrade"]').textContent()).toContain("KPI_ROLLUP");
    expect(await sb.locator('[data-testid="add"]').textContent()).toContain("KPI_TREE");
    await sb.locator('[data-testid="add"]').click();
    await sb.locator(".report .done").waitFor(POLL);
    expect(await sb.locator(".report .done").textContent()).toContain("KPI_TREE");
    expect(await sb.locator('[data-testid="upgrade"]').count()).toBe(0);
    expect(sheet.getRange("F2:I2").getFormulas()).toEqual([['=KPI_TREE(A1:E4,{1,0.8},"en")', "", "", ""]]);
    expect(s.values("Old KPIs", "F2:I2")[0]).toEqual([96, 100, 0.96, "At risk"]);
  });

  it("offers to replace an older period sheet's year-to-date formulas by one KPI_TREE, and does it", async () => {
    const s = preview.standin;
    const periods = { kind: "month", start: "2026-04", pairs: false, phasing: "even" };
    const { sheetName } = writeTree(s, templateDraft("b2b", "ja"), "parent", { periods }) as { sheetName: string };
    const sheet = s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
    const wizard = sheet.getRange("W3").getFormula();
    expect(wizard).toBe('=KPI_TREE(A2:V9,{1,0.8},"ja",$D$1,$F$1)');
    // As the wizard wrote it before: KPI_TOTAL, an ARRAYFORMULA of the annual targets × F1, achievement and status.
    const own = "W3:W9,X3:X9,G3:G9";
    sheet
      .getRange("W3:Z3")
      .setFormulas([
        [
          '=KPI_TOTAL(A2:V9,"actual",$D$1)',
          '=ARRAYFORMULA(IF(E3:E9="","",E3:E9*IF({0;0;0;0;1;1;1}=1,1,$F$1)))',
          `=KPI_ACHIEVEMENT(${own})`,
          `=KPI_STATUS(${own},{1,0.8},"ja")`,
        ],
      ]);
    const before = s.values(sheetName, "W3:Z9");
    sheet.getRange("A2").activate();
    const sb = sidebar();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="upgrade"]').waitFor(POLL);
    const offer = await sb.locator('[data-testid="upgrade"]').textContent();
    expect(offer).toContain("KPI_TOTAL");
    expect(offer).toMatch(/\b3\b/);
    expect(await sb.locator('[data-testid="add"]').textContent()).toContain("KPI_TREE");
    await sb.locator('[data-testid="add"]').click();
    await sb.locator(".report .done").waitFor(POLL);
    expect(await sb.locator(".report .done").textContent()).toContain("KPI_TREE");
    expect(await sb.locator('[data-testid="upgrade"]').count()).toBe(0);
    expect(sheet.getRange("W3:Z3").getFormulas()).toEqual([[wizard, "", "", ""]]);
    expect(s.values(sheetName, "W3:Z9")).toEqual(before);
  });
});
