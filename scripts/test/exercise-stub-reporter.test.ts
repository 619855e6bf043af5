// `pnpm test` says why a lesson's tests fail when an exercise's starting code is in place.
import { type Exercise, findExercises, stubInPlace } from "@workshop/exercises";
import { describe, expect, it } from "vitest";
import { stubWarning } from "../exercise-stub-reporter.ts";

describe("the warning after pnpm test", () => {
  it("is silent when every lesson file is the lesson's code", () => {
    expect(stubWarning([])).toBeUndefined();
  });

  it("names each exercise whose starting code is in place, and how to bring the lesson's code back", () => {
    const warning = stubWarning([{ id: "06.2", lesson: "06-frameworks" } as Exercise]);
    expect(warning).toContain("06.2 (lesson 06-frameworks)");
    expect(warning).toContain("`pnpm exercise reset 06.2`");
  });

  it("finds no stub in the lessons as committed, including exercises whose start is the lesson's own code", () => {
    // 05.3 and 05.4 ask for something lesson 05 lacks: they have no start file, and no stub.
    expect(
      findExercises()
        .filter(stubInPlace)
        .map((exercise) => exercise.id),
    ).toEqual([]);
  });
});
