// The README's "Which transport" tables: every lesson's committed verdicts
// (the stable section of its RESULTS.md), copied in lesson order by `pnpm compare`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stableSection } from "@workshop/results";
import { findLessons, repoRoot } from "./lessons.ts";

export const README_START = "<!-- results:start (copied from the lessons' RESULTS.md by `pnpm compare`) -->";
export const README_END = "<!-- results:end -->";

/** The lessons that measure something: those with a RESULTS.md. */
export const resultsFiles = (root = repoRoot): string[] =>
  findLessons(root)
    .map((lesson) => join(root, "lessons", lesson.folder, "RESULTS.md"))
    .filter((file) => existsSync(file));

/** What the README's results block holds: each lesson's verdicts, its headings one level under the README's. */
export const readmeResults = (root = repoRoot): string =>
  resultsFiles(root)
    .map((file) => stableSection(readFileSync(file, "utf8")).replace(/^## /gm, "#### "))
    .join("\n\n");
