// Release path. `npm run push` → the development script (.clasp.json); `npm run push:prod` → the
// production script that the Marketplace listing points at (.clasp.prod.json). Both refuse a
// placeholder script ID, then run the whole test suite (type-check, lint, tests), then `clasp push`.
// Development gets an unminified build that logs exceptions (readable stack traces in the Apps Script
// editor); production gets the tested minified build, exception logging off (see the privacy policy),
// and dist/Code.js.map beside it for `npm run stack`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "./build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROJECTS = { dev: ".clasp.json", prod: ".clasp.prod.json" };

/** The project file's script ID, or an error saying what to put there. */
export function scriptId(target) {
  const file = join(root, PROJECTS[target]);
  if (!existsSync(file)) throw new Error(`${PROJECTS[target]} is missing (see README › Publishing)`);
  const { scriptId: id, rootDir } = JSON.parse(readFileSync(file, "utf8"));
  if (rootDir !== "dist") throw new Error(`${PROJECTS[target]}: rootDir must be "dist" (what the tests check)`);
  if (!id || /^REPLACE_/.test(id))
    throw new Error(`${PROJECTS[target]}: put the ${target} script's ID there (Apps Script › Project settings › IDs)`);
  return id;
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!(target in PROJECTS)) throw new Error("usage: node scripts/push.mjs dev|prod");
  try {
    scriptId(target);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  run("npm", ["test"]);
  // npm test left the production build in dist/; development gets the readable one.
  if (target === "dev") await build({ dev: true });
  run("npx", ["clasp", "--project", PROJECTS[target], "push"]);
}
