// Builds the Apps Script project in dist/: one Code.js holding the bundle and
// a top-level declaration (with its JSDoc) per entry point, appsscript.json,
// and Sidebar.html, Diagram.html (the tree diagram dialog) and Help.html (the help dialog).
//
// Production (default, what the tests exercise and `npm run push:prod` ships): minified, with
// dist/Code.js.map beside it (never pushed: .claspignore) for `npm run stack`, and exception
// logging off, because error messages name users' KPIs and values (privacy policy).
// Development (`--dev`, what `npm run push` ships to the dev script): unminified, exceptions logged.
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
 * host; bound once as parameters of a wrapper they are plain closure variables (bench/harness.mjs binds
 * HyperFormula so; our bundle binds them by injection, builtinsInjected).
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

/**
 * The same binding for our bundle, done by esbuild: an injected module `const Math$ = Math; export { Math$ as Math }`
 * per built-in replaces every free `Math` of the sources with one module-level variable, read once at load.
 * Minified, that variable gets a short local name like any other (`g.max(…)`), which saves about 1 KB of
 * Code.js over a wrapper whose parameters keep the global names. Only identifiers are renamed, never properties.
 */
export const BUILTINS_MODULE = "kpi-tree:builtins";
export function builtinsInjected() {
  const contents = `${BUILTINS.map((n) => `const ${n}$ = ${n};`).join("\n")}\nexport { ${BUILTINS.map((n) => `${n}$ as ${n}`)} };`;
  return {
    name: "builtins",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${BUILTINS_MODULE}$`) }, () => ({
        path: BUILTINS_MODULE,
        namespace: "builtins",
      }));
      b.onLoad({ filter: /.*/, namespace: "builtins" }, () => ({ contents, loader: "js" }));
    },
  };
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

/**
 * `function NAME(a, b) { return KpiTree.NAME(a, b); }` after its JSDoc; in production on one line, and where the
 * parameters are longer to write than `...arguments`, passing on the arguments as Sheets or google.script.run gave them.
 */
function wrapper(doc, name, params, dev = true) {
  const list = params.join(",");
  const args = list.length > "...arguments".length ? "...arguments" : list;
  if (!dev) return `${doc ? `${doc}\n` : ""}function ${name}(${list}){return ${GLOBAL}.${name}(${args})}\n`;
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
    outfile: join(dist, "bundle.js"),
    ...options,
  });
  const file = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text;
  return { code: file(".js"), map: file(".js.map") };
}

/** The texts of the custom functions' help: Sheets reads them from the JSDoc, nothing at run time reads the spec's. */
function helpTexts(specs) {
  const texts = new Set();
  for (const spec of specs) {
    texts.add(spec.summary).add(spec.returns);
    for (const p of spec.params) texts.add(p.help).add(p.example);
  }
  return [...texts].filter((t) => t.length > 8);
}

/** `, help: "…"` (or summary, returns, example) in a declaration of src/functions/: a single-line string or template. */
const HELP_FIELD =
  /,\s*\b(?:summary|returns|help|example):\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\\n]|\\.)*`)/g;

/**
 * An esbuild plugin that writes each help text of the custom functions as "" where src/functions/
 * spells it as one string literal, then drops the help fields: the shipped bundle then holds the help
 * once, in the JSDoc Sheets reads, instead of twice, and the registry only names, parameters and shapes.
 * Lines stay as they were, so the source map still finds every line.
 */
export function withoutHelp(specs) {
  const literals = helpTexts(specs).flatMap((t) => [JSON.stringify(t), `'${t.replace(/['\\]/g, "\\$&")}'`]);
  return {
    name: "without-help",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]functions[\\/][^\\/]+\.ts$/ }, (args) => {
        let contents = readFileSync(args.path, "utf8");
        for (const literal of literals) contents = contents.split(literal).join('""');
        // Then the declarations' help fields themselves (what is left of them: "" or a short sample such as
        // "A1:H30"), newlines kept: nothing at run time reads them.
        contents = contents.replace(HELP_FIELD, (field) => field.replace(/[^\n]/g, ""));
        return { contents, loader: "ts" };
      });
    },
  };
}

/** The manifest as pushed: exception logging only in development. */
export function manifest({ dev = false } = {}) {
  const json = JSON.parse(readFileSync(join(root, "appsscript.json"), "utf8"));
  return `${JSON.stringify({ ...json, exceptionLogging: dev ? "STACKDRIVER" : "NONE" }, null, 2)}\n`;
}

