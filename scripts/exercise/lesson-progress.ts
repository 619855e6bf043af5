// "exercises 1/4 done" for a lesson, shown by the `pnpm dev` picker.
import { findExercises, loadProgress, statusOf } from "@workshop/exercises";

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
