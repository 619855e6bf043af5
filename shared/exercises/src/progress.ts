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
    return readProgress(JSON.parse(readFileSync(progressFile(), "utf8")));
  } catch {
    return { exercises: {} }; // a corrupt file is not worth a crash
  }
}

/**
 * The progress a parsed file holds, keeping only what has the right shape: the file is
 * the student's, and a hand edit (`"hints": -5`, a list for `exercises`) must not crash
 * a command or print "Hint undefined".
 */
export function readProgress(parsed: unknown): Progress {
  const progress: Progress = { exercises: {} };
  if (typeof parsed !== "object" || parsed === null) return progress;
  const { current, exercises } = parsed as Record<string, unknown>;
  if (typeof current === "string") progress.current = current;
  if (typeof exercises !== "object" || exercises === null || Array.isArray(exercises)) return progress;
  for (const [id, entry] of Object.entries(exercises)) {
    const { status, hints } = (entry ?? {}) as Record<string, unknown>;
    if (status !== "started" && status !== "done") continue;
    const seen = typeof hints === "number" && Number.isInteger(hints) && hints > 0 ? hints : 0;
    progress.exercises[id] = { status, hints: seen };
  }
  return progress;
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
