// The exercise list is the folders under lessons/NN-slug/exercises/, never a
// hand-kept list. Each folder holds:
//   README.md      the task: "# 02.1 Title", goal, why, steps, hints in <details>
//   exercise.json  { "edits": [{ "file": "src/…", "region": "name" }] }
//   check.ts       the check (defineChecks), run by `pnpm exercise check`
//   start/<region>.ts     the stub a student starts from (absent: start from the lesson's code)
//   solution/<region>.ts  the solution (absent: the lesson's own code is the solution)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** The workshop's own folder: where the tools and configs are. */
export const repoRoot = new URL("../../..", import.meta.url).pathname;

/**
 * Where the lessons (and the student's progress) are: the workshop itself,
 * or, for the CLI's own tests, a small workshop made in a temporary folder.
 */
export const workspaceRoot = process.env.EXERCISES_ROOT ?? repoRoot;

export interface Edit {
  /** Relative to the lesson folder. */
  file: string;
  region: string;
}

export interface Exercise {
  /** "02.1" */
  id: string;
  /** "02-sse" */
  lesson: string;
  /** "event-stream" */
  slug: string;
  title: string;
  /** The exercise's folder. */
  dir: string;
  /** The lesson's folder, where the edits apply. */
  lessonDir: string;
  edits: Edit[];
  /** Revealed one at a time by `pnpm exercise hint`. */
  hints: string[];
  /** What the check needs beyond Node: "chromium" for checks in the browser. */
  needs: string[];
}

const EXERCISE_FOLDER = /^(\d{2})\.(\d+)-([a-z0-9-]+)$/;

export function findExercises(root = workspaceRoot): Exercise[] {
  const lessonsDir = join(root, "lessons");
  if (!existsSync(lessonsDir)) return [];
  const exercises: Exercise[] = [];
  for (const lesson of readdirSync(lessonsDir).sort()) {
    const dir = join(lessonsDir, lesson, "exercises");
    if (!/^\d{2}-/.test(lesson) || !existsSync(dir)) continue;
    for (const folder of readdirSync(dir)) {
      const match = EXERCISE_FOLDER.exec(folder);
      if (!match) continue;
      const [, number = "", step = "", slug = ""] = match;
      if (number !== lesson.slice(0, 2))
        throw new Error(`${lesson}/exercises/${folder}: id must start ${lesson.slice(0, 2)}.`);
      exercises.push(
        readExercise(join(dir, folder), `${number}.${step}`, lesson, slug, join(lessonsDir, lesson)),
      );
    }
  }
  return exercises.sort((a, b) => compareIds(a.id, b.id));
}

function readExercise(dir: string, id: string, lesson: string, slug: string, lessonDir: string): Exercise {
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const { edits, needs = [] } = JSON.parse(readFileSync(join(dir, "exercise.json"), "utf8")) as {
    edits: Edit[];
    needs?: string[];
  };
  const heading = /^# (.+)$/m.exec(readme)?.[1] ?? slug;
  return {
    id,
    lesson,
    slug,
    title: heading.replace(new RegExp(`^${id.replace(".", "\\.")}\\s*[·:-]?\\s*`), ""),
    dir,
    lessonDir,
    edits,
    hints: readHints(readme),
    needs,
  };
}

/** Hints are the README's `<details>` blocks, so GitHub shows them folded too. */
export function readHints(readme: string): string[] {
  return [...readme.matchAll(/<details>\s*<summary>[^<]*<\/summary>([\s\S]*?)<\/details>/g)].map(
    ([, body = ""]) => body.trim(),
  );
}

function compareIds(a: string, b: string): number {
  const [la = 0, sa = 0] = a.split(".").map(Number);
  const [lb = 0, sb = 0] = b.split(".").map(Number);
  return la - lb || sa - sb;
}

/** "02.1", "2.1" or "02.1-event-stream" all name exercise 02.1. */
export function matchExercise(exercises: Exercise[], query: string): Exercise | undefined {
  const [lesson = "", step = ""] = query.trim().split(/[.-]/);
  return exercises.find((e) => e.id === `${lesson.padStart(2, "0")}.${step}`);
}

/** Where the stub or solution text of an edit lives, if the exercise has one. */
export function variantFile(
  exercise: Exercise,
  variant: "start" | "solution",
  edit: Edit,
): string | undefined {
  const path = join(exercise.dir, variant, `${edit.region}${extname(edit.file)}`);
  return existsSync(path) ? path : undefined;
}
