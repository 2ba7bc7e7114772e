// The local preview in Debian's headless Chromium: edit an actual in the grid,
// see the rollup and the status colour change; open the sidebar; screenshots
// go to tests/output/ for review.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../dev/preview/server";
import { DIST } from "../helpers/dist";
import { OUTPUT, previewForFile, rgb } from "./harness";

/** The server recalculates and the page re-renders: allow a few seconds on a slow CI machine. */
const POLL = { timeout: 5_000 };

let preview: Preview;
let page: Page;

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"]`);
const background = (a1: string) => cell(a1).evaluate((el) => getComputedStyle(el).backgroundColor);

previewForFile({ width: 1500, height: 700 }, 30_000, (s) => {
  ({ preview, page } = s);
});

describe("local preview", { timeout: 15_000 }, () => {
  it("opens on the sample tree with rollups and status colours", async () => {
    const s = preview.standin;
    const sheet = s.sheetNames()[0];
    // The grid shows what the stand-in computes, colours included.
    expect(await cell("I2").textContent()).toBe(s.displayValue(sheet, "I2"));
    expect(await cell("L2").textContent()).toBe(s.displayValue(sheet, "L2"));
    expect(await background("L2")).toBe(rgb(s.effectiveBackground(sheet, "L2")));
    await page.screenshot({ path: join(OUTPUT, "preview-open.png") });
  });

  it("recomputes the rollup and its colour when an actual is edited in the grid", async () => {
    const s = preview.standin;
    const sheet = s.sheetNames()[0];
    const rollupBefore = await cell("I2").textContent();
    const colourBefore = await background("L2");
    // F6 is アポ率's actual; 15% → 25% lifts meetings, deals and revenue.
    await cell("F6").dblclick();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("25%");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell("I2").textContent(), POLL).not.toBe(rollupBefore);
    expect(s.values(sheet, "F6")).toEqual([[0.25]]);
    expect(await cell("I2").textContent()).toBe(s.displayValue(sheet, "I2"));
    expect(await background("L2")).not.toBe(colourBefore);
    expect(await background("L2")).toBe(rgb(s.effectiveBackground(sheet, "L2")));
    await page.screenshot({ path: join(OUTPUT, "preview-edited.png") });
  });

  it("runs google.script.run from a sidebar against the bundle", async () => {
    const s = preview.standin;
    // A sidebar of our own, so the shim is tested whatever the add-on's sidebar does.
    const html = `<!doctype html><html><head></head><body><p id="out">…</p><script>
      google.script.run.withSuccessHandler(function (r, u) { document.getElementById("out").textContent = u + ":" + r; })
        .withUserObject("ok").KPI_STATUS(90, 100);
      google.script.run.withFailureHandler(function (e) { document.body.dataset.failure = e.message; }).noSuchFunction();
      try { google.script.run.KPI_STATUS(new Date(), 1); } catch (e) { document.body.dataset.dateError = e.message; }
    </script></body></html>`;
    const { SpreadsheetApp, HtmlService } = s.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle("Shim check"));
    await page.evaluate(() => window.postMessage({ type: "kpi-preview-refresh" }, "*"));
    const frame = page.frameLocator("#sidebar-frame");
    const expected = `ok:${s.run("KPI_STATUS", 90, 100)}`;
    await expect.poll(() => frame.locator("#out").textContent(), POLL).toBe(expected);
    await expect
      .poll(() => frame.locator("body").getAttribute("data-failure"), POLL)
      .toMatch(/Script function not found/);
    expect(await frame.locator("body").getAttribute("data-date-error")).toMatch(/illegal value/);
  });

  it("opens the add-on's sidebar from its menu", async (ctx) => {
    const items = preview.standin.ui.menus.flatMap((m) => m.items);
    const opener = items.find((i) => i.functionName && /sidebar/i.test(i.functionName));
    if (!opener || !existsSync(join(DIST, "Sidebar.html"))) {
      ctx.skip(); // The add-on has no sidebar yet (issue 4).
      return;
    }
    await page.locator(".menu > button").first().click();
    await page.locator(`li[data-fn="${opener.functionName}"]`).click();
    await expect.poll(() => page.locator("#sidebar").isVisible(), POLL).toBe(true);
    const frame = page.frameLocator("#sidebar-frame");
    await expect
      .poll(async () => ((await frame.locator("body").textContent()) ?? "").trim().length, POLL)
      .toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUTPUT, "preview-sidebar.png") });
  });
});
