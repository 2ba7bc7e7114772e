// The import graph of the project's own TypeScript (src/ and dev/, type-only
// imports included) and its cycles. `node scripts/imports.mjs` lists any cycle
// and exits 1; tests/structure/imports.test.ts runs the same check in
// `npm test`, together with the layering rules of src/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = /\.(ts|tsx)$/;
/** `import … from "x"`, `import "x"`, `export … from "x"`, `import("x")`. */
const SPECIFIER =
  /(?:^|[;\s])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|[;\s])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** File → the project files it imports, paths relative to the project root. */
export function importGraph(dirs = ["src", "dev"]) {
  const graph = new Map();
  for (const dir of dirs)
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, "utf8");
      const targets = new Set();
      for (const m of text.matchAll(SPECIFIER)) {
        const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
        if (target && SOURCE.test(target)) targets.add(relative(root, target));
      }
      graph.set(relative(root, file), [...targets]);
    }
  return graph;
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan, iterative). */
export function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const found = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1]++;
        const to = edges[i];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || edges.includes(node)) found.push(component.sort());
      }
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = cycles(importGraph());
  for (const c of found) console.log(`import cycle among: ${c.join(", ")}`);
  if (found.length) process.exit(1);
  console.log("no import cycles in src/ and dev/");
}
