// Which Chromium the browser tests, the icon script and the listing screenshots use.
// Plain ESM (with browser.d.mts beside it) so that both vitest and plain `node scripts/…` load it.
//
// Order: KPI_BROWSER=packaged|system forces one; else CHROME_PATH (a browser the user names);
// else the Chromium shipped inside the npm package @sparticuz/chromium (Linux x64 only);
// else a chromium/chrome found on the PATH (macOS: also the usual app bundles).
//
// The packaged browser needs nothing from the system beyond glibc: its brotli-packed binary,
// the NSS libraries it links (al2023.tar.br) and one Latin font are unpacked once per version
// into node_modules/.cache/kpi-chromium/<version>/, and it runs with a fontconfig file that
// lists only that folder, so system fonts (CJK or not) never affect what it renders.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE = "@sparticuz/chromium";

/** Flags of every launch. Without the networking ones Chromium keeps trying Google's hosts on a closed network. */
export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** The package's folder, or undefined when it is not installed. */
function packageDir() {
  try {
    // The package exports only its entry (build/cjs/index.cjs); its bin/ is two folders up.
    return join(dirname(createRequire(join(ROOT, "package.json")).resolve(PACKAGE)), "..", "..");
  } catch {
    return undefined;
  }
}

/** Regular files of an (uncompressed) ustar archive: [path, content]. */
function* tarFiles(buffer) {
  for (let at = 0; at + 512 <= buffer.length; ) {
    const header = buffer.subarray(at, at + 512);
    const text = (from, to) => header.toString("utf8", from, to).replace(/\0.*$/s, "");
    const name = text(0, 100);
    if (!name) return;
    const size = Number.parseInt(text(124, 136).trim() || "0", 8);
    const prefix = text(345, 500);
    if (text(156, 157) === "0" || text(156, 157) === "") {
      yield [prefix ? `${prefix}/${name}` : name, buffer.subarray(at + 512, at + 512 + size)];
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

function unpack(bin, dir) {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, "chromium"), brotliDecompressSync(readFileSync(join(bin, "chromium.br"))));
  chmodSync(join(tmp, "chromium"), 0o755);
  for (const archive of ["al2023.tar.br", "fonts.tar.br"]) {
    const into = join(tmp, archive.replace(".tar.br", ""));
    for (const [path, content] of tarFiles(brotliDecompressSync(readFileSync(join(bin, archive))))) {
      mkdirSync(dirname(join(into, path)), { recursive: true });
      writeFileSync(join(into, path), content);
    }
  }
  const conf = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, "fonts")}</dir>\n  <cachedir>${join(dir, "fontcache")}</cachedir>\n</fontconfig>\n`;
  writeFileSync(join(tmp, "fonts.conf"), conf);
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another process unpacked it first: keep theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, "chromium"))) throw e;
  }
}

/** The packaged Chromium, unpacked on first use; undefined where the package has no binary. */
export function packagedBrowser() {
  const dir = packageDir();
  if (!dir || process.platform !== "linux" || process.arch !== "x64") return undefined;
  const bin = join(dir, "bin");
  if (!existsSync(join(bin, "chromium.br"))) return undefined;
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const cache = join(ROOT, "node_modules", ".cache", "kpi-chromium", version);
  if (!existsSync(join(cache, "chromium"))) unpack(bin, cache);
  const libs = join(cache, "al2023", "lib");
  return {
    source: "packaged",
    executablePath: join(cache, "chromium"),
    env: {
      LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter),
      FONTCONFIG_FILE: join(cache, "fonts.conf"),
    },
  };
}

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const MAC_APPS = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** A Chromium or Chrome on the PATH (only the PATH: hiding a folder from it hides its browser). */
export function systemBrowser(path = process.env.PATH ?? "") {
  const onPath = path
    .split(delimiter)
    .filter(Boolean)
    .flatMap((d) => SYSTEM_NAMES.map((n) => join(d, n)));
  const found = [...onPath, ...(process.platform === "darwin" ? MAC_APPS : [])].find((p) => existsSync(p));
  return found ? { source: "system", executablePath: found, env: {} } : undefined;
}

/**
 * The browser to launch: { source, executablePath, env } (env: extra variables for its process).
 * Throws with what to do when none is found.
 */
export function resolveBrowser(env = process.env) {
  const mode = env.KPI_BROWSER ?? "";
  if (mode && mode !== "packaged" && mode !== "system")
    throw new Error(`KPI_BROWSER=${mode}: use "packaged" or "system" (or leave it unset)`);
  if (mode !== "packaged" && mode !== "system" && env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH=${env.CHROME_PATH} does not exist`);
    return { source: "CHROME_PATH", executablePath: env.CHROME_PATH, env: {} };
  }
  const found =
    mode === "system"
      ? systemBrowser(env.PATH)
      : mode === "packaged"
        ? packagedBrowser()
        : (packagedBrowser() ?? systemBrowser(env.PATH));
  if (found) return found;
  throw new Error(
    mode === "packaged"
      ? `KPI_BROWSER=packaged: ${PACKAGE} has no Chromium for ${process.platform}-${process.arch} (or is not installed: npm ci)`
      : `No browser found: ${PACKAGE} has no Chromium for ${process.platform}-${process.arch} and none of ${SYSTEM_NAMES.join(", ")} is on the PATH. Install Chrome or Chromium, or set CHROME_PATH=/path/to/chrome.`,
  );
}
