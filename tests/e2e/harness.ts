// One way to open the local preview in Debian's headless Chromium for every
// browser test (never a downloaded browser).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Preview, startPreview } from "../../dev/preview/server";
import { DIST, ROOT } from "../helpers/dist";

export const OUTPUT = join(ROOT, "tests", "output");
const CHROMIUM = "/usr/bin/chromium";
// Without the networking flags Chromium keeps trying Google's hosts on this closed network.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

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
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download browsers)`);
  mkdirSync(OUTPUT, { recursive: true });
  const preview = await startPreview({ port: 0, distDir: DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
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

/** "#f4c7c3" → "rgb(244, 199, 195)", as the browser reports colours. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
