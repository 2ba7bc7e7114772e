// The stand-in runs the BUILT bundle. `npm test` builds first; a lone
// `npx vitest run tests/standin` builds only when dist/ is missing, so test
// files running in parallel never see dist/ half-rewritten.
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const BUILD_SCRIPT = "../../scripts/build.mjs";

export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(DIST, "Code.js"))) return;
  const { build } = (await import(BUILD_SCRIPT)) as { build: () => Promise<void> };
  await build();
}
