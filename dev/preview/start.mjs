// Entry point of `npm start`: builds the add-on, compiles the preview server
// (TypeScript) with esbuild, and runs it. Node cannot run .ts files itself here.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { build } from "../../scripts/build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
await build();
const out = join(root, "node_modules", ".cache", "kpi-preview", "main.mjs");
mkdirSync(dirname(out), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, "dev", "preview", "main.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile: out,
  // The server reads index.html and page.ts next to its own source.
  define: { "import.meta.url": JSON.stringify(pathToFileURL(join(root, "dev", "preview", "server.ts")).href) },
  logLevel: "warning",
});
await import(pathToFileURL(out).href);
