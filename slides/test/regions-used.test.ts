// The reverse of "a missing region breaks the build": every `// #region`
// marker in the workshop's code is shown by some deck or edited by an
// exercise (else it is noise a student trips over), and a deck shows code only from its own lesson or an
// earlier one, never from a later lesson or from shared/ plumbing. The one
// exception is @workshop/protocol: the SSE codec lives there by design, pure
// and shared by every lesson's server and client, and lesson 02 teaches it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findExercises } from "@workshop/exercises";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const decksDir = join(root, "slides/decks");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // shared/exercises reads and writes region markers: its own are examples, not regions.
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "exercises") return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|css|html)$/.test(entry.name) ? [path] : [];
  });
}

const decks = readdirSync(decksDir)
  .filter((file) => /^\d{2}-.+\.md$/.test(file))
  .map((file) => ({ file, text: readFileSync(join(decksDir, file), "utf8") }));
const includes = decks.flatMap(({ file, text }) =>
  [...text.matchAll(/^<<< (\S+)#([\w-]+)(?: \[.*\])?$/gm)].map(([, path = "", region = ""]) => ({
    deck: file,
    path,
    region,
  })),
);

const exerciseEdits = findExercises().flatMap((exercise) =>
  exercise.edits.map((edit) => ({
    path: relative(root, join(exercise.lessonDir, edit.file)),
    region: edit.region,
  })),
);

describe("slide regions", () => {
  it("every #region in lessons/ and shared/ is included by a deck or edited by an exercise", () => {
    const unused: string[] = [];
    for (const file of [...sourceFiles(join(root, "lessons")), ...sourceFiles(join(root, "shared"))]) {
      const path = relative(root, file);
      for (const [, region] of readFileSync(file, "utf8").matchAll(/\/\/ #region ([\w-]+)/g)) {
        const used = [...includes, ...exerciseEdits].some(
          (use) => use.path === path && use.region === region,
        );
        if (!used) {
          unused.push(`${path}#${region}`);
        }
      }
    }
    expect(unused).toEqual([]);
  });

  it("a deck includes code only from its own lesson or an earlier one", () => {
    const outside = includes.filter(({ deck, path }) => {
      if (path.startsWith("shared/protocol/")) return false;
      const lesson = /^lessons\/(\d{2})-/.exec(path)?.[1];
      return lesson === undefined || lesson > deck.slice(0, 2);
    });
    expect(outside.map(({ deck, path }) => `${deck}: ${path}`)).toEqual([]);
  });
});
