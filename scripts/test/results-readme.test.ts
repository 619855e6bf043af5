// The README's transport tables are copied from the lessons' RESULTS.md by `pnpm compare`;
// each lesson's drift test (`pnpm compare --check`) keeps its RESULTS.md honest, and this
// keeps the copy in step with them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { between } from "@workshop/results";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lessons.ts";
import { README_END, README_START, readmeResults, resultsFiles } from "../results-readme.ts";
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

  for (const file of ["README.md", twinOf("README.md")].filter((f) => existsSync(join(repoRoot, f)))) {
    it(`${file} shows exactly the verdicts committed in those RESULTS.md files (run \`pnpm compare\` to copy them)`, () => {
      const readme = readFileSync(join(repoRoot, file), "utf8");
      expect(between(readme, README_START, README_END)).toBe(readmeResults());
    });
  }
});
