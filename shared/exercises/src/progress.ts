// A student's progress, kept on their machine only (.exercises/ is gitignored):
// which exercises they started or finished, the one they are on, and how many
// hints they have seen.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stateDir } from "./code-states.ts";

export type Status = "todo" | "started" | "done";

export interface Progress {
  /** The exercise commands act on when no id is given. */
  current?: string;
  exercises: Record<string, { status: Exclude<Status, "todo">; hints: number }>;
}

const progressFile = () => join(stateDir, "progress.json");

export function loadProgress(): Progress {
  if (!existsSync(progressFile())) return { exercises: {} };
  try {
    return JSON.parse(readFileSync(progressFile(), "utf8")) as Progress;
  } catch {
    return { exercises: {} }; // a corrupt file is not worth a crash
  }
}

export function saveProgress(progress: Progress): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(progressFile(), `${JSON.stringify(progress, null, 2)}\n`);
}

export function statusOf(progress: Progress, id: string): Status {
  return progress.exercises[id]?.status ?? "todo";
}

/** Updates one exercise's entry (creating it as "started") and saves. */
export function updateProgress(
  id: string,
  change: (entry: Progress["exercises"][string], progress: Progress) => void,
): Progress {
  const progress = loadProgress();
  const entry = progress.exercises[id] ?? { status: "started", hints: 0 };
  change(entry, progress);
  progress.exercises[id] = entry;
  saveProgress(progress);
  return progress;
}
