// Runs an exercise's check with vitest's Node API, once or in watch mode,
// and records "done" the first time it passes.
import { join } from "node:path";
import { type Exercise, repoRoot, updateProgress } from "@workshop/exercises";
import { startVitest } from "vitest/node";
import type { CliLanguage } from "../cli/language.ts";
import { messagesIn } from "../cli/messages.ts";

export async function runCheck(
  exercise: Exercise,
  { watch, language = "en" }: { watch: boolean; language?: CliLanguage },
): Promise<boolean> {
  const say = messagesIn(language);
  process.env.EXERCISE_ID = exercise.id;
  process.env.EXERCISE_LESSON = exercise.lesson;
  process.env.EXERCISE_LANG = language; // the check's messages in the student's language (CheckMessage)
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
          console.log(`\n  ${passed ? say.passes(exercise.id) : say.notYet(exercise.id)}\n`);
        },
      },
    ],
  });
  if (!watch) await vitest?.close();
  return passed;
}
