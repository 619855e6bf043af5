// What `pnpm exercise` does to the student's lesson files: put an exercise's
// regions in a state (start, solution, finished), in place, keeping what it
// replaces. Only the exercise's regions change; the rest of each file is left
// as the student has it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Exercise, variantFile } from "./catalog.ts";
import {
  type CodeState,
  editedFiles,
  finishedSource,
  forgetFinishedIfRestored,
  hasSavedFinished,
  regionText,
  saveFinished,
  saveFinishedText,
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
    const regionsIntact = hasRegions(exercise, file, current);
    // A #region marker the student deleted: the regions cannot be found, so back to the
    // lesson's whole file (their text is kept as an attempt, below). Only if it was saved.
    if (!regionsIntact && (state !== "finished" || !hasSavedFinished(path)))
      throw new Error(
        `${exercise.lesson}/${file} lost a #region marker of exercise ${exercise.id}: put it back, or restore the file with \`git checkout -- ${file}\` (in lessons/${exercise.lesson}).`,
      );
    const next = regionsIntact ? withRegions(exercise, file, current, state) : finishedSource(path);
    if (next === current) {
      forgetFinishedIfRestored(path);
      continue;
    }
    if (!regionsIntact || hasAttempt(exercise, file, current)) {
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

/** Whether every region this exercise edits in `file` is still marked in `source`. */
function hasRegions(exercise: Exercise, file: string, source: string): boolean {
  try {
    for (const edit of editedFiles(exercise).get(file) ?? []) readRegion(source, edit.region, file);
    return true;
  } catch {
    return false;
  }
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

/** Whether every region is in `state` now (false when a region marker is gone). */
export function isInState(exercise: Exercise, state: CodeState): boolean {
  for (const file of editedFiles(exercise).keys())
    if (!hasRegions(exercise, file, readFileSync(join(exercise.lessonDir, file), "utf8"))) return false;
  return exercise.edits.every(
    (edit) =>
      currentRegions(exercise).get(`${edit.file}#${edit.region}`) === regionText(exercise, edit, state),
  );
}

/**
 * True when the lesson files are not the lesson's own code because of this exercise: its
 * starting code is in place, or an exercise saved the file's finished text and the student's
 * regions differ from it. What `pnpm test` and `pnpm exercise` warn about, whatever
 * progress.json says (it can be lost or cut short).
 */
export function stubInPlace(exercise: Exercise): boolean {
  try {
    // A stub is a start file of the exercise's own. (An exercise that asks for something the
    // lesson lacks has none: its start is the lesson's own code, and is no stub.)
    const regions = currentRegions(exercise);
    const stubbed = exercise.edits.some(
      (edit) =>
        variantFile(exercise, "start", edit) !== undefined &&
        regions.get(`${edit.file}#${edit.region}`) === regionText(exercise, edit, "start"),
    );
    if (stubbed) return true;
    const saved = [...editedFiles(exercise).keys()].some((file) =>
      hasSavedFinished(join(exercise.lessonDir, file)),
    );
    return saved && !isInState(exercise, "finished");
  } catch {
    return false; // a region marker gone: reset says what to do
  }
}

/**
 * When the copy of the lesson's file that `start` saved is gone (`.exercises/` deleted, or
 * `git clean -fdX`) while the starting code is still in place, the committed file is the
 * lesson's code: it is saved again, so `reset` can bring it back. Returns the files recovered.
 */
export function recoverFinishedFromGit(exercise: Exercise): string[] {
  const recovered: string[] = [];
  for (const file of editedFiles(exercise).keys()) {
    const path = join(exercise.lessonDir, file);
    if (hasSavedFinished(path)) continue;
    const current = readFileSync(path, "utf8");
    if (!hasRegions(exercise, file, current) || withRegions(exercise, file, current, "start") !== current)
      continue;
    const committed = spawnSync("git", ["show", `HEAD:./${basename(path)}`], {
      cwd: dirname(path),
      encoding: "utf8",
    });
    if (committed.status !== 0 || committed.stdout === current) continue;
    saveFinishedText(path, committed.stdout);
    recovered.push(file);
  }
  return recovered;
}