/**
 * `"use strict";var KpiTree=(function(){<esbuild's ESM output>return{KPI_TREE:a, …}})();`:
 * the module's closing `export{a as KPI_TREE, …}` becomes the returned object literal, so loading the bundle
 * builds one plain object (an IIFE build copies every export onto it through getters, `__toCommonJS`, each
 * time Sheets loads Code.js). The module's text starts on a line of its own, so the source map stays right
 * with LINES_BEFORE_BUNDLE more lines in front.
 */
function wrapBundle(esm) {
  const tail = /export\s*\{([^}]*)\};?\s*$/.exec(esm);
  if (!tail || /^\s*(import|export)\b/m.test(esm.slice(0, tail.index))) throw new Error("unexpected esbuild ESM shape");
  const props = tail[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [local, name = local] = s.split(/\s+as\s+/);
      return `${name}:${local}`;
    });
  return `"use strict";var ${GLOBAL}=(function(){\n${esm.slice(0, tail.index)}return{${props}}\n})();`;
}

/** Banner line + the wrapper's opening line. */
const LINES_BEFORE_BUNDLE = 2;

export async function build({ dev = false, outDir = dist } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const options = {
    format: "esm",
    platform: "neutral",
    minify: !dev,
    sourcemap: "external",
    sourcesContent: false,
    inject: [BUILTINS_MODULE],
  };
  const full = await bundle("src/main.ts", { ...options, plugins: [builtinsInjected()] });
  const specs = registryOf(wrapBundle(full.code.trim()));
  // Production ships the help once (in the JSDoc below); the registry keeps names, parameters and shapes.
  const bundled = dev
    ? full
    : await bundle("src/main.ts", { ...options, plugins: [builtinsInjected(), withoutHelp(specs)] });
  const code = wrapBundle(bundled.code.trim());
  const shipped = registryOf(code).map(({ name, params, shape }) => ({
    name,
    params: params.map((p) => [p.name, !!p.optional]),
    shape,
  }));
  const declared = specs.map(({ name, params, shape }) => ({
    name,
    params: params.map((p) => [p.name, !!p.optional]),
    shape,
  }));
  if (JSON.stringify(shipped) !== JSON.stringify(declared)) throw new Error("stripping the help changed the registry");
  const wrappers = [
    ...specs.map((spec) =>
      wrapper(
        customFunctionDoc(spec),
        spec.name,
        spec.params.map((p) => p.name),
        dev,
      ),
    ),
    // Apps Script reads no JSDoc on the entry points (only custom functions' shows in Sheets): the
    // production build, which Sheets loads for every custom-function call, leaves their docs in src/.
    ...entryPoints(readFileSync(join(root, ENTRY_FILE), "utf8"), ENTRY_FILE).map(({ doc, name, params }) =>
      wrapper(dev ? doc : "", name, params, dev),
    ),
  ];
  const banner = "// KPI Tree for Google Sheets. Built file: edit src/ and run `npm run build`.\n";
  writeFileSync(join(outDir, "Code.js"), `${banner}${code}\n\n${wrappers.join("\n")}`);
  // Each ";" of the mappings is one generated line with nothing mapped.
  const map = JSON.parse(bundled.map);
  const mappings = `${";".repeat(LINES_BEFORE_BUNDLE)}${map.mappings}`;
  writeFileSync(join(outDir, "Code.js.map"), JSON.stringify({ ...map, file: "Code.js", mappings }));
  writeFileSync(join(outDir, "appsscript.json"), manifest({ dev }));

  // The sidebar, the diagram dialog and the help: each one self-contained HTML file (script and styles inlined
  // into the same page template).
  const pages = [
    ["src/sidebar/main.ts", "src/sidebar/style.css", "src/sidebar/index.html", "Sidebar.html"],
    ["src/sidebar/diagramMain.ts", "src/sidebar/diagram.css", "src/sidebar/index.html", "Diagram.html"],
    ["src/sidebar/helpMain.ts", "src/sidebar/help.css", "src/sidebar/index.html", "Help.html"],
  ];
  for (const [entry, style, page, out] of pages) {
    if (!existsSync(join(root, entry))) continue;
    const { code: script } = await bundle(entry, { format: "iife", platform: "browser", minify: !dev });
    const css = existsSync(join(root, style)) ? readFileSync(join(root, style), "utf8") : "";
    const html = readFileSync(join(root, page), "utf8")
      .replace("/*STYLE*/", () => css)
      // </script> inside the bundle would end the tag early.
      .replace("/*SCRIPT*/", () => script.replace(/<\/script/gi, "<\\/script"));
    writeFileSync(join(outDir, out), html);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dev = process.argv.includes("--dev");
  await build({ dev });
  console.log(`built dist/ (${dev ? "development: unminified, exceptions logged" : "production"})`);
}
