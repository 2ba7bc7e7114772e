// Builds the Apps Script project in dist/: one Code.js holding the bundle and
// a top-level declaration (with its JSDoc) per entry point, appsscript.json,
// and Sidebar.html when the sidebar exists.
//
// Why generate declarations: Apps Script only sees top-level function
// declarations (custom functions, onOpen, google.script.run targets), while
// esbuild wraps everything in an IIFE and drops JSDoc. The custom functions'
// declarations come from their registry (KpiTree.CUSTOM_FUNCTIONS, read from
// the bundle itself); the add-on's entry points from their JSDoc in
// src/addon/entrypoints.ts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const GLOBAL = "KpiTree";
/** The file whose exported functions become top-level declarations, with their JSDoc. */
const ENTRY_FILE = "src/addon/entrypoints.ts";

/** `/** doc *\/ export function NAME(a: T, b?: U)` → { doc, name, params }. */
export function entryPoints(source, file) {
  const found = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export function (\w+)\(([^)]*)\)/g;
  for (const m of source.matchAll(re)) {
    const params = m[3]
      .split(",")
      .map((p) =>
        p
          .trim()
          .replace(/[?:].*$/s, "")
          .trim(),
      )
      .filter(Boolean);
    found.push({ doc: m[1], name: m[2], params });
  }
  const exported = [...source.matchAll(/export function (\w+)/g)].map((m) => m[1]);
  const missing = exported.filter((n) => !found.some((f) => f.name === n));
  if (missing.length) throw new Error(`${file}: exported functions need a JSDoc block: ${missing.join(", ")}`);
  return found;
}

/**
 * ECMAScript built-ins the bundle may use. In a V8 context whose global object
 * is not an ordinary one (Node's vm, and any host that intercepts global
 * lookups), every `Math` or `Number` read inside a hot loop goes through the
 * host; bound once as parameters of a wrapper they are plain closure variables.
 */
const BUILTINS = [
  "Array",
  "Date",
  "Error",
  "Float64Array",
  "Int32Array",
  "Intl",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "RangeError",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  "Uint8Array",
  "Uint32Array",
  "WeakMap",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
];

/** `body` run with the built-ins it mentions bound once: `(function (Math, …) { body }).call(this, Math, …)`. */
export function bindBuiltins(body) {
  const used = BUILTINS.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  return `(function(${used}){${body}\n}).call(this${used.map((n) => `,${n}`).join("")})`;
}

/** The custom functions' declarations, as the bundle carries them: name, parameters, help. */
export function registryOf(code) {
  const scope = vm.createContext({});
  vm.runInContext(code, scope);
  const api = scope[GLOBAL];
  const specs = (api?.CUSTOM_FUNCTIONS ?? []).map((fn) => fn.spec);
  if (!specs.length) throw new Error(`the bundle has no ${GLOBAL}.CUSTOM_FUNCTIONS`);
  for (const spec of specs)
    if (api[spec.name]?.spec !== spec) throw new Error(`${spec.name} is registered but not exported under that name`);
  return specs;
}

/** A JSDoc comment line: no line breaks, no comment end inside. */
const docLine = (text) => text.replace(/\s*\n\s*/g, " ").replace(/\*\//g, "*\\/");

/** The JSDoc Sheets reads for autocomplete: summary, @param {example} name help, @return, @customfunction. */
export function customFunctionDoc(spec) {
  const params = spec.params.map(
    (p) => ` * @param {${docLine(p.example)}} ${p.name} ${p.optional ? "Optional. " : ""}${docLine(p.help)}`,
  );
  return [
    "/**",
    ` * ${docLine(spec.summary)}`,
    " *",
    ...params,
    ` * @return ${docLine(spec.returns)}`,
    " * @customfunction",
    " */",
  ].join("\n");
}

function wrapper(doc, name, params) {
  return `${doc}\nfunction ${name}(${params.join(", ")}) {\n  return ${GLOBAL}.${name}(${params.join(", ")});\n}\n`;
}

async function bundle(entry, options = {}) {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    target: "es2020",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    ...options,
  });
  return result.outputFiles[0].text;
}

export async function build() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  const iife = (await bundle("src/main.ts", { format: "iife", globalName: GLOBAL, platform: "neutral" })).trim();
  const prefix = `"use strict";var ${GLOBAL}=`;
  if (!iife.startsWith(prefix) || !iife.endsWith(";")) throw new Error("unexpected esbuild IIFE shape");
  const code = `${prefix}${bindBuiltins(`return ${iife.slice(prefix.length, -1)}`)};`;
  const wrappers = [
    ...registryOf(code).map((spec) =>
      wrapper(
        customFunctionDoc(spec),
        spec.name,
        spec.params.map((p) => p.name),
      ),
    ),
    ...entryPoints(readFileSync(join(root, ENTRY_FILE), "utf8"), ENTRY_FILE).map(({ doc, name, params }) =>
      wrapper(doc, name, params),
    ),
  ];
  const banner = "// KPI Tree for Google Sheets. Built file: edit src/ and run `npm run build`.\n";
  writeFileSync(join(dist, "Code.js"), `${banner}${code}\n\n${wrappers.join("\n")}`);
  writeFileSync(join(dist, "appsscript.json"), readFileSync(join(root, "appsscript.json")));

  if (existsSync(join(root, "src/sidebar/main.ts"))) {
    const script = await bundle("src/sidebar/main.ts", { format: "iife", platform: "browser" });
    const css = existsSync(join(root, "src/sidebar/style.css"))
      ? readFileSync(join(root, "src/sidebar/style.css"), "utf8")
      : "";
    const html = readFileSync(join(root, "src/sidebar/index.html"), "utf8")
      .replace("/*STYLE*/", () => css)
      // </script> inside the bundle would end the tag early.
      .replace("/*SCRIPT*/", () => script.replace(/<\/script/gi, "<\\/script"));
    writeFileSync(join(dist, "Sidebar.html"), html);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build();
  console.log("built dist/");
}
