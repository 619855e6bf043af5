// "exercises 1/4 done" for a lesson, shown by the `pnpm dev` picker.
import { findExercises, loadProgress, statusOf, stubInPlace } from "@workshop/exercises";

export function exerciseProgress(): (lessonFolder: string) => string {
  const exercises = findExercises();
  const progress = loadProgress();
  return (lessonFolder) => {
    const mine = exercises.filter((exercise) => exercise.lesson === lessonFolder);
    if (mine.length === 0) return "";
    const done = mine.filter((exercise) => statusOf(progress, exercise.id) === "done").length;
    return `exercises ${done}/${mine.length} done (pnpm exercise)`;
  };
}

/** One line per exercise of the lesson whose starting code is in the lesson's files (`pnpm dev` says so). */
export function stubNotices(lessonFolder: string): string[] {
  return findExercises()
    .filter((exercise) => exercise.lesson === lessonFolder && stubInPlace(exercise))
    .map(
      (exercise) =>
        `  ⚠ ${exercise.id}'s starting code is in place: the lesson runs your exercise code (\`pnpm exercise reset ${exercise.id}\` brings the lesson's back).`,
    );
}
