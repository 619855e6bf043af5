// An exercise's code exists in three states, all computed from the lesson's
// finished code (the one source of truth) plus the exercise's own files:
//   finished  the lesson as committed
//   start     each edited region replaced by the exercise's stub
//   solution  each edited region as the lesson has it, or the exercise's
//             solution where the exercise adds something the lesson lacks
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { type Edit, type Exercise, variantFile, workspaceRoot } from "./catalog.ts";
import { readRegion, replaceRegion } from "./regions.ts";

export type CodeState = "finished" | "start" | "solution";

/** Local, gitignored: progress, the finished files an exercise replaced, backups of attempts. */
export const stateDir = join(workspaceRoot, ".exercises");

function savedFinishedPath(path: string): string {
  return join(stateDir, "finished", relative(workspaceRoot, path));
}

/**
 * The committed text of a lesson file: the copy saved when an exercise first
 * changed it, or the file itself when no exercise has.
 */
export function finishedSource(path: string): string {
  const saved = savedFinishedPath(path);
  return readFileSync(existsSync(saved) ? saved : path, "utf8");
}

/** Whether an exercise saved this file's finished text before changing it. */
export function hasSavedFinished(path: string): boolean {
  return existsSync(savedFinishedPath(path));
}

/** Keeps the finished text of a file before an exercise changes it (once). */
export function saveFinished(path: string): void {
  if (!existsSync(savedFinishedPath(path))) saveFinishedText(path, readFileSync(path, "utf8"));
}

/** Keeps `text` as the finished text of the file at `path`. */
export function saveFinishedText(path: string, text: string): void {
  const saved = savedFinishedPath(path);
  mkdirSync(dirname(saved), { recursive: true });
  writeFileSync(saved, text);
}

/** Forgets the saved copy once the file is back to it. */
export function forgetFinishedIfRestored(path: string): void {
  const saved = savedFinishedPath(path);
  if (existsSync(saved) && readFileSync(saved, "utf8") === readFileSync(path, "utf8")) rmSync(saved);
}

/** The text of one edited region in a given state, as it reads in the lesson file. */
export function regionText(exercise: Exercise, edit: Edit, state: CodeState): string {
  const path = join(exercise.lessonDir, edit.file);
  const source = finishedSource(path);
  const file = state === "finished" ? undefined : variantFile(exercise, state, edit);
  if (!file) return readRegion(source, edit.region, edit.file);
  // Read back after placing it, so indentation is the file's (see replaceRegion).
  return readRegion(replaceRegion(source, edit.region, readFileSync(file, "utf8"), edit.file), edit.region);
}

/** The files an exercise edits, grouped: path relative to the lesson → its edits. */
export function editedFiles(exercise: Exercise): Map<string, Edit[]> {
  const files = new Map<string, Edit[]>();
  for (const edit of exercise.edits) files.set(edit.file, [...(files.get(edit.file) ?? []), edit]);
  return files;
}

/** `source` (a lesson file) with this exercise's regions put in `state`. */
export function withRegions(exercise: Exercise, file: string, source: string, state: CodeState): string {
  let text = source;
  for (const edit of editedFiles(exercise).get(file) ?? []) {
    text = replaceRegion(text, edit.region, regionText(exercise, edit, state), file);
  }
  return text;
}
