// What `pnpm exercise` does to the student's lesson files: put an exercise's
// regions in a state (start, solution, finished), in place, keeping what it
// replaces. Only the exercise's regions change; the rest of each file is left
// as the student has it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Exercise } from "./catalog.ts";
import {
  type CodeState,
  editedFiles,
  forgetFinishedIfRestored,
  regionText,
  saveFinished,
  stateDir,
  withRegions,
} from "./code-states.ts";
import { readRegion } from "./regions.ts";

export interface Applied {
  /** Lesson-relative paths whose text changed. */
  changed: string[];
  /** Where the replaced attempt was saved, if anything of the student's was replaced. */
  backup?: string;
}

export function applyState(exercise: Exercise, state: CodeState): Applied {
  const changed: string[] = [];
  let backup: string | undefined;
  for (const file of editedFiles(exercise).keys()) {
    const path = join(exercise.lessonDir, file);
    if (state !== "finished") saveFinished(path);
    const current = readFileSync(path, "utf8");
    const next = withRegions(exercise, file, current, state);
    if (next === current) {
      forgetFinishedIfRestored(path);
      continue;
    }
    if (hasAttempt(exercise, file, current)) {
      backup ??= join(stateDir, "attempts", exercise.id, new Date().toISOString().replace(/[:.]/g, "-"));
      const copy = join(backup, exercise.lesson, file);
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, current);
    }
    writeFileSync(path, next);
    changed.push(file);
    forgetFinishedIfRestored(path); // back to the committed text: nothing to remember
  }
  return { changed, backup };
}

/** True when the file's regions hold something other than the start or the finished code: the student's work. */
function hasAttempt(exercise: Exercise, file: string, source: string): boolean {
  return (editedFiles(exercise).get(file) ?? []).some((edit) => {
    const text = readRegion(source, edit.region, file);
    return text !== regionText(exercise, edit, "start") && text !== regionText(exercise, edit, "finished");
  });
}

/** The exercise's region text as the student's files have it now. */
export function currentRegions(exercise: Exercise): Map<string, string> {
  const regions = new Map<string, string>();
  for (const edit of exercise.edits) {
    const source = readFileSync(join(exercise.lessonDir, edit.file), "utf8");
    regions.set(`${edit.file}#${edit.region}`, readRegion(source, edit.region, edit.file));
  }
  return regions;
}

/** Whether every region is in `state` now. */
export function isInState(exercise: Exercise, state: CodeState): boolean {
  return exercise.edits.every(
    (edit) =>
      currentRegions(exercise).get(`${edit.file}#${edit.region}`) === regionText(exercise, edit, state),
  );
}
