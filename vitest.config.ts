import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Builds dist/ once per run: tests exercise the bundle that ships.
    globalSetup: ["tests/globalSetup.ts"],
    // `npm run mutate` copies the project into .stryker-tmp/ while it runs: not ours to test twice.
    exclude: [...configDefaults.exclude, ".stryker-tmp/**"],
  },
});
