// progress.json is the student's file: whatever a hand edit left in it, the commands
// read what has the right shape and carry on.
import { describe, expect, it } from "vitest";
import { readProgress } from "../src/progress.ts";

describe("reading a student's progress file", () => {
  it("keeps well-formed entries as they are", () => {
    const progress = { current: "02.1", exercises: { "02.1": { status: "started", hints: 2 } } };
    expect(readProgress(progress)).toEqual(progress);
  });

  it.each([
    ["a list", []],
    ["a string", "progress"],
    ["exercises as a list", { exercises: [{ status: "done" }] }],
    ["exercises as null", { exercises: null }],
  ])("a file holding %s reads as no progress, not a crash", (_name, parsed) => {
    expect(readProgress(parsed)).toEqual({ exercises: {} });
  });

  it("a hint count that is negative, fractional or not a number counts as none seen, so the next hint is the first", () => {
    const progress = readProgress({
      exercises: {
        a: { status: "started", hints: -5 },
        b: { status: "started", hints: 1.5 },
        c: { status: "done", hints: "3" },
      },
    });
    expect(Object.values(progress.exercises).map((entry) => entry.hints)).toEqual([0, 0, 0]);
  });

  it("drops an entry whose status is unknown, and a current that is not a name", () => {
    expect(readProgress({ current: 7, exercises: { a: { status: "finished", hints: 0 }, b: null } })).toEqual(
      {
        exercises: {},
      },
    );
  });
});
