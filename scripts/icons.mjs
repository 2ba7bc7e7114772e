// Draws the add-on's icon (a KGI with three KPIs under it) and writes the PNG sizes the Google
// Workspace Marketplace and the Apps Script manifest ask for: docs/marketplace/icon-{32,48,96,128}.png.
// Uses the same browser as the tests (dev/browser.mjs). Run: node scripts/icons.mjs
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { LAUNCH_ARGS, resolveBrowser } from "../dev/browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ICON_SIZES = [32, 48, 96, 128];
const out = join(root, "docs", "marketplace");

/** 128-unit artwork: a green tile, the KGI box on top, three KPI boxes linked to it. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#188038"/>
  <path d="M64 44 V62 M28 62 H100 M28 62 V78 M64 62 V78 M100 62 V78" stroke="#fff" stroke-width="6" fill="none" stroke-linecap="round"/>
  <rect x="38" y="18" width="52" height="28" rx="7" fill="#fff"/>
  <rect x="10" y="78" width="36" height="28" rx="6" fill="#b7e1cd"/>
  <rect x="46" y="78" width="36" height="28" rx="6" fill="#fce8b2"/>
  <rect x="82" y="78" width="36" height="28" rx="6" fill="#f4c7c3"/>
</svg>`;

export async function writeIcons() {
  mkdirSync(out, { recursive: true });
  const found = resolveBrowser();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    args: LAUNCH_ARGS,
    env: { ...process.env, ...found.env },
  });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const img = ICON_SVG.replace("<svg ", `<svg width="${size}" height="${size}" `);
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${img}`);
      await page.screenshot({ path: join(out, `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeIcons();
  console.log(`wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(", ")} in docs/marketplace/`);
}
