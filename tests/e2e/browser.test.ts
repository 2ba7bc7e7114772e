// Which browser the tests use (dev/browser.mjs): the one shipped in the npm package on Linux x64,
// so `npm ci && npm test` needs no apt step; else CHROME_PATH or a Chromium/Chrome on the PATH.
// `KPI_BROWSER=packaged npm test` runs every browser test on the packaged one only (the fresh-machine check).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagedBrowser, resolveBrowser, systemBrowser } from "../../dev/browser.mjs";
import { ROOT } from "../helpers/dist";
import { launchBrowser } from "./harness";

const linuxX64 = process.platform === "linux" && process.arch === "x64";
const CACHE = join(ROOT, "node_modules", ".cache", "kpi-chromium");

describe("resolving the browser", () => {
  it.runIf(linuxX64)("takes the npm-packaged Chromium first, even with no browser on the PATH", () => {
    const found = resolveBrowser({ PATH: "" });
    expect(found.source).toBe("packaged");
    expect(found.executablePath.startsWith(CACHE)).toBe(true);
    expect(existsSync(found.executablePath)).toBe(true);
    expect(resolveBrowser({ KPI_BROWSER: "packaged", CHROME_PATH: "/usr/bin/true" }).source).toBe("packaged");
  });

  it("uses CHROME_PATH when set, and says so when it does not exist", () => {
    expect(resolveBrowser({ CHROME_PATH: process.execPath })).toMatchObject({
      source: "CHROME_PATH",
      executablePath: process.execPath,
    });
    expect(() => resolveBrowser({ CHROME_PATH: "/no/such/chrome" })).toThrow(/CHROME_PATH=\/no\/such\/chrome/);
    expect(() => resolveBrowser({ KPI_BROWSER: "firefox" })).toThrow(/"packaged" or "system"/);
  });

  it("finds a system browser on the PATH only", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-path-"));
    try {
      writeFileSync(join(dir, "chromium"), "");
      expect(systemBrowser(dir)?.executablePath).toBe(join(dir, "chromium"));
      expect(resolveBrowser({ KPI_BROWSER: "system", PATH: dir }).executablePath).toBe(join(dir, "chromium"));
      if (process.platform !== "darwin") {
        expect(systemBrowser("")).toBeUndefined();
        expect(() => resolveBrowser({ KPI_BROWSER: "system", PATH: "" })).toThrow(/No browser found.*CHROME_PATH/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(linuxX64 && existsSync("/usr/bin/ldd"))(
    "the packaged Chromium needs nothing from the system but glibc (its NSS libraries come with it)",
    () => {
      const found = packagedBrowser()!;
      const out = execFileSync("/usr/bin/ldd", [found.executablePath], {
        env: { ...process.env, ...found.env },
      }).toString();
      expect(out).not.toMatch(/not found/);
      const fromSystem = [...out.matchAll(/^\s*(\S+) => (\S+)/gm)]
        .filter(([, , path]) => !path.startsWith(CACHE))
        .map(([, lib]) => lib.replace(/\.so.*$/, ""));
      expect(fromSystem.every((lib) => /^(libc|libm|libdl|libpthread|librt|libgcc_s|ld-linux.*)$/.test(lib))).toBe(
        true,
      );
      expect(out).toMatch(/libnss3\.so => \S+kpi-chromium/);
    },
  );

  it.runIf(process.env.KPI_BROWSER === "packaged")(
    "KPI_BROWSER=packaged: the browser tests launch the packaged Chromium",
    async () => {
      expect(resolveBrowser().executablePath).toBe(packagedBrowser()!.executablePath);
      const browser = await launchBrowser();
      try {
        const pkg = join(ROOT, "node_modules", "@sparticuz", "chromium", "package.json");
        const major = JSON.parse(readFileSync(pkg, "utf8")).version.split(".")[0];
        expect(browser.version().split(".")[0]).toBe(major);
      } finally {
        await browser.close();
      }
    },
    30_000,
  );
});
