// The release path: what clasp pushes (dist/, without the source map), the production manifest
// (exception logging off: error messages name users' KPIs), the development build (readable,
// exceptions logged), stack traces mapped back to src/, and the two script projects.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM build script without type declarations
import { build } from "../../scripts/build.mjs";
// @ts-expect-error: plain ESM script without type declarations
import { PROJECTS, scriptId } from "../../scripts/push.mjs";
// @ts-expect-error: plain ESM script without type declarations
import { mapStack } from "../../scripts/stack.mjs";
import { DIST, distCode, ROOT } from "../helpers/dist";

const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("the production build (dist/)", () => {
  it("holds the project files clasp pushes, and the source map that .claspignore keeps out", () => {
    expect(readdirSync(DIST).sort()).toEqual([
      "Code.js",
      "Code.js.map",
      "Diagram.html",
      "Help.html",
      "Sidebar.html",
      "appsscript.json",
    ]);
    expect(readFileSync(join(ROOT, ".claspignore"), "utf8")).toMatch(/^\*\*\/\*\.map$/m);
  });

  it("turns exception logging off, so no KPI name or value reaches the developer's Cloud logs", () => {
    expect(json(join(DIST, "appsscript.json")).exceptionLogging).toBe("NONE");
  });

  it("maps a stack frame of the minified Code.js back to the source line", () => {
    const code = distCode();
    const lines = code.split("\n");
    // A string that only src/core/rules.ts holds: the status rules' marker (RULE_MARK).
    const line = lines.findIndex((l) => l.includes('"kpi-tree"'));
    expect(line).toBeGreaterThan(0);
    const column = lines[line].indexOf('"kpi-tree"');
    const mapped = mapStack(`at applyStatusColors (Code:${line + 1}:${column + 1})`, json(join(DIST, "Code.js.map")));
    expect(mapped).toMatch(/^at applyStatusColors \(src\/core\/rules\.ts:\d+:\d+ \(Code:\d+:\d+\)\)$/);
  });
});

describe("the development build (npm run push)", () => {
  it("is unminified and logs exceptions", async () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-dev-"));
    try {
      await build({ dev: true, outDir: out });
      const code = readFileSync(join(out, "Code.js"), "utf8");
      expect(code.split("\n").length).toBeGreaterThan(distCode().split("\n").length * 5);
      expect(code).toMatch(/function rollupValues\(|function readTree\(/);
      expect(json(join(out, "appsscript.json")).exceptionLogging).toBe("STACKDRIVER");
      expect(json(join(out, "appsscript.json")).oauthScopes).toEqual(json(join(DIST, "appsscript.json")).oauthScopes);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("script projects", () => {
  it("are two: .clasp.json (development) and .clasp.prod.json (production), both pushing dist/", () => {
    expect(PROJECTS).toEqual({ dev: ".clasp.json", prod: ".clasp.prod.json" });
    for (const file of Object.values(PROJECTS) as string[]) expect(json(join(ROOT, file)).rootDir).toBe("dist");
    // Placeholders in the repository: a push stops before testing and says what to fill in.
    expect(() => scriptId("dev")).toThrow(/\.clasp\.json: put the dev script's ID there/);
    expect(() => scriptId("prod")).toThrow(/\.clasp\.prod\.json: put the prod script's ID there/);
  });

  it("npm run push and push:prod go through the tests first", () => {
    const scripts = json(join(ROOT, "package.json")).scripts;
    expect(scripts.push).toBe("node scripts/push.mjs dev");
    expect(scripts["push:prod"]).toBe("node scripts/push.mjs prod");
    expect(readFileSync(join(ROOT, "scripts", "push.mjs"), "utf8")).toMatch(
      /run\("npm", \["test"\]\);[\s\S]*clasp", "--project"/,
    );
  });
});
