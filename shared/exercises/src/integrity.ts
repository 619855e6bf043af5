// The guarantee behind every exercise, run by `pnpm test`: its check FAILS on
// the starting code (else it checks nothing) and PASSES on the solution (else
// it cannot be solved). Both states are written to scratch copies of the
// lesson folder, so the student's files and other tests are never touched,
// and the copies import the same node_modules as the lesson itself.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";
import { findRedisServer, HOW_TO_GET_REDIS } from "@workshop/server-kit/private-redis";
import { findChromium, HOW_TO_GET_CHROMIUM } from "@workshop/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { type Exercise, findExercises } from "./catalog.ts";
import { type Checks, lessonCode, within } from "./checks.ts";
import { type CodeState, editedFiles, finishedSource, regionText, withRegions } from "./code-states.ts";

/** Scratch copies live here, inside the lesson, so package resolution works unchanged. */
export const WORK_FOLDER = ".exercise-work";

/**
 * How long one check may take before it counts as failed (a hanging stub must not stall CI).
 * It includes loading the lesson's code, which takes seconds on a busy machine; a check's own
 * waits stay well under it, so a student reads the check's sentence, not this timeout.
 */
export const CHECK_TIMEOUT_MS = 15_000;

const NOT_COPIED = new Set(["node_modules", "test", "exercises", "bench", WORK_FOLDER]);

/** A copy of the lesson with the exercise's regions in `state`. Returns its folder. */
export function materialize(exercise: Exercise, state: Exclude<CodeState, "finished">): string {
  const root = join(exercise.lessonDir, WORK_FOLDER, exercise.id, state);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(exercise.lessonDir)) {
    if (NOT_COPIED.has(entry) || entry.endsWith(".md")) continue;
    cpSync(join(exercise.lessonDir, entry), join(root, entry), { recursive: true });
  }
  for (const file of editedFiles(exercise).keys()) {
    const finished = finishedSource(join(exercise.lessonDir, file));
    writeFileSync(join(root, file), withRegions(exercise, file, finished, state));
  }
  return root;
}

/**
 * True when the solution state is exactly the lesson's files as they are: the exercise has
 * no solution of its own, and no exercise has put a stub in the files it edits.
 */
export function solutionIsTheLesson(exercise: Exercise): boolean {
  return [...editedFiles(exercise).keys()].every((file) => {
    const path = join(exercise.lessonDir, file);
    const current = readFileSync(path, "utf8");
    return current === finishedSource(path) && current === withRegions(exercise, file, current, "solution");
  });
}

export async function loadChecks(exercise: Exercise): Promise<Checks> {
  return ((await import(/* @vite-ignore */ join(exercise.dir, "check.ts"))) as { default: Checks }).default;
}

/** The checks' names in Chinese, where a check.ts exports them (`export const namesZh = { "english name": "中文" }`). */
export async function loadCheckNamesZh(exercise: Exercise): Promise<Record<string, string>> {
  const module = (await import(/* @vite-ignore */ join(exercise.dir, "check.ts"))) as {
    namesZh?: Record<string, string>;
  };
  return module.namesZh ?? {};
}

/**
 * Runs the steps; returns the failures as "step: message". With `untilFirstFailure`
 * it stops at the first one: enough to prove a stub fails, without waiting
 * out every later step's timeout on code that is not there.
 */
