import { defineConfig } from "vitest/config";

/**
 * The drift tests of the lessons that measure something (05's transport matrix, 07's
 * scale-out rows, 08's provider formats): each reruns its lesson's comparison and
 * checks the committed RESULTS.md against it. They need realistic timing and real
 * faults, so they run in `pnpm compare --check` (and CI), not in every `pnpm test`.
 */
export const COMPARISONS = ["lessons/*/test/results-drift.test.ts"];

export default defineConfig({
  test: {
    include: COMPARISONS,
    testTimeout: 15_000,
    hookTimeout: 90_000,
    // One comparison at a time: each runs many streams side by side already.
    fileParallelism: false,
    reporters: ["default"],
  },
});
