// Runs an exercise's check with vitest's Node API, once or in watch mode,
// and records "done" the first time it passes.
import { join } from "node:path";
import { type Exercise, repoRoot, updateProgress } from "@workshop/exercises";
import { startVitest } from "vitest/node";

export async function runCheck(exercise: Exercise, { watch }: { watch: boolean }): Promise<boolean> {
  process.env.EXERCISE_ID = exercise.id;
  process.env.EXERCISE_LESSON = exercise.lesson;
  let passed = false;
  const vitest = await startVitest("test", [], {
    root: repoRoot,
    config: join(repoRoot, "shared/exercises/runner/vitest.config.ts"),
    watch,
    reporters: [
      "default",
      {
        onTestRunEnd(_modules, errors, reason) {
          passed = reason === "passed" && errors.length === 0;
          if (passed) {
            updateProgress(exercise.id, (entry) => {
              entry.status = "done";
            });
          }
          console.log(
            passed
              ? `\n  ✅ ${exercise.id} passes. ${next(exercise)}\n`
              : `\n  Not yet: the messages above say what is missing. Stuck? \`pnpm exercise hint ${exercise.id}\`\n`,
          );
        },
      },
    ],
  });
  if (!watch) await vitest?.close();
  return passed;
}

function next(exercise: Exercise): string {
  return `Compare with the lesson's own code: \`pnpm exercise solution ${exercise.id}\`; then \`pnpm exercise reset\`.`;
}
