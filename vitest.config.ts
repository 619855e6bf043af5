import { defineConfig } from "vitest/config";

// One run for the whole workshop: unit, server integration over loopback, and
// browser tests (Chromium driven by playwright-core; see shared/testkit).
// A package's own `pnpm test` runs this config filtered to its folder.
export default defineConfig({
  test: {
    include: ["{shared,lessons,slides,scripts}/**/test/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Browser tests share two cores with the servers they drive.
    maxWorkers: 2,
  },
});
