// `pnpm exercise list` as a table: the status column starts at one terminal column on every
// row, in English and in Chinese, where each character of a title takes two columns.
import { stripVTControlCharacters } from "node:util";
import { findExercises } from "@workshop/exercises";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { listText } from "../exercise/show.ts";

const exercises = findExercises();

/** The terminal column where each exercise row's status word begins. */
function statusColumns(language: "en" | "zh", statusWord: string): number[] {
  const text = stripVTControlCharacters(listText(exercises, { exercises: {} }, language));
  const rows = text.split("\n").filter((line) => /^ {2}\S \d{2}\.\d/.test(line));
  expect(rows).toHaveLength(exercises.length);
  return rows.map((row) => stringWidth(row.slice(0, row.lastIndexOf(statusWord))));
}

describe("pnpm exercise list", () => {
  it("in English, every row's status starts in the same column", () => {
    expect(new Set(statusColumns("en", "todo")).size).toBe(1);
  });

  it("in Chinese too, though each Chinese character of a title takes two columns", () => {
    expect(new Set(statusColumns("zh", "未开始")).size).toBe(1);
  });
});
