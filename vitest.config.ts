import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Builds dist/ once per run: tests exercise the bundle that ships.
    globalSetup: ["tests/globalSetup.ts"],
  },
});
