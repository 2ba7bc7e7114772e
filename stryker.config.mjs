// Mutation testing of the engine (`npm run mutate`, not part of `npm test`): Stryker changes the code one small
// edit at a time (a `<` into `<=`, a `Math.min` into `Math.max`, a guard removed) and runs tests/core against each
// change; a change no test notices ("survived") is behaviour no test pins. `npm run mutate -- --mutate
// src/core/operators.ts` runs one file. Results are kept in reports/ (not committed), and `incremental` re-tests
// only mutants whose code or tests changed since the last run.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  mutate: ["src/core/{value,layout,tree,operators,rollup,required,status,check}.ts"],
  // No TypeScript checker: TypeScript 7 lacks ts.parseConfigFileTextToJson, which @stryker-mutator/typescript-checker
  // calls. Stryker's core calls it too, to rewrite tsconfig.json's paths in its sandbox copy; our tsconfig.json points
  // nowhere outside the project, so that step is skipped by naming a tsconfig that does not exist.
  checkers: [],
  tsconfigFile: "no-tsconfig-to-rewrite.json",
  coverageAnalysis: "perTest",
  concurrency: 2,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  ignorePatterns: ["dist", "bench", "docs", "reports", "tests/output"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
};
