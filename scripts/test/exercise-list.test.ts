// `pnpm exercise list` as a table: each row's title starts at one terminal column, in English
// and in Chinese (where a character takes two columns), and a row fits an 80-column terminal.
import { stripVTControlCharacters } from "node:util";
import { findExercises } from "@workshop/exercises";
import { describe, expect, it } from "vitest";
import { listText } from "../exercise/show.ts";

const exercises = findExercises();

/** Terminal columns, counted here without the code's own library: CJK and full-width forms take two. */
const columns = (text: string) =>
  [...text].length + (text.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;

/** Each exercise row of the list, and the column where its title begins. */
function rows(language: "en" | "zh") {
  const text = stripVTControlCharacters(listText(exercises, { exercises: {} }, language));
  const lines = text.split("\n").filter((line) => /^ {2}\S \d{2}\.\d/.test(line));
  expect(lines).toHaveLength(exercises.length);
  return lines.map((line) => {
    const title = /^ {2}\S \d{2}\.\d\s+\S+\s+(.*)$/.exec(line)?.[1] ?? "";
    expect(title.length, line).toBeGreaterThan(0);
    return { line, titleColumn: columns(line.slice(0, line.length - title.length)) };
  });
}

describe("pnpm exercise list", () => {
  it.each([
    ["English", "en"],
    ["Chinese", "zh"],
  ] as const)(
    "in %s, every title starts in the same column, and every row fits 80 columns",
    (_, language) => {
      const list = rows(language);
      expect(new Set(list.map((row) => row.titleColumn)).size).toBe(1);
      expect(list.filter((row) => columns(row.line) > 80).map((row) => row.line)).toEqual([]);
    },
  );
});
