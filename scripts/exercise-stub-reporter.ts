// A vitest reporter for `pnpm test`: a lesson file holding an exercise's starting code fails
// that lesson's tests, which says nothing about why. This says it, after the run, whatever
// progress.json holds. Wired in vitest.config.ts (not in `pnpm exercise check`, which
// expects the starting code).
import { type Exercise, findExercises, stubInPlace } from "@workshop/exercises";
import type { Reporter } from "vitest/node";

export function stubWarning(active: Exercise[]): string | undefined {
  if (active.length === 0) return undefined;
  return [
    "",
    `⚠ ${active.length === 1 ? "An exercise's" : "Exercises'"} starting code is in place; those lessons' tests fail until it is done:`,
    ...active.map(
      (exercise) =>
        `  ${exercise.id} (lesson ${exercise.lesson}): \`pnpm exercise reset ${exercise.id}\` brings the lesson's code back`,
    ),
  ].join("\n");
}

export default class ExerciseStubReporter implements Reporter {
  onTestRunEnd(): void {
    const warning = stubWarning(findExercises().filter(stubInPlace));
    if (warning) console.warn(warning);
  }
}
