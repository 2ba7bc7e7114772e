// The shape of the code: no import cycles (type-only imports included), and
// each layer of src/ imports only the layers below it.
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without type declarations
import { cycles, importGraph } from "../../scripts/imports.mjs";

type Graph = Map<string, string[]>;
const graph: Graph = importGraph();

/** What each folder of src/ may import (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  shared: ["core"],
  functions: ["core"],
  sidebar: ["core", "shared"],
  addon: ["core", "shared", "functions"],
  "main.ts": ["addon", "functions", "shared"],
};

const layer = (file: string) => file.split("/")[1];

describe("imports", () => {
  it("finds cycles, type-only ones and a file importing itself included", () => {
    const g: Graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["d"]],
      ["e", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"], ["d"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads the project's own imports, type-only ones too", () => {
    expect(graph.get("src/sidebar/server.ts")).toContain("src/shared/api.ts");
    expect(graph.get("src/main.ts")).toEqual(expect.arrayContaining(["src/addon/entrypoints.ts", "src/shared/api.ts"]));
  });

  it("has no import cycle in src/ or dev/", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("keeps each layer of src/ above the ones it imports", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      if (!file.startsWith("src/")) continue;
      const allowed = MAY_IMPORT[layer(file)];
      expect(allowed, `${file}: a folder of src/ without a layering rule`).toBeDefined();
      for (const target of targets) {
        const to = layer(target);
        if (to !== layer(file) && !allowed.includes(to)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
