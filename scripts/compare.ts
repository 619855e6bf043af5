// `pnpm compare`: every lesson that measures something (a `compare` script)
// reruns its comparison and writes its own RESULTS.md; then this README's
// tables are copied from them.
// `pnpm compare --check [file] [-t name]`: writes nothing; reruns them and fails
// where a committed table differs from a fresh run (what CI runs).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { replaceBetween } from "@workshop/results";
import { findLessons, repoRoot } from "./lessons.ts";
import { README_END, README_START, readmeResults } from "./results-readme.ts";
import { resultsInChinese } from "./results-zh.ts";
import { twinOf } from "./translations.ts";

const args = process.argv.slice(2).filter((arg) => arg !== "--");

if (args[0] === "--check") {
  const vitest = join(repoRoot, "node_modules/.bin/vitest");
  const config = join(repoRoot, "vitest.compare.config.ts");
  const run = spawnSync(vitest, ["run", "--config", config, ...args.slice(1)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

for (const lesson of findLessons()) {
  const dir = join(repoRoot, "lessons", lesson.folder);
  const scripts = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts ?? {};
  if (!scripts.compare) continue;
  console.log(`\n▶ lesson ${lesson.folder}: pnpm compare`);
  const run = spawnSync("pnpm", ["-s", "compare"], { cwd: dir, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

// README.zh-CN.md holds the same tables, in Chinese (results-zh.ts).
const inEnglish = readmeResults();
for (const [file, tables] of [
  ["README.md", inEnglish],
  [twinOf("README.md"), resultsInChinese(inEnglish)],
] as const) {
  const readmePath = join(repoRoot, file);
  if (!existsSync(readmePath)) continue;
  writeFileSync(
    readmePath,
    replaceBetween(readFileSync(readmePath, "utf8"), README_START, README_END, tables),
  );
}
console.log("\nThe README's tables copied from every RESULTS.md, English and 中文.");
