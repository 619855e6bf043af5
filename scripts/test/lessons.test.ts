import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findExercises } from "@workshop/exercises";
import { afterAll, describe, expect, it } from "vitest";
import { renderCommandsTable, undescribedScripts, withCommandsTable } from "../commands-table.ts";
import { renderExerciseTable, withExerciseTable } from "../exercise-table.ts";
import { renderLessonMap, withLessonMap } from "../lesson-map.ts";
import { findLessons, type Lesson, matchLesson, repoRoot } from "../lessons.ts";
import { twinOf } from "../translations.ts";

function fakeRepo(folders: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "lessons-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const folder of folders) {
    mkdirSync(join(root, "lessons", folder), { recursive: true });
    const pkg = { name: `@workshop/${folder}`, description: `About ${folder}` };
    writeFileSync(join(root, "lessons", folder, "package.json"), JSON.stringify(pkg));
  }
  mkdirSync(join(root, "lessons", "notes"), { recursive: true }); // not a lesson
  return root;
}

describe("the lesson list comes from the folders under lessons/", () => {
  const lessons = findLessons(fakeRepo(["02-sse", "01-polling", "03-websocket"]));

  it("finds NN-slug folders with a package.json, in order", () => {
    expect(lessons.map((l) => l.folder)).toEqual(["01-polling", "02-sse", "03-websocket"]);
  });

  it.each([
    ["01", "01-polling"],
    ["1", "01-polling"],
    ["polling", "01-polling"],
    ["sse", "02-sse"],
    ["web", "03-websocket"],
    ["@workshop/02-sse", "02-sse"],
  ])("`pnpm dev %s` starts %s", (query, folder) => {
    expect((matchLesson(lessons, query) as Lesson).folder).toBe(folder);
  });

  it("names no lesson for a query that matches none", () => {
    expect(matchLesson(lessons, "graphql")).toBeUndefined();
  });
});

/** The guide in each language that exists: README.md, and README.zh-CN.md once it is written. */
const inEachLanguage = (path: string) =>
  (["en", "zh"] as const)
    .map((language) => ({ language, file: join(repoRoot, language === "zh" ? twinOf(path) : path) }))
    .filter(({ file }) => existsSync(file));

describe("the README's lesson map", () => {
  for (const { language, file } of inEachLanguage("README.md")) {
    it(`is up to date with lessons/, in ${language} (run \`pnpm lessons:map\` if this fails)`, () => {
      const readme = readFileSync(file, "utf8");
      expect(withLessonMap(readme, renderLessonMap(repoRoot, language))).toBe(readme);
    });
  }
});

describe("pnpm dev without a terminal", () => {
  it("prints the lessons and how to choose, and exits without waiting for input", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "scripts/dev.ts")],
      { cwd: repoRoot, timeout: 20_000, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "" } },
    );
    const lessons = findLessons();
    if (lessons.length === 0) expect(stdout).toMatch(/No lessons yet/);
    else {
      for (const lesson of lessons) expect(stdout).toContain(lesson.slug);
      expect(stdout).toMatch(/pnpm dev/);
      expect(stdout).toMatch(/exercises \d+\/\d+ done \(pnpm exercise\)/); // progress, from .exercises/
    }
  });

  it("speaks Chinese with --lang zh: each lesson's Chinese title, its exercises and how to choose", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "scripts/dev.ts"), "--lang", "zh"],
      { cwd: repoRoot, timeout: 20_000 },
    );
    expect(stdout).toMatch(/^课程：/);
    for (const lesson of findLessons())
      expect(stdout).toContain(`${lesson.slug.padEnd(14)} ${lesson.titleZh}`);
    expect(stdout).toMatch(/练习完成 \d+\/\d+（pnpm exercise）/);
    expect(stdout).toContain("用 `pnpm dev <编号或名称>` 启动一课");
  });
});

describe("Ctrl+C on a long-running command", () => {
  // pnpm runs a script through `sh -c`; dash dies of the SIGINT that Ctrl+C sends the whole
  // group, and pnpm then reports "ELIFECYCLE Command failed" although Node shut down cleanly.
  // With `exec`, Node replaces the shell: its own handler runs, and it exits 0.
  it("pnpm dev, exercise and quiz hand the terminal to Node itself (exec), in the root and in every lesson", () => {
    const scripts = (path: string) =>
      JSON.parse(readFileSync(path, "utf8")).scripts as Record<string, string>;
    const root = scripts(join(repoRoot, "package.json"));
    const commands = [root.dev, root.exercise, root.quiz];
    for (const lesson of findLessons())
      commands.push(scripts(join(repoRoot, "lessons", lesson.folder, "package.json")).dev);
    expect(commands.filter((command) => !command?.startsWith("exec node "))).toEqual([]);
  });
});

describe("the README's Commands table", () => {
  it("describes every root script (add it to scriptDescriptions in package.json)", () => {
    expect(undescribedScripts()).toEqual([]);
  });

  for (const { language, file } of inEachLanguage("README.md")) {
    it(`is up to date with package.json, in ${language} (run \`pnpm lessons:map\` if this fails)`, () => {
      const readme = readFileSync(file, "utf8");
      expect(withCommandsTable(readme, renderCommandsTable(undefined, language))).toBe(readme);
    });
  }
});

describe("each lesson README's exercise table", () => {
  const exercises = findExercises();
  for (const lesson of findLessons()) {
    for (const { language, file } of inEachLanguage(`lessons/${lesson.folder}/README.md`)) {
      it(`${lesson.folder}: lists every exercise with its id, in ${language} (run \`pnpm lessons:map\` if this fails)`, () => {
        const readme = readFileSync(file, "utf8");
        const table = renderExerciseTable(
          exercises.filter((e) => e.lesson === lesson.folder),
          language,
        );
        expect(withExerciseTable(readme, table)).toBe(readme);
      });
    }
  }

  it("every lesson ships at least four exercises, and its tests prove each one (test/exercises.test.ts)", () => {
    for (const lesson of findLessons()) {
      const mine = exercises.filter((e) => e.lesson === lesson.folder);
      expect(mine.length, `${lesson.folder} has ${mine.length} exercises`).toBeGreaterThanOrEqual(4);
      const integrity = join(repoRoot, "lessons", lesson.folder, "test", "exercises.test.ts");
      expect(readFileSync(integrity, "utf8")).toContain("describeExerciseIntegrity");
    }
  });

  it("the root README's Quick start tells students about `pnpm exercise`", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Lessons"));
    expect(quickStart).toContain("pnpm exercise");
  });
});
