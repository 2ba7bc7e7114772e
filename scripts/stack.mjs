// Readable stack traces from the minified production build: maps "Code:LINE:COLUMN" frames of an
// Apps Script stack trace to src/ files through dist/Code.js.map, written by `npm run build` beside
// Code.js (clasp does not push it: .claspignore).
//   npm run stack -- "at KPI_ROLLUP (Code:2:18342)"     or     pbpaste | npm run stack
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Rewrites every "Code:LINE:COLUMN" (also Code.gs / Code.js) as "src/…:LINE:COLUMN (Code:…)". */
export function mapStack(text, map) {
  const sourceMap = new SourceMap(map);
  return text.replace(/\bCode(?:\.gs|\.js)?:(\d+):(\d+)/g, (frame, line, column) => {
    // Stack traces count from 1; source maps from 0.
    const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return frame;
    const file = entry.originalSource.startsWith("file://")
      ? relative(root, fileURLToPath(entry.originalSource))
      : entry.originalSource.replace(/^(\.\.\/)+/, "");
    return `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1} (${frame})`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const map = JSON.parse(readFileSync(join(root, "dist", "Code.js.map"), "utf8"));
  const text = process.argv.slice(2).join(" ") || readFileSync(0, "utf8");
  console.log(mapStack(text, map));
}
