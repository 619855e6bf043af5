// The README's transport tables are copied from the lessons' RESULTS.md by `pnpm compare`;
// each lesson's drift test (`pnpm compare --check`) keeps its RESULTS.md honest, and this
// keeps the copy in step with them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { between } from "@workshop/results";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lessons.ts";
import { README_END, README_START, readmeResults, resultsFiles } from "../results-readme.ts";
import { resultsInChinese } from "../results-zh.ts";
import { twinOf } from "../translations.ts";

describe("the README's transport tables", () => {
  it("come from every lesson that measures something: 05's matrix, 07's scale-out, 08's provider formats, 10's durable runs", () => {
    expect(resultsFiles().map((file) => file.slice(repoRoot.length))).toEqual([
      "lessons/05-compare/RESULTS.md",
      "lessons/07-scale-out/RESULTS.md",
      "lessons/08-llm-apis/RESULTS.md",
      "lessons/10-durable-chat/RESULTS.md",
    ]);
  });

  it("README.md shows exactly the verdicts committed in those RESULTS.md files (run `pnpm compare` to copy them)", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(between(readme, README_START, README_END)).toBe(readmeResults());
  });

  it("README.zh-CN.md shows the same verdicts in Chinese, ✓ and ✗ kept (run `pnpm compare` to copy them)", () => {
    const readme = readFileSync(join(repoRoot, twinOf("README.md")), "utf8");
    const tables = between(readme, README_START, README_END);
    expect(tables).toBe(resultsInChinese(readmeResults()));
    expect(tables.match(/[✓✗]/g)?.length).toBe(readmeResults().match(/[✓✗]/g)?.length);
  });

  it("names a results phrase that has no Chinese yet, rather than copy it in English", () => {
    expect(() => resultsInChinese("| Scenario | SSE |\n| --- | --- |\n| a new scenario | ✓ exact |")).toThrow(
      'No Chinese for the results phrase "a new scenario"',
    );
  });
});
