// `pnpm compare`: every lesson that measures something reruns its comparison
// and writes its results (lesson 05 first: it also copies its tables into this
// README, and keeps the rows 07 and 08 write after it).
// `pnpm compare --check [file] [-t name]`: writes nothing; reruns them and fails
// where a committed table differs from a fresh run (what CI runs).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findLessons, repoRoot } from "./lessons.ts";

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
