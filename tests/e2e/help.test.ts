// The menu's Help in the local preview: the dialog (dist/Help.html) shows the steps and the functions
// in the user's language and closes with its button.
import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Preview } from "../../dev/preview/server";
import { HELP_TEXT } from "../../src/sidebar/help";
import { previewForFile } from "./harness";

let preview: Preview;
let page: Page;

const dialog = (): FrameLocator => page.frameLocator("#dialog-frame");

previewForFile({ width: 1200, height: 800 }, 60_000, (s) => {
  ({ preview, page } = s);
});

describe("help dialog", { timeout: 30_000 }, () => {
  it("shows the steps and the functions in the user's language, and closes", async () => {
    const lang = (preview.standin.run("getSidebarState") as { lang: "ja" | "en" }).lang;
    const t = HELP_TEXT[lang];
    await page.locator(".menu > button").first().click();
    await page.locator('li[data-fn="showHelp"]').click();
    await page.locator("#dialog").waitFor({ state: "visible" });
    const help = dialog().locator('[data-testid="help"]');
    await expect.poll(() => help.locator("h1").textContent()).toBe(t.title);
    expect(await help.locator("li").allTextContents()).toEqual(t.steps);
    expect(await help.locator("p").textContent()).toBe(t.functions);
    expect(await dialog().locator("html").getAttribute("lang")).toBe(lang);
    await help.locator("button", { hasText: t.close }).click();
    await page.locator("#dialog").waitFor({ state: "hidden" });
  });
});
