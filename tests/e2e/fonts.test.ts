// Legible Japanese everywhere: the preview page and the sidebar draw every character with a real
// glyph from the web font the preview serves (Noto Sans JP from npm), whatever fonts the machine has.
// The packaged browser sees no system font but one Latin face, so there the check is also shown to fail
// on Japanese drawn without the web font.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { resolveBrowser } from "../../dev/browser.mjs";
import { missingGlyphs, previewForFile } from "./harness";

let page: Page;

previewForFile({ width: 1280, height: 800 }, 30_000, (s) => {
  ({ page } = s);
});

describe("Japanese text renders with real glyphs", { timeout: 20_000 }, () => {
  it("in the grid, the tabs and the menu bar", async () => {
    for (const selector of ["#grid", "#tabs", "header"]) {
      const result = await missingGlyphs(page, selector);
      expect(result.checked, selector).toBeGreaterThan(0);
      expect(result.missing, `${selector} in ${result.font}`).toEqual([]);
    }
    // The sample's own words, e.g. 月間売上, are among those checked.
    expect(await page.locator('td[data-a1="A2"]').textContent()).toBe("月間売上");
  });

  it("in the add-on's sidebar (its own CSS, the preview's web font)", async () => {
    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showSidebar"]').click();
    const frame = page.frameLocator("#sidebar-frame");
    await frame.locator(".tabs").waitFor();
    const result = await missingGlyphs(frame, "body");
    expect(result.checked).toBeGreaterThan(20);
    expect(result.missing, result.font).toEqual([]);
  });

  it.runIf(resolveBrowser().source === "packaged")(
    "the check fails on Japanese drawn without the web font (packaged browser: no system CJK font)",
    async () => {
      const result = await missingGlyphs(page, 'td[data-a1="A2"]', "sans-serif");
      expect(result.missing).toEqual([..."月間売上"]);
    },
  );
});
