// `pnpm dev 07` / `pnpm start`: Redis (REDIS_URL, or a private redis-server on
// a free port, stopped on exit), three instances as processes, and the
// balancer on 127.0.0.1:3107.
import { runLessonServer } from "@workshop/server-kit";
import { findRedisServer, HOW_TO_GET_REDIS, startPrivateRedis } from "@workshop/server-kit/private-redis";
import { createBalancer } from "./balancer.ts";
import { LESSON } from "./lesson-name.ts";
import { whyRedisUnreachable } from "./redis-reachable.ts";

const fail = (message: string): never => {
  console.error(`Lesson ${LESSON}: ${message}`);
  process.exit(1);
};

const redis = process.env.REDIS_URL
  ? { url: process.env.REDIS_URL, stop: async () => {} }
  : await startPrivateRedis().catch((error: Error) =>
      fail(findRedisServer() ? `redis-server did not start: ${error.message}` : HOW_TO_GET_REDIS),
    );
if (process.env.REDIS_URL) {
  const why = await whyRedisUnreachable(process.env.REDIS_URL);
  if (why)
    fail(
      `cannot reach Redis at REDIS_URL=${process.env.REDIS_URL} (${why}). Unset REDIS_URL to let the lesson start its own.`,
    );
}
const balancer = await createBalancer({ redisUrl: redis.url, readyWhen: "first" });
console.log(
  `Lesson ${LESSON}: Redis at ${redis.url}; instances ${balancer
    .instances()
    .map((i) => i.name)
    .join(", ")}`,
);

runLessonServer(LESSON, {
  server: balancer.server,
  async shutdown() {
    await balancer.shutdown();
    await redis.stop();
  },
});
