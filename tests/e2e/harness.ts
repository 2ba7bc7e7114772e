// One way to open the local preview in headless Chromium for every browser test:
// the browser dev/browser.mjs resolves (the npm-packaged one unless told otherwise).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { LAUNCH_ARGS, resolveBrowser } from "../../dev/browser.mjs";
import { type Preview, startPreview } from "../../dev/preview/server";
import { DIST, ROOT } from "../helpers/dist";

export const OUTPUT = join(ROOT, "tests", "output");

/** Launches the resolved browser with the tests' flags (and its own environment, for the packaged one). */
export async function launchBrowser(): Promise<Browser> {
  const found = resolveBrowser();
  return chromium.launch({
    executablePath: found.executablePath,
    args: LAUNCH_ARGS,
    env: { ...process.env, ...found.env },
  });
}

export interface Session {
  preview: Preview;
  browser: Browser;
  page: Page;
  /** Messages of every alert/confirm the page tried to show (names as HTML would raise one). */
  dialogs: string[];
  close(): Promise<void>;
}

/** Starts the preview on a free port and opens it once the grid is ready. */
export async function openPreview(viewport: { width: number; height: number }): Promise<Session> {
  mkdirSync(OUTPUT, { recursive: true });
  const preview = await startPreview({ port: 0, distDir: DIST });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(preview.url);
  await page.waitForSelector("body[data-ready]");
  return {
    preview,
    browser,
    page,
    dialogs,
    close: async () => {
      await browser.close();
      await preview.close();
    },
  };
}

/** A test file's preview: opened before its tests (`opened` receives it), closed after them. */
export function previewForFile(
  viewport: { width: number; height: number },
  timeout: number,
  opened: (s: Session) => void | Promise<void>,
) {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openPreview(viewport);
    await opened(session);
  }, timeout);
  afterAll(async () => {
    await session?.close();
  });
}

/** "#f4c7c3" → "rgb(244, 199, 195)", as the browser reports colours. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * Characters of `selector`'s text that render as no glyph or as the missing-glyph box in that
 * element's own font (the font list with its fallbacks, as the page draws it): each character is
 * drawn on a canvas and compared with a private-use code point no font here covers.
 */
export async function missingGlyphs(where: Page | FrameLocator, selector: string, fontFamily?: string) {
  const locator = where.locator(selector).first();
  return locator.evaluate(async (el, family) => {
    const style = getComputedStyle(el);
    const font = `${style.fontWeight} 32px ${family ?? style.fontFamily}`;
    const chars = [...new Set([...(el.textContent ?? "")])].filter((ch) => /\S/.test(ch) && ch > "~");
    await document.fonts.load(font, chars.join(""));
    await document.fonts.ready;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 48;
    const g = canvas.getContext("2d")!;
    const draw = (ch: string) => {
      g.clearRect(0, 0, 48, 48);
      g.font = font;
      g.textBaseline = "top";
      g.fillText(ch, 4, 4);
      const { data } = g.getImageData(0, 0, 48, 48);
      let hash = 0;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) {
        hash = (hash * 31 + data[i]) >>> 0;
        if (data[i]) ink++;
      }
      return ink ? hash : -1;
    };
    const box = draw("\uE000");
    return { font, checked: chars.length, missing: chars.filter((ch) => [-1, box].includes(draw(ch))) };
  }, fontFamily);
}
