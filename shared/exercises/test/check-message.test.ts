// A check's message in the student's language: `pnpm exercise check --lang zh`
// sets EXERCISE_LANG=zh, and a message given in both languages speaks Chinese.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CheckFailed, findExercises, must } from "../src/index.ts";
import { loadCheckNamesZh, loadChecks } from "../src/integrity.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

const failure = () => {
  try {
    must(false, { en: "the stream never set retry:", zh: "流没有写 retry:" });
  } catch (error) {
    return error as CheckFailed;
  }
  throw new Error("must(false) did not throw");
};

describe("a check's message", () => {
  it("is the English by default, and the Chinese under EXERCISE_LANG=zh", () => {
    vi.stubEnv("EXERCISE_LANG", "en");
    expect(failure().message).toBe("the stream never set retry:");
    vi.stubEnv("EXERCISE_LANG", "zh");
    expect(failure().message).toBe("流没有写 retry:");
    expect(failure().stack).toBe("CheckFailed: 流没有写 retry:");
  });

  it("given as one sentence, is that sentence in either language", () => {
    vi.stubEnv("EXERCISE_LANG", "zh");
    expect(() => must(false, "add(2, 3) is 0, not 5")).toThrow("add(2, 3) is 0, not 5");
  });
});

describe("a check's steps in Chinese", () => {
  it("name only steps the check has (namesZh, in each exercise that gives one), and every step", async () => {
    const bilingual = findExercises().filter((exercise) =>
      readFileSync(join(exercise.dir, "check.ts"), "utf8").includes("namesZh"),
    );
    expect(bilingual.map((exercise) => exercise.id)).toContain("02.1");
    for (const exercise of bilingual) {
      const steps = Object.keys(await loadChecks(exercise)).sort();
      expect(Object.keys(await loadCheckNamesZh(exercise)).sort(), exercise.id).toEqual(steps);
    }
  });
});
