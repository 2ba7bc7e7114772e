import { resolveBrowser } from "../dev/browser.mjs";
// @ts-expect-error: plain ESM build script without type declarations
import { build } from "../scripts/build.mjs";

export default async function setup(): Promise<void> {
  await build();
  // Unpacks the packaged Chromium once, before the browser tests run in parallel workers.
  resolveBrowser();
}
