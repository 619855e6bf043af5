// The config `pnpm exercise check` and its watch mode run: the root config's
// timeouts, but only the runner, and a rerun whenever the lesson's code or the
// exercise changes (the check imports lesson files at run time, so vitest
// cannot see them in its module graph on its own).
import { defineConfig } from "vitest/config";
import root from "../../../vitest.config.ts";

const lesson = process.env.EXERCISE_LESSON ?? "*";

export default defineConfig({
  test: {
    ...root.test,
    include: ["shared/exercises/runner/check.test.ts"],
    forceRerunTriggers: [`**/lessons/${lesson}/src/**`, `**/lessons/${lesson}/exercises/**`],
  },
});
