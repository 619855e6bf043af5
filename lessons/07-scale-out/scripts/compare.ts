// `pnpm compare` in lesson 07: runs the scale-out rows (a private Redis, fresh
// instances per run) and writes them into lesson 05's RESULTS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { writeLaterSection } from "@workshop/05-compare/src/matrix/render.ts";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import { RESULTS_URL, renderScaleOut } from "../src/matrix/render.ts";
import { runScaleOutMatrix } from "../src/matrix/scale-out-matrix.ts";

const redis = await startPrivateRedis(); // says how to get redis-server when there is none
try {
  const section = renderScaleOut(await runScaleOutMatrix(redis.url));
  writeFileSync(RESULTS_URL, writeLaterSection(readFileSync(RESULTS_URL, "utf8"), "07", section));
  console.log(section);
  console.log("\nWritten into lessons/05-compare/RESULTS.md.");
} finally {
  await redis.stop();
}
process.exit(0);
