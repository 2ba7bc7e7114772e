import { defineConfig } from "vitest/config";

// Mutation runs (`npm run mutate`): the fast, source-level engine suite. tests/core import src/ directly and never
// read dist/, so the per-run build of vitest.config.ts is left out. deep.test.ts is left out too: it pins that
// 10,000-level chains do not overflow the stack, which no mutant changes, and its seconds per run would be paid once
// per mutant. Stryker judges infinite loops by its own timeout, so vitest's is raised: a test that is merely slow on a
// busy machine must not count as a mutant killed. Property tests run a quarter of their cases (at least 20 each):
// the suite runs once per mutant, and the cases that kill a mutant are found in the first few dozen. Test files share
// one module graph (isolate: false): Stryker switches mutants at run time, so nothing needs re-importing between runs,
// and a mutant's run costs its tests instead of re-importing the engine per file (the suite: 15 s instead of 55 s on a
// busy machine). Static mutants would need the re-import; they are left out (--ignoreStatic).
export default defineConfig({
  test: {
    include: ["tests/core/**/*.test.ts"],
    exclude: ["tests/core/deep.test.ts"],
    testTimeout: 120_000,
    isolate: false,
    env: { KPI_PROPERTY_RUNS: "0.25" },
  },
});
