// `pnpm compare` in lesson 07: runs the scale-out rows (a private Redis, fresh
// instances per run) and writes this lesson's RESULTS.md.
import { writeFileSync } from "node:fs";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import { RESULTS_URL, renderResults } from "../src/matrix/render.ts";
import { runScaleOutMatrix } from "../src/matrix/scale-out-matrix.ts";

const redis = await startPrivateRedis(); // says how to get redis-server when there is none
try {
  const results = renderResults(await runScaleOutMatrix(redis.url));
  writeFileSync(RESULTS_URL, results);
  console.log(`${results}\nRESULTS.md written.`);
} finally {
  await redis.stop();
}
process.exit(0);
