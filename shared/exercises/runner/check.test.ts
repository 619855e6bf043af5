// What `pnpm exercise check 02.1` runs: one vitest test per step of the
// exercise's check, against the student's own lesson folder. (Not under test/,
// so `pnpm test` does not collect it; the integrity test covers every check.)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { findExercises, lessonCode, matchExercise } from "../src/index.ts";
import { CHECK_TIMEOUT_MS, loadCheckNamesZh, loadChecks } from "../src/integrity.ts";

const id = process.env.EXERCISE_ID ?? "";
const exercise = matchExercise(findExercises(), id);
if (!exercise) throw new Error(`No exercise "${id}": see \`pnpm exercise list\`.`);
const checks = await loadChecks(exercise);
// `pnpm exercise check --lang zh`: each step by its Chinese name, where the check gives one.
const zh = process.env.EXERCISE_LANG === "zh";
const names = zh ? await loadCheckNamesZh(exercise) : {};
const chinese = join(exercise.dir, "README.zh-CN.md");
const title =
  (zh && existsSync(chinese) && /^# (.+)$/m.exec(readFileSync(chinese, "utf8"))?.[1]) || exercise.title;

describe(title.startsWith(exercise.id) ? title : `${exercise.id} ${title}`, () => {
  for (const [name, check] of Object.entries(checks)) {
    it(names[name] ?? name, { timeout: CHECK_TIMEOUT_MS }, () => check(lessonCode(exercise.lessonDir)));
  }
});
