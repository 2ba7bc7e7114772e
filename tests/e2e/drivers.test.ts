// The analysis' gap waterfall, sensitivity and goal seek (issue 11) in Debian's
// headless Chromium on the local preview's sample: the ¥515万 shortfall split
// by KPI, clicking アポ率 selects its row, a goal seek over two drivers, and
// "write as targets" after the confirmation; screenshot in tests/output/.
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE_SHEET } from "../../dev/preview/sample";
import type { Preview } from "../../dev/preview/server";
import { OUTPUT, previewForFile } from "./harness";

const POLL = { timeout: 8_000 };

let preview: Preview;
let page: Page;

const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");

previewForFile({ width: 1400, height: 1600 }, 40_000, (s) => {
  ({ preview, page } = s);
});

describe("why the KGI is off, and what it takes", { timeout: 60_000 }, () => {
  it("shows the waterfall, selects a KPI's row, seeks and writes the targets", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(SAMPLE_SHEET)!;
    sheet.getRange("B3").activate();
    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showTableCheck"]').click();
    const sb = sidebar();
    await sb.locator('[data-testid="report"]').waitFor(POLL);
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="waterfall"]').waitFor(POLL);

    // The waterfall: ¥2,000万 → アポ率 −497.6万, 架電数 −182.2万, 平均単価 +164.9万 → ¥1,485万.
    const steps = await sb.locator('[data-testid="gap-step"]').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain("アポ率");
    expect(steps[0]).toContain("-497.62万円");
    expect(steps[1]).toContain("架電数");
    expect(steps[2]).toContain("+164.86万円");
    expect(await sb.locator('[data-testid="sensitivity"] li').count()).toBe(5);

    // Clicking アポ率 selects its row (6) across the table.
    await sb.locator('[data-testid="gap-step"] [data-testid="select-kpi"]').first().click();
    await expect.poll(() => ss.getActiveRange()?.getA1Notation(), POLL).toBe("A6:H6");

    // Goal seek over アポ率 and 架電数 only: +16.05%.
    const boxes = sb.locator('[data-testid="seek-driver"]');
    expect(await boxes.count()).toBe(5);
    for (const k of [2, 3, 4]) await boxes.nth(k).uncheck();
    await sb.locator('[data-testid="seek-run"]').click();
    await sb.locator('[data-testid="seek-result"]').waitFor(POLL);
    expect(await sb.locator('[data-testid="seek-rate"]').textContent()).toContain("+16.1%");
    const values = await sb.locator('[data-testid="seek-value"]').allTextContents();
    // 1,044.47 calls needed: a count required is shown rounded up.
    expect(values[0]).toContain("900件 → 1,045件");
    await page.screenshot({ path: join(OUTPUT, "drivers.png") });

    // Write as targets: asks first; cancel writes nothing, yes writes the two targets.
    const before = s.values(SAMPLE_SHEET, "A1:H10");
    await sb.locator('[data-testid="seek-write"]').click();
    expect(await sb.locator('[data-testid="confirm-write"]').textContent()).toContain("4 個");
    await sb.locator('[data-testid="confirm-write-no"]').click();
    expect(s.values(SAMPLE_SHEET, "A1:H10")).toEqual(before);
    await sb.locator('[data-testid="seek-write"]').click();
    await sb.locator('[data-testid="confirm-write-yes"]').click();
    await sb.locator('[data-testid="seek-written"]').waitFor(POLL);
    expect(await sb.locator('[data-testid="seek-written"]').textContent()).toContain("目標を 4 個書き込みました");
    const after = s.values(SAMPLE_SHEET, "A1:H10");
    expect(after[4][4] as number).toBeCloseTo(1044.466, 2);
    expect(after[5][4] as number).toBeCloseTo(0.174078, 5);
    expect(after[1][4]).toBe(before[1][4]);
  });
});
