// `pnpm compare` in lesson 07: runs the scale-out rows (a private Redis, fresh
// instances per run) and writes them into lesson 05's RESULTS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { LATER_END, LATER_START } from "@workshop/05-compare/src/matrix/render.ts";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import { RESULTS_URL, renderScaleOut } from "../src/matrix/render.ts";
import { runScaleOutMatrix } from "../src/matrix/scale-out-matrix.ts";

const redis = await startPrivateRedis(); // says how to get redis-server when there is none
try {
  const block = renderScaleOut(await runScaleOutMatrix(redis.url));
  const results = readFileSync(RESULTS_URL, "utf8");
  const start = results.indexOf(LATER_START);
  const end = results.indexOf(LATER_END);
  if (start === -1 || end === -1)
    throw new Error("lesson 05's RESULTS.md has no later-lessons block: run its `pnpm compare`");
  writeFileSync(
    RESULTS_URL,
    `${results.slice(0, start + LATER_START.length)}\n${block}\n${results.slice(end)}`,
  );
  console.log(block);
  console.log("\nWritten into lessons/05-compare/RESULTS.md.");
} finally {
  await redis.stop();
}
process.exit(0);
