// The Marketplace listing's 1280×800 screenshots, taken from the preview like every other browser
// test. They land in tests/output/; the committed copies in docs/marketplace/ are refreshed only
// with UPDATE_DOCS_SCREENSHOTS=1 (or written when missing), so a test run leaves the tree clean.

import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE_SHEET } from "../../dev/preview/sample";
import type { Preview } from "../../dev/preview/server";
import { updateNode } from "../../src/core/draft";
import { templateDraft } from "../../src/core/templates";
import { ROOT } from "../helpers/dist";
import { writeTree } from "../helpers/sidebar";
import { missingGlyphs, OUTPUT, previewForFile } from "./harness";

const POLL = { timeout: 8_000 };
const SIZE = { width: 1280, height: 800 };
const DOCS = join(ROOT, "docs", "marketplace");

let preview: Preview;
let page: Page;

const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");

async function menu(fn: string): Promise<void> {
  await page.locator(".menu > button").first().click();
  await page.locator(`li[data-fn="${fn}"]`).click();
  await page.locator("#sidebar").waitFor({ state: "visible" });
  await sidebar().locator(".tabs").waitFor();
}

/** Screenshot of the whole page at 1280×800, checked for size and legible Japanese, copied to docs on request. */
async function shoot(name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect((await missingGlyphs(sidebar(), "body")).missing).toEqual([]);
  expect((await missingGlyphs(page, "#grid")).missing).toEqual([]);
  const file = join(OUTPUT, name);
  await page.screenshot({ path: file });
  const png = readFileSync(file);
  // PNG IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SIZE.width, SIZE.height]);
  const docs = join(DOCS, name);
  if (!existsSync(docs) || process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(file, docs);
}

previewForFile(SIZE, 40_000, (s) => {
  ({ preview, page } = s);
});

describe("Marketplace listing screenshots (1280×800)", { timeout: 40_000 }, () => {
  it("1: a tree written by the wizard, with its formulas and status colours", async () => {
    let draft = templateDraft("sales", "ja");
    const actuals: Record<number, number> = { 3: 1800, 4: 0.1, 5: 0.5, 6: 0.15, 7: 1_100_000 };
    for (const [k, actual] of Object.entries(actuals)) draft = updateNode(draft, Number(k), { actual });
    const written = writeTree(preview.standin, draft, "outline") as { sheetName: string };
    await menu("showSidebar");
    // The sheet the add-on wrote is the active one: the grid shows it.
    await expect.poll(() => page.locator("#tabs button.active").textContent(), POLL).toBe(written.sheetName);
    await page.locator('td[data-a1="A1"]').click();
    // The tree across the whole width, once the "written" toast has gone.
    await page.locator("#sidebar-close").click();
    await expect.poll(() => page.locator("#toast").isVisible(), POLL).toBe(false);
    await shoot("screenshot-1-tree.png");
  });

  it("2: the wizard's editor with the live diagram", async () => {
    await menu("showNewTree");
    const sb = sidebar();
    const again = sb.locator('[data-testid="written"] button');
    if (await again.count()) await again.click();
    await sb.locator('button[data-template="saas"]').click();
    await sb.locator('[data-node-index="1"]').click();
    await shoot("screenshot-2-wizard.png");
  });

  it("3: the analysis of the sample table", async () => {
    await page.locator("#tabs button").getByText(SAMPLE_SHEET, { exact: true }).click();
    await expect.poll(() => page.locator("#tabs button.active").textContent(), POLL).toBe(SAMPLE_SHEET);
    await page.locator('td[data-a1="B3"]').click();
    await menu("showTableCheck");
    const sb = sidebar();
    await sb.locator('[data-testid="report"]').waitFor(POLL);
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="kgi"]').waitFor(POLL);
    await shoot("screenshot-3-analysis.png");
  });

  it("4: Check tree on a team's own table, before the columns are added", async () => {
    const ss = preview.standin.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet("チームKPI")
      .getRange("A2:F8")
      .setValues([
        ["指標", "親", "計算", "目標", "実績", "メモ"],
        ["受注数", "", "×", 100, 80, ""],
        ["商談数", "受注数", "×", 500, "", "CRM から"],
        ["リード数", "商談数", "", 5000, 4000, ""],
        ["商談化率", "商談数", "", "10%", "11%", ""],
        ["受注率", "受注数", "", "20%", "18%", ""],
        ["", "", "", "", "", ""],
      ]);
    await page.evaluate(() => window.postMessage({ type: "kpi-preview-refresh" }, "*"));
    await expect.poll(() => page.locator("#tabs button.active").textContent(), POLL).toBe("チームKPI");
    await page.locator('td[data-a1="A3"]').click();
    await menu("showTableCheck");
    await sidebar().locator('[data-testid="planned"]').waitFor(POLL);
    await shoot("screenshot-4-check.png");
  });
});
