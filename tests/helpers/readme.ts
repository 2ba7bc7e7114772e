// The README as the tests read it: a part of it between two markers, and its Markdown tables as grids,
// so every test that keeps a README table true reads tables the same way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./dist";

/** The README's text after the first `from` and before the next `to` (e.g. `<!-- x -->`, `<!-- /x -->`). */
export function readmePart(from: string, to: string): string {
  const after = readFileSync(join(ROOT, "README.md"), "utf8").split(from)[1];
  if (after === undefined) throw new Error(`README has no ${from}`);
  return after.split(to)[0];
}

/** The Markdown tables of a text, in order: each one's rows, header first, separator left out, cells trimmed. */
export function markdownTables(text: string): string[][][] {
  const tables: string[][][] = [];
  let rows: string[][] = [];
  for (const line of [...text.split("\n"), ""]) {
    if (line.startsWith("|")) {
      if (!line.startsWith("|---"))
        rows.push(
          line
            .split("|")
            .slice(1, -1)
            .map((c) => c.trim()),
        );
    } else if (rows.length) {
      tables.push(rows);
      rows = [];
    }
  }
  return tables;
}
