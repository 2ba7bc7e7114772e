// Loads dist/Code.js the way Apps Script does: one global scope holding only
// Apps Script's globals (none here unless given) and the JS built-ins.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

/** dist/ is built once per vitest run by tests/globalSetup.ts. */
export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

export function distCode(): string {
  return readFileSync(join(DIST, "Code.js"), "utf8");
}

export function loadDist(
  globals: Record<string, unknown> = {},
  code = distCode(),
): Record<string, (...args: unknown[]) => unknown> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: "Code.js" });
  return context as Record<string, (...args: unknown[]) => unknown>;
}