export async function runChecks(
  checks: Checks,
  root: string,
  { untilFirstFailure = false }: { untilFirstFailure?: boolean } = {},
): Promise<string[]> {
  const failures: string[] = [];
  for (const [name, check] of Object.entries(checks)) {
    if (untilFirstFailure && failures.length > 0) break;
    try {
      await within(
        Promise.resolve(check(lessonCode(root))),
        CHECK_TIMEOUT_MS,
        `no answer within ${CHECK_TIMEOUT_MS / 1000} s`,
      );
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}

/** Most lines of code a stub may share with the lesson code it replaces (a signature, a loop head). */
export const MAX_REPEATED_LINES = 4;

/** The lines of code (not comments, not lone brackets) a start file repeats from the lesson's region. */
export function repeatedLines(exercise: Exercise): string[] {
  const code = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !/^(\/\/|\/\*|\*)/.test(line) && !/^[{}()[\];,]+$/.test(line));
  return exercise.edits.flatMap((edit) => {
    if (!existsSync(join(exercise.dir, "start", `${edit.region}.ts`))) return [];
    const lesson = new Set(code(regionText(exercise, edit, "finished")));
    return code(regionText(exercise, edit, "start")).filter((line) => lesson.has(line));
  });
}

/** Fewest hints an exercise gives: the idea, then the API, then the code. */
export const MIN_HINTS = 3;

/**
 * Where the hints do not escalate: fewer than MIN_HINTS, a first hint that already shows code
 * (a code block), or a last hint that never does.
 */
export function hintProblems(exercise: Exercise): string[] {
  const { hints } = exercise;
  const problems: string[] = [];
  if (hints.length < MIN_HINTS)
    problems.push(`${hints.length} hint(s), not ${MIN_HINTS}: the idea, the API, the code`);
  if (hints[0]?.includes("```")) problems.push("hint 1 shows code: give the idea first");
  if (hints.length > 0 && !hints.at(-1)?.includes("```")) problems.push("the last hint shows no code block");
  return problems;
}

/** The 🐨 / 💡 step comments of an exercise's starting code. */
function stepComments(exercise: Exercise): string[] {
  return exercise.edits.flatMap((edit) => {
    const start = join(exercise.dir, "start", `${edit.region}.ts`);
    if (!existsSync(start)) return [];
    return readFileSync(start, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("//"))
      .map((line) => line.replace(/^\/\/\s*/, ""));
  });
}

/** Lines of the solution a step comment spells out: steps say what and why, the student writes the how. */
export function dictatedLines(exercise: Exercise): string[] {
  const comments = stepComments(exercise).join("\n");
  return exercise.edits.flatMap((edit) =>
    regionText(exercise, edit, "finished")
      .split("\n")
      .map((line) =>
        line
          .trim()
          .replace(/\s*\/\/.*$/, "")
          .replace(/;$/, ""),
      )
      .filter((line) => line.length >= 12 && !/^(\/\/|\/\*|\*)/.test(line) && comments.includes(line)),
  );
}

/** A stretch exercise: its starting code has no 🐨 steps, only the goal in its README. */
export const isStretch = (exercise: Exercise): boolean =>
  exercise.edits.some((edit) => existsSync(join(exercise.dir, "start", `${edit.region}.ts`))) &&
  !stepComments(exercise).some((line) => line.includes("🐨"));

/** True when a check fakes timers or replaces a global: it cannot run beside another check. */
export function sharesProcessState(exercise: Exercise): boolean {
  return /useFakeTimers|withEventSourceGlobal|globalThis\./.test(
    readFileSync(join(exercise.dir, "check.ts"), "utf8"),
  );
}

export function describeExerciseIntegrity(lessonDir: string): void {
  const exercises = findExercises().filter((exercise) => exercise.lessonDir === lessonDir.replace(/\/$/, ""));
  afterAll(() => rmSync(join(lessonDir, WORK_FOLDER), { recursive: true, force: true }));

  describe(`${basename(lessonDir)}'s exercises`, () => {
    it("there are at least four, each with a README, hints and a check", () => {
      expect(exercises.length).toBeGreaterThanOrEqual(4);
      for (const exercise of exercises) {
        expect(exercise.hints.length, `${exercise.id} has no hints`).toBeGreaterThan(0);
        expect(readFileSync(join(exercise.dir, "check.ts"), "utf8")).toContain("defineChecks");
      }
    });

    it(`hints escalate: at least ${MIN_HINTS}, the idea first (no code), the code last`, () => {
      const problems = exercises.flatMap((exercise) =>
        hintProblems(exercise).map((p) => `${exercise.id}: ${p}`),
      );
      expect(problems).toEqual([]);
    });

    it("the steps say what and why, never the solution's code", () => {
      const dictated = exercises.flatMap((exercise) =>
        dictatedLines(exercise).map((l) => `${exercise.id}: ${l}`),
      );
      expect(dictated).toEqual([]);
    });

    it("one exercise at least is a stretch: no step comments, only the goal", () => {
      expect(exercises.filter(isStretch).map((exercise) => exercise.id)).not.toEqual([]);
    });

    it(`no starting code repeats more than ${MAX_REPEATED_LINES} lines of the lesson's: a stub asks for what is missing`, () => {
      for (const exercise of exercises) {
        const repeated = repeatedLines(exercise);
        expect(repeated.length, `${exercise.id} repeats:\n${repeated.join("\n")}`).toBeLessThanOrEqual(
          MAX_REPEATED_LINES,
        );
      }
    });

    // Like every browser, Redis or nginx test: skipped with one line locally without it, a failure under CI.
    const runnable = exercises.filter((exercise) => {
      const missing = [
        exercise.needs.includes("chromium") && !findChromium() && HOW_TO_GET_CHROMIUM,
        exercise.needs.includes("redis") && !findRedisServer() && HOW_TO_GET_REDIS,
        exercise.needs.includes("nginx") && !findNginx() && HOW_TO_GET_NGINX,
      ].find(Boolean);
      if (missing && process.env.CI !== "true") it.skip(`${exercise.id}: ${missing}`);
      return !missing || process.env.CI === "true";
    });

    // A stub mostly fails by what never comes (no headers, no cancel, no heartbeat), so its
    // check waits out a hang guard: the stubs wait side by side, not one after another.
    // A check that fakes the clock or swaps a global runs alone, since the others share them.
    describe("on its starting code, every check fails", () => {
      // Those that run alone first: vitest runs neighbouring concurrent tests together, so one
      // sequential test between them would split the waits into groups again.
      const aloneFirst = [...runnable].sort(
        (a, b) => Number(sharesProcessState(b)) - Number(sharesProcessState(a)),
      );
      for (const exercise of aloneFirst) {
        const test = sharesProcessState(exercise) ? it : it.concurrent;
        test(`${exercise.id} ${exercise.title}`, { timeout: 60_000 }, async () => {
          const start = materialize(exercise, "start");
          const failures = await runChecks(await loadChecks(exercise), start, { untilFirstFailure: true });
          expect(failures.length, "the check passes before the student writes anything").toBeGreaterThan(0);
        });
      }
    });

    describe("on its solution, every check passes", () => {
      for (const exercise of runnable) {
        it(`${exercise.id} ${exercise.title}`, { timeout: 60_000 }, async () => {
          // Where the solution is the lesson's own code, as it stands, check the lesson itself:
          // its modules and its page are already loaded and optimized by the lesson's tests.
          const inPlace = solutionIsTheLesson(exercise);
          const root = inPlace ? exercise.lessonDir : materialize(exercise, "solution");
          const failures = await runChecks(await loadChecks(exercise), root);
          expect(failures).toEqual([]);
        });
      }
    });
  });
}
