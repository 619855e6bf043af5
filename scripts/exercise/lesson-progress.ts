// "exercises 1/4 done" for a lesson, shown by the `pnpm dev` picker.
import { findExercises, loadProgress, statusOf, stubInPlace } from "@workshop/exercises";
import type { CliLanguage } from "../cli/language.ts";
import { messagesIn } from "../cli/messages.ts";

export function exerciseProgress(language: CliLanguage = "en"): (lessonFolder: string) => string {
  const exercises = findExercises();
  const progress = loadProgress();
  return (lessonFolder) => {
    const mine = exercises.filter((exercise) => exercise.lesson === lessonFolder);
    if (mine.length === 0) return "";
    const done = mine.filter((exercise) => statusOf(progress, exercise.id) === "done").length;
    return messagesIn(language).exercisesDone(done, mine.length);
  };
}

/** One line per exercise of the lesson whose starting code is in the lesson's files (`pnpm dev` says so). */
export function stubNotices(lessonFolder: string, language: CliLanguage = "en"): string[] {
  return findExercises()
    .filter((exercise) => exercise.lesson === lessonFolder && stubInPlace(exercise))
    .map((exercise) => messagesIn(language).stubNotice(exercise.id));
}
