// The wizard's period block and the review list in headless Chromium on the local preview: a 12-month
// sheet written from the sidebar (screenshot in tests/output/, copied to docs/periods.png with
// UPDATE_DOCS_SCREENSHOTS=1 or when missing), then the analysis listing the KPIs overdue for review.
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../dev/preview/server";
import { ROOT } from "../helpers/dist";
import { OUTPUT, previewForFile } from "./harness";

const POLL = { timeout: 15_000 };

let preview: Preview;
let page: Page;
const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");

previewForFile({ width: 1600, height: 900 }, 40_000, (s) => {
  ({ preview, page } = s);
});

async function openFromMenu(fn: string): Promise<void> {
  await page.locator(".menu > button").first().click();
  await page.locator(`li[data-fn="${fn}"]`).click();
  await sidebar().locator(".tabs").waitFor(POLL);
}

describe("the wizard's period block and the review list", { timeout: 60_000 }, () => {
  let sheet = "";

  it("writes a 12-month sheet of target/actual pairs, phased evenly, with an as-of date and review columns", async () => {
    const s = preview.standin;
    await openFromMenu("showNewTree");
    const sb = sidebar();
    await sb.locator('button[data-template="b2b"]').click();
    await sb.locator('[data-testid="next"]').click();
    await sb.locator('[data-testid="periods"]').waitFor(POLL);
    await sb.locator('[data-testid="periods-on"]').check();
    await sb.locator('[data-testid="period-start"]').fill("2026-04");
    expect(await sb.locator('[data-testid="period-pairs"]').isChecked()).toBe(true);
    expect(await sb.locator('[data-testid="phasing-even"]').isChecked()).toBe(true);
    await sb.locator('[data-testid="review-on"]').check();
    await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "periods-wizard.png") });
    const before = s.sheetNames();
    await sb.locator('[data-testid="write"]').click();
    await sb.locator('[data-testid="written"]').waitFor(POLL);
    sheet = s.sheetNames().filter((n) => !before.includes(n))[0];
    expect(sheet).toBeDefined();

    // Row 2 is the header: the table's columns, the review columns, then 12 pairs from April.
    const header = s.values(sheet, "A2:AJ2")[0];
    expect(header.slice(10, 12)).toEqual(["頻度", "最終更新"]);
    expect(header.slice(12, 14)).toEqual(["2026年4月目標", "2026年4月実績"]);
    expect(header[35]).toBe("2027年3月実績");
    // 100 orders a year → 8.33 a month; the close rate 20% is copied.
    const orders = s.values(sheet, "M4:N4")[0];
    expect(orders[0]).toBeCloseTo(100 / 12, 8);
    expect(s.values(sheet, "A1")[0][0]).toBe("基準日");

    // The grid on screen shows the new sheet: the picture for the README.
    await page.locator("#grid").waitFor(POLL);
    const file = join(OUTPUT, "periods.png");
    await page.screenshot({ path: file });
    const docs = join(ROOT, "docs", "periods.png");
    if (!existsSync(docs) || process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(file, docs);
  });

  it("lists the KPIs overdue for review in the analysis", async () => {
    const s = preview.standin;
    // 受注数 (a middle KPI, monthly) last reviewed on New Year's Day: overdue whatever today is.
    s.type(sheet, "L4", "2026-01-01");
    s.select(sheet, "B4");
    await openFromMenu("showTableCheck");
    const sb = sidebar();
    await sb.locator('[data-testid="report"]').waitFor(POLL);
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="review"]').waitFor(POLL);
    const overdue = (await sb.locator('[data-testid="review-overdue"]').textContent()) ?? "";
    expect(overdue).toContain("受注数");
    expect(overdue).toContain("月次");
    expect(overdue).toMatch(/日超過/);
    // The others were marked reviewed on the day the sheet was written: not due yet.
    expect(await sb.locator('[data-testid="review"]').textContent()).toMatch(/まだ期限前です/);
    // Too few periods with data for the KPI check: it says so.
    expect(await sb.locator('[data-testid="validation"]').textContent()).toMatch(/期しかありません/);
    await sb.locator('[data-testid="review"]').scrollIntoViewIfNeeded();
    await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "periods-review.png") });
  });
});
