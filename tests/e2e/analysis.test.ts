// The sidebar's analysis of an existing table in Debian's headless Chromium,
// on the local preview's sample (月間売上 ¥2,000万 = 成約数 × 平均単価, with
// 架電数 900, アポ率 15%): the KGI against target, a KSF candidate, a what-if,
// and a recorded snapshot; screenshots in tests/output/, one copied to docs/.
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE_SHEET } from "../../dev/preview/sample";
import type { Preview } from "../../dev/preview/server";
import { formatPercent, formatValue } from "../../src/core/format";
import { healthReport } from "../../src/core/insights";
import { readTree } from "../../src/core/layout";
import { DEFAULT_COLORS } from "../../src/core/rules";
import { DEFAULT_THRESHOLDS } from "../../src/core/status";
import { ROOT } from "../helpers/dist";
import { OUTPUT, previewForFile, rgb, type Session } from "./harness";

const POLL = { timeout: 8_000 };
const TABLE = "A1:H9";

let preview: Preview;
let session: Session;
let page: Page;

const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");
const text = async (testid: string) => (await sidebar().locator(`[data-testid="${testid}"]`).textContent()) ?? "";

previewForFile({ width: 1400, height: 1400 }, 40_000, (s) => {
  session = s;
  ({ preview, page } = s);
});

