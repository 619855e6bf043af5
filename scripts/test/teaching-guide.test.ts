// The teaching guide's claims that code can check: it covers every lesson, the exercises it
// picks exist, and every lesson page has the presentation layout it promises (lesson 05's
// projector test and lesson 07's stand-in test check that each one fits 1280×720).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findExercises } from "@workshop/exercises";
import { describe, expect, it } from "vitest";
import { findLessons, repoRoot } from "../lessons.ts";

const guide = readFileSync(join(repoRoot, "docs/teaching.md"), "utf8");
const lessons = findLessons();
/** The rows of the guide's table under `heading`, as cells. */
function tableUnder(heading: string): string[][] {
  const section = guide.slice(guide.indexOf(heading));
  const table = section.slice(section.indexOf("\n|")).split("\n\n")[0] ?? "";
  return table
    .trim()
    .split("\n")
    .slice(2)
    .map((row) =>
      row
        .split("|")
        .map((cell) => cell.trim())
        .slice(1, -1),
    );
}
/** Every .ts/.tsx file under a lesson's src/, read. */
function sources(folder: string, dir = join(repoRoot, "lessons", folder, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(folder, join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

describe("the teaching guide", () => {
  it("has a demo, with the fault to inject, for every lesson", () => {
    const demoed = new Set(tableUnder("## What to demo").map(([lesson]) => lesson));
    expect(lessons.map((lesson) => lesson.number).filter((number) => !demoed.has(number))).toEqual([]);
  });

  it("picks an exercise for every lesson, and each one it names exists", () => {
    const picks = tableUnder("## Exercises in class").map(([after, exercise]) => ({
      after,
      id: /`(\d{2}\.\d+)`/.exec(exercise ?? "")?.[1],
    }));
    expect(lessons.map((l) => l.number).filter((n) => !picks.some((p) => p.after === n))).toEqual([]);
    const ids = new Set(findExercises().map((exercise) => exercise.id));
    expect(picks.filter((pick) => !pick.id || !ids.has(pick.id))).toEqual([]);
  });

  it("says every lesson page switches to the presentation layout, and every one does", () => {
    const without = lessons
      .filter((lesson) => !sources(lesson.folder).some((text) => text.includes("usePresentationLayout()")))
      .map((lesson) => lesson.number);
    expect(without).toEqual([]);
    expect(guide).toContain("Every lesson page switches to its **presentation layout**");
  });
});
