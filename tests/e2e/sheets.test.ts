// The preview behaves like Sheets where the add-on depends on it: the grid follows the active sheet
// and selection (set by a person's clicks or by the add-on), Check tree reads what is on screen,
// toasts expire and do not come back on reload, and a page load asks for nothing the server lacks.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../dev/preview/server";
import { previewForFile } from "./harness";

const POLL = { timeout: 8_000 };

let preview: Preview;
let page: Page;

const refresh = () => page.evaluate(() => window.postMessage({ type: "kpi-preview-refresh" }, "*"));
const activeTab = () => page.locator("#tabs button.active").textContent();
const selectedCell = () => page.locator("td.sel").getAttribute("data-a1");

previewForFile({ width: 1280, height: 800 }, 30_000, (s) => {
  ({ preview, page } = s);
});

describe("the preview follows the spreadsheet's active sheet and selection", { timeout: 30_000 }, () => {
  it("a tab or cell clicked in the grid is what getActiveSheet()/getActiveRange() return", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    const first = s.sheetNames()[0];
    ss.insertSheet("Second")
      .getRange("A1:B2")
      .setValues([
        ["KPI", "Target"],
        ["Orders", 100],
      ]);
    ss.setActiveSheet(ss.getSheetByName(first)!);
    await refresh();
    await expect.poll(activeTab, POLL).toBe(first);
    await page.locator("#tabs button", { hasText: "Second" }).click();
    await expect.poll(() => s.selection().sheet, POLL).toBe("Second");
    await expect.poll(activeTab, POLL).toBe("Second");
    await page.locator('td[data-a1="B2"]').click();
    await expect.poll(() => s.selection(), POLL).toMatchObject({ sheet: "Second", row: 2, column: 2, numRows: 1 });
    await page.locator('td[data-a1="A1"]').click();
    await page.locator('td[data-a1="B2"]').click({ modifiers: ["Shift"] });
    await expect.poll(() => ss.getActiveRange()!.getA1Notation(), POLL).toBe("A1:B2");
    expect(ss.getActiveSheet().getName()).toBe("Second");
    // Back to the first sheet: Sheets returns to its last selection there.
    await page.locator("#tabs button", { hasText: first }).click();
    await expect.poll(() => s.selection().sheet, POLL).toBe(first);
  });

  it("follows setActiveSheet, setActiveRange and a newly inserted sheet, as Sheets does", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.setActiveSheet(ss.getSheetByName("Second")!);
    await refresh();
    await expect.poll(activeTab, POLL).toBe("Second");
    ss.setActiveRange(ss.getSheetByName("Second")!.getRange("B2"));
    await refresh();
    await expect.poll(selectedCell, POLL).toBe("B2");
    expect(await page.locator("#ref").textContent()).toBe("B2");
    ss.insertSheet("Third");
    await refresh();
    await expect.poll(activeTab, POLL).toBe("Third");
    expect(await selectedCell()).toBe("A1");
  });

  it("Check tree reads the sheet and cell on screen", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet("On screen");
    sheet.getRange("A3:E6").setValues([
      ["KPI", "Parent", "Op", "Target", "Actual"],
      ["Orders", "", "×", 100, 90],
      ["Meetings", "Orders", "", 500, 450],
      ["Close rate", "Orders", "", "20%", "20%"],
    ]);
    ss.setActiveSheet(ss.getSheetByName("Second")!);
    await refresh();
    await page.locator("#tabs button", { hasText: "On screen" }).click();
    // As a person does: the cell is clicked once the sheet is on screen.
    await expect.poll(activeTab, POLL).toBe("On screen");
    await page.locator('td[data-a1="B4"]').click();
    await expect.poll(() => s.selection(), POLL).toMatchObject({ sheet: "On screen", row: 4, column: 2 });
    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showTableCheck"]').click();
    const sb = page.frameLocator("#sidebar-frame");
    await sb.locator('[data-testid="read"]').click();
    await expect.poll(() => sb.locator('[data-testid="report"]').textContent(), POLL).toContain("A3:E6");
    expect(await sb.locator('[data-testid="report"]').textContent()).toContain("Orders");
  });
});

describe("messages and page loads", { timeout: 30_000 }, () => {
  it("a toast shows for its timeout, then goes, and does not come back on reload", async () => {
    const ss = preview.standin.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.toast("保存しました", "KPI Tree", 1);
    await refresh();
    await expect.poll(() => page.locator("#toast").isVisible(), POLL).toBe(true);
    expect(await page.locator("#toast").textContent()).toContain("保存しました");
    await expect.poll(() => page.locator("#toast").isVisible(), POLL).toBe(false);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await page.waitForTimeout(300);
    expect(await page.locator("#toast").isVisible()).toBe(false);
  });

  it("an alert waits for OK, once", async () => {
    preview.standin.globals.SpreadsheetApp.getUi().alert("Done");
    await refresh();
    await expect.poll(() => page.locator("#alert").isVisible(), POLL).toBe(true);
    expect(await page.locator("#alert-text").textContent()).toBe("Done");
    await page.locator("#alert-ok").click();
    await expect.poll(() => page.locator("#alert").isVisible(), POLL).toBe(false);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("#alert").isVisible()).toBe(false);
  });

  it("a page load and the sidebar request nothing that is missing (no 404, no console error)", async () => {
    const failed: string[] = [];
    const errors: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showSidebar"]').click();
    await page.frameLocator("#sidebar-frame").locator(".tabs").waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    // Browsers ask for /favicon.ico on their own (headless Chromium does not): it is the add-on's icon.
    const icon = await page.evaluate(async () => {
      const r = await fetch("/favicon.ico");
      return { status: r.status, type: r.headers.get("content-type") };
    });
    expect(icon).toEqual({ status: 200, type: "image/png" });
  });
});
