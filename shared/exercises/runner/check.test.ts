// What `pnpm exercise check 02.1` runs: one vitest test per step of the
// exercise's check, against the student's own lesson folder. (Not under test/,
// so `pnpm test` does not collect it; the integrity test covers every check.)
import { describe, it } from "vitest";
import { findExercises, lessonCode, matchExercise } from "../src/index.ts";
import { CHECK_TIMEOUT_MS, loadChecks } from "../src/integrity.ts";

const id = process.env.EXERCISE_ID ?? "";
const exercise = matchExercise(findExercises(), id);
if (!exercise) throw new Error(`No exercise "${id}": see \`pnpm exercise list\`.`);
const checks = await loadChecks(exercise);

describe(`${exercise.id} ${exercise.title}`, () => {
  for (const [name, check] of Object.entries(checks)) {
    it(name, { timeout: CHECK_TIMEOUT_MS }, () => check(lessonCode(exercise.lessonDir)));
  }
});
