// Every English guide and its Chinese twin (README.md ↔ README.zh-CN.md) are
// kept in step by their skeleton: headings by level, code blocks byte for byte,
// link targets, table shapes, and a link to each other at the top.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pageCatalogueProblems } from "@workshop/testkit/page-catalogue";
import { describe, expect, it } from "vitest";
import { findLessons, repoRoot } from "../lessons.ts";
import { driftBetween, guides, skeletonOf, twinOf } from "../translations.ts";

const ENGLISH = `# Lesson 02

English · [中文](README.zh-CN.md)

## Run it

See [the exercise](exercises/02.1/README.md).

\`\`\`sh
pnpm dev 02
\`\`\`

| Trap | Fix |
| --- | --- |
| no id | send one |
`;

const CHINESE = `# 第 02 课

[English](README.md) · 中文

## 跑起来

见[练习](exercises/02.1/README.zh-CN.md)。

\`\`\`sh
pnpm dev 02
\`\`\`

| 坑 | 修复 |
| --- | --- |
| 没有 id | 带上 id |
`;

describe("the drift check between a guide and its Chinese twin", () => {
  it("finds a faithful twin in step: a link to a Chinese twin counts as the link to its English file", () => {
    expect(driftBetween(ENGLISH, CHINESE)).toEqual([]);
  });

  it("fails when a heading is removed from one side", () => {
    expect(driftBetween(ENGLISH, CHINESE.replace("## 跑起来\n", ""))).toEqual([
      "headings by level differ: en 12, zh 1",
    ]);
  });

  it("fails when a code block differs by one byte", () => {
    expect(driftBetween(ENGLISH, CHINESE.replace("pnpm dev 02", "pnpm dev 2"))[0]).toMatch(
      /^code block 1 differs/,
    );
  });

  it("fails when a link is dropped", () => {
    expect(driftBetween(ENGLISH, CHINESE.replace("[练习](exercises/02.1/README.zh-CN.md)", "练习"))).toEqual([
      "links missing in zh: exercises/02.1/README.md",
    ]);
  });

  it("fails when a table loses a row", () => {
    expect(driftBetween(ENGLISH, CHINESE.replace("| 没有 id | 带上 id |\n", ""))).toEqual([
      "table shapes differ: en 2×2, zh 2×1",
    ]);
  });

  it("fails when a file does not link to its twin in its first lines", () => {
    expect(driftBetween(ENGLISH, CHINESE.replace("[English](README.md) · 中文", "中文"))).toContain(
      "the Chinese file does not link to README.md in its first lines",
    );
  });
});

describe("each English guide and its Chinese twin", () => {
  it("every guide a class reads has a Chinese twin: the root, the teaching guide, each tool, lesson and exercise", () => {
    const missing = guides().filter((file) => !existsSync(join(repoRoot, twinOf(file))));
    expect(guides()).toContain("tools/stream-doctor/README.md");
    expect(guides().length).toBeGreaterThanOrEqual(63);
    expect(missing, "write the twin of each (README.zh-CN.md), in step with the English").toEqual([]);
  });

  for (const file of guides()) {
    const twin = twinOf(file);
    if (!existsSync(join(repoRoot, twin))) continue;
    it(`${file} and its ${basename(twin)} have the same headings, code, links and tables`, () => {
      const english = readFileSync(join(repoRoot, file), "utf8");
      const chinese = readFileSync(join(repoRoot, twin), "utf8");
      expect(driftBetween(english, chinese, file)).toEqual([]);
    });
  }
});

describe("each lesson page's Chinese (src/client/page-text.ts, ?lang=zh)", () => {
  const withCatalogue = findLessons().filter((lesson) =>
    existsSync(join(repoRoot, "lessons", lesson.folder, "src/client/page-text.ts")),
  );
  it.each(withCatalogue.map((lesson) => lesson.folder))(
    "%s: every data-i18n key of index.html has its Chinese, and every message both languages",
    async (folder) => {
      const { HTML_ZH, MESSAGES } = await import(
        join(repoRoot, "lessons", folder, "src/client/page-text.ts")
      );
      const page = join(repoRoot, "lessons", folder, "index.html");
      expect(pageCatalogueProblems(page, HTML_ZH, MESSAGES)).toEqual([]);
    },
  );
});

describe("each slide deck and its Chinese twin (slides/decks/NN-slug.zh-CN.md)", () => {
  const decks = join(repoRoot, "slides/decks");
  const twins = readdirSync(decks).filter((file) => /^\d{2}-[\w-]+\.zh-CN\.md$/.test(file));
  /** What must match: the slide breaks, the code pulled in from the lessons, the notes markers. */
  const frame = (deck: string) => deck.split("\n").filter((line) => /^(---|--|<<< .*|Note:)$/.test(line));
  it("every lesson's deck has its Chinese twin", () => {
    const english = readdirSync(decks).filter((file) => /^\d{2}-[\w-]+\.md$/.test(file));
    expect(twins.map((file) => file.replace(".zh-CN.md", ".md")).sort()).toEqual(english.sort());
  });

  it.each(twins)("%s has the same slides, code, links and tables as its English deck", (file) => {
    const english = readFileSync(join(decks, file.replace(".zh-CN.md", ".md")), "utf8");
    const chinese = readFileSync(join(decks, file), "utf8");
    const en = skeletonOf(english);
    const zh = skeletonOf(chinese);
    expect(frame(chinese)).toEqual(frame(english));
    expect({ headings: zh.headings, code: zh.code, links: zh.links, tables: zh.tables }).toEqual({
      headings: en.headings,
      code: en.code,
      links: en.links,
      tables: en.tables,
    });
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });
});
