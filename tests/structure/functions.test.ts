// Functions short enough to read at once: no function, arrow function, method
// or component of src/ or dev/ runs past LIMIT lines, from the line it starts
// on to the line it ends on (its nested functions included). Split a longer one
// into named pieces that each say one thing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "@babel/parser";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/dist";

const LIMIT = 80;
const FOLDERS = ["src", "dev"];
const SOURCE = /\.(ts|tsx|mjs|js)$/;

const FUNCTIONS = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
  "ClassPrivateMethod",
]);
/** Keys of a Babel node that hold positions or comments, not code. */
const NOT_CODE = new Set(["loc", "start", "end", "extra", "leadingComments", "trailingComments", "innerComments"]);

interface Node {
  type: string;
  loc: { start: { line: number }; end: { line: number } };
  id?: { name?: string } | null;
  key?: { name?: string; value?: unknown };
  [key: string]: unknown;
}

/** What a function is called where it is defined: its own name, its variable's, its property's or its method's. */
function nameOf(node: Node, around: string): string {
  return node.id?.name ?? node.key?.name ?? around;
}

/** The name a child function would take from this node (`const x = () => …`, `{ x: () => … }`). */
function nameFor(node: Node, around: string): string {
  if (node.type === "VariableDeclarator" || node.type === "AssignmentExpression") return nameOf(node, around);
  if (node.type === "ObjectProperty" || node.type === "ClassProperty")
    return node.key?.name ?? String(node.key?.value ?? around);
  return around;
}

/** Every function of one file longer than `limit` lines, as `file:line name (lines)`. */
function longFunctions(code: string, file: string, limit = LIMIT): string[] {
  const plugins: ("typescript" | "jsx")[] = file.endsWith(".tsx") ? ["typescript", "jsx"] : [];
  if (file.endsWith(".ts")) plugins.push("typescript");
  const program = parse(code, { sourceType: "module", plugins }).program as unknown as Node;
  const found: string[] = [];
  const walk = (node: Node, around: string): void => {
    if (FUNCTIONS.has(node.type)) {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > limit) found.push(`${file}:${node.loc.start.line} ${nameOf(node, around)} (${lines} lines)`);
    }
    const name = nameFor(node, around);
    for (const [key, value] of Object.entries(node)) {
      if (NOT_CODE.has(key) || !value || typeof value !== "object") continue;
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof (child as Node).type === "string") walk(child as Node, name);
    }
  };
  walk(program, "(anonymous)");
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** `n` lines of statements, for a body of that many lines plus its braces. */
const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  f(${i});`).join("\n");

describe("function length", () => {
  it("measures declarations, arrows, methods and components, nested ones too, from first line to last", () => {
    const code = [
      `export function long(a: number): void {\n${body(81)}\n}`,
      `function fits(): void {\n${body(80)}\n}`,
      `const arrow = (x: number) => {\n${body(81)}\n};`,
      `class C {\n  method() {\n${body(81)}\n  }\n}`,
      `const o = { prop: function () {\n${body(81)}\n} };`,
    ].join("\n");
    expect(longFunctions(code, "a.ts").map((f) => f.replace(/:\d+/, ""))).toEqual([
      "a.ts long (81 lines)",
      "a.ts arrow (81 lines)",
      "a.ts method (81 lines)",
      "a.ts prop (81 lines)",
    ]);
    const component = `export function View() {\n  return (\n    <ul>\n${body(80)}\n    </ul>\n  );\n}`;
    expect(longFunctions(component, "v.tsx")).toEqual(["v.tsx:1 View (84 lines)"]);
    const outer = `function outer() {\n  const inner = () => {\n${body(81)}\n  };\n}`;
    expect(longFunctions(outer, "b.mjs")).toEqual(["b.mjs:1 outer (83 lines)", "b.mjs:2 inner (81 lines)"]);
  });

  it(`src/ and dev/ have no function past ${LIMIT} lines`, () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(50);
    const long = files.flatMap((file) => longFunctions(readFileSync(file, "utf8"), relative(ROOT, file)));
    expect(long).toEqual([]);
  });
});