describe("analysis of the sample table", { timeout: 40_000 }, () => {
  it("shows the KGI, the KSF candidates, a what-if and the recorded history", async () => {
    const s = preview.standin;
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName(SAMPLE_SHEET)!.getRange("B3").activate();
    // What the core says about the same cells: the figures the sidebar must show.
    const expected = healthReport(readTree(s.values(SAMPLE_SHEET, TABLE)), DEFAULT_THRESHOLDS, "ja");
    const kgi = expected.roots[0];

    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showTableCheck"]').click();
    const sb = sidebar();
    await sb.locator('[data-testid="report"]').waitFor(POLL);
    expect(await text("report")).toContain(TABLE);
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="kgi"]').waitFor(POLL);

    // The KGI: 900 calls × 15% × 50% × 20% = 13.5 deals × ¥110万 = ¥1,485万 of ¥2,000万 (74.3%, off track).
    const card = await text("kgi");
    expect(kgi.actual).toBeCloseTo(14_850_000, 3);
    expect(card).toContain("月間売上");
    expect(card).toContain(formatValue(kgi.actual, "円", "ja"));
    expect(card).toContain("1,485万円");
    expect(card).toContain("2,000万円");
    expect(card).toContain(formatPercent(kgi.rate as number));
    expect(card).toContain("未達");
    const badge = sb.locator('[data-testid="kgi"] .badge');
    expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(DEFAULT_COLORS.offTrack));
    const counts = await text("counts");
    expect(counts).toContain(`未達 ${expected.statusCounts.offTrack}`);
    expect(counts).toContain(`達成 ${expected.statusCounts.achieved}`);
    // Off track: the leaves a team acts on are listed; the KGI and parents they drag down come after, apart.
    expect(expected.offTrack.length).toBeGreaterThan(0);
    expect(expected.offTrackAbove.map((o) => o.name)).toContain("月間売上");
    const leaves = await sb.locator('[data-testid="off-track"] .kpi-name').allTextContents();
    expect(leaves).toEqual(expected.offTrack.map((o) => o.name));
    expect(await text("off-track-above")).toContain(expected.offTrackAbove.map((o) => o.name).join("、"));

    // The KSF candidate: アポ率 15% → 20% alone lifts the KGI to ¥1,980万.
    const first = sb.locator('[data-testid="bottlenecks"] li').first();
    expect(await first.textContent()).toContain("アポ率");
    expect(await first.textContent()).toContain("1,980万円");
    expect(expected.bottlenecks[0].name).toBe("アポ率");

    // What-if: 架電数 1,200 → 90 meetings × 20% = 18 deals × ¥110万 = ¥1,980万 (99%), nothing written.
    const before = s.values(SAMPLE_SHEET, "A1:M10");
    await sb.locator('[data-testid="what-if-kpi"]').selectOption({ label: "架電数" });
    // Text that is not a number is refused before anything is sent.
    await sb.locator('[data-testid="what-if-value"]').fill("たくさん");
    expect(await sb.locator('[data-testid="what-if-run"]').isDisabled()).toBe(true);
    await sb.locator('[data-testid="what-if-value"]').fill("1,200件");
    // The input says how it read the text, by the one number rule.
    expect(await text("what-if-value-echo")).toBe("読み取った値 = 1,200件");
    await sb.locator('[data-testid="what-if-value"]').press("Enter");
    await sb.locator('[data-testid="what-if-result"]').waitFor(POLL);
    const result = await text("what-if-result");
    expect(result).toContain("1,485万円");
    expect(result).toContain("1,980万円 (99%)");
    expect(s.values(SAMPLE_SHEET, "A1:M10")).toEqual(before);

    // History: record today's values; the hidden sheet gets every KPI, the sparkline its first point.
    await sb.locator('[data-testid="record"]').click();
    await sb.locator('[data-testid="recorded"]').waitFor(POLL);
    expect(await text("recorded")).toMatch(/の値を記録しました（8 指標）。記録した日: 1 日。$/);
    const history = ss.getSheetByName("KPI History")!;
    expect(history.isSheetHidden()).toBe(true);
    expect(history.getLastRow()).toBe(1 + 8);
    await sb.locator('[data-testid="history"] circle').first().waitFor(POLL);
    // A second, earlier day written straight to the history sheet, as an earlier snapshot would have.
    const today = String(s.values("KPI History", "A2")[0][0]);
    const rows = s.values("KPI History", "A2:F9").map((r) => ["'2026-01-01", ...r.slice(1, 5), 12_000_000]);
    history.getRange(10, 1, rows.length, 6).setValues(rows);
    await sb.locator('[data-testid="refresh"]').click();
    await expect.poll(() => sb.locator('[data-testid="history"] circle').count(), POLL).toBe(2);
    const dates = await sb
      .locator('[data-testid="history"] circle')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute("data-date")));
    expect(dates).toEqual(["2026-01-01", today]);
    // Hidden sheets get no tab in the grid.
    expect(await page.locator("#tabs button", { hasText: "KPI History" }).count()).toBe(0);

    // The analysis from its heading down, as a user scrolls to it.
    await sb.locator('[data-testid="analysis"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "analysis.png") });
    await sb.locator('[data-testid="recorded"]').scrollIntoViewIfNeeded();
    await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "analysis-history.png") });
    // The README's picture is committed: refreshed on request, so a test run leaves the tree clean.
    const docs = join(ROOT, "docs", "analysis.png");
    if (!existsSync(docs) || process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(join(OUTPUT, "analysis.png"), docs);
  });

  it("shows a server failure in the error banner", async () => {
    const sb = sidebar();
    // The table's sheet renamed behind the sidebar's back.
    const sheet = preview.standin.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SAMPLE_SHEET)!;
    sheet.setName("renamed");
    try {
      await sb.locator('[data-testid="refresh"]').click();
      await sb.locator('[data-testid="error"]').waitFor(POLL);
      expect(await text("error")).toContain(`シート「${SAMPLE_SHEET}」が見つかりません`);
    } finally {
      sheet.setName(SAMPLE_SHEET);
    }
  });

  it("speaks English too", async () => {
    const sb = sidebar();
    await sb.locator("#tab-settings").click();
    await sb.locator('[data-testid="language"]').selectOption("en");
    await sb.locator('[data-testid="save"]').click();
    await sb.locator(".settings .done").waitFor(POLL);
    // The sidebar reopened in English (its title too): read the table again.
    expect(await page.locator("#sidebar-title").textContent()).toBe("KPI Tree");
    await sb.locator("#tab-table").click();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="kgi"]').waitFor(POLL);
    expect(await text("kgi")).toContain("Actual ¥14,850,000 / target ¥20,000,000");
    expect(await text("kgi")).toContain("Off track");
    expect(await sb.locator('[data-testid="bottlenecks"] li').first().textContent()).toMatch(
      /アポ率.*at 75%; if hit, KGI ¥19,800,000/,
    );
    expect(await text("counts")).toMatch(/Achieved 3.*At risk 1.*Off track 4.*No data 0/);
    await sb.locator('[data-testid="what-if-kpi"]').selectOption({ label: "アポ率" });
    // A bare number is a percentage for a % KPI: 20 → 20%.
    await sb.locator('[data-testid="what-if-value"]').fill("20");
    expect(await text("what-if-value-echo")).toBe("Read as = 20%");
    await sb.locator('[data-testid="what-if-run"]').click();
    await sb.locator('[data-testid="what-if-result"]').waitFor(POLL);
    expect(await text("what-if-result")).toContain("¥14,850,000 (74.3%) → ¥19,800,000 (99%)");
    await sb.locator('[data-testid="analysis"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.locator("#sidebar-frame").screenshot({ path: join(OUTPUT, "analysis-en.png") });
  });

  it("Check tree lists every problem of a table, each naming its row and column", async () => {
    const ss = preview.standin.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet("Broken");
    sheet.getRange("A1:E5").setValues([
      ["Name", "Parent", "Op", "Target", "Actual"],
      ["Revenue", "", "×", "lots", ""],
      ["Orders", "Revenue", "", 100, "many"],
      ["Price", "Nowhere", "", 10, 10],
      ["Leads", "Orders", "", 500, 450],
    ]);
    sheet.getRange("A1:E5").activate();
    const sb = sidebar();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="errors"]').waitFor(POLL);
    const errors = await sb.locator('[data-testid="errors"] li').allTextContents();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Row 2 \("Revenue"\), column "Target": "lots"/);
    expect(errors[1]).toMatch(/^Row 3 \("Orders"\), column "Actual": "many"/);
    expect(errors[2]).toMatch(/^Row 4 \("Price"\), column "Parent": The parent "Nowhere"/);
    expect(await sb.locator('[data-testid="analyze"]').count()).toBe(0);
  });

  it("shows names from the sheet as text, never as markup", async () => {
    const name = "<img src=x onerror=alert(1)>";
    const ss = preview.standin.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet("Names");
    sheet.getRange("A1:E4").setValues([
      ["Name", "Parent", "Op", "Target", "Actual"],
      ["Revenue", "", "×", 1000, ""],
      [name, "Revenue", "", 100, 50],
      ["Price", "Revenue", "", 10, 10],
    ]);
    sheet.getRange("A1:E4").activate();
    const sb = sidebar();
    await sb.locator('[data-testid="read"]').click();
    await sb.locator('[data-testid="analyze"]').click();
    await sb.locator('[data-testid="bottlenecks"]').waitFor(POLL);
    expect(await text("bottlenecks")).toContain(name);
    expect(await text("off-track")).toContain(name);
    expect(await sb.locator('[data-testid="what-if-kpi"] option').first().textContent()).toBe(name);
    expect(await sb.locator("img").count()).toBe(0);
    expect(session.dialogs).toEqual([]);
  });
});
