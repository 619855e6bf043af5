// `pnpm dev 07` / `pnpm start`: Redis (REDIS_URL, or a private redis-server on
// a free port, stopped on exit), three instances as processes, and the
// balancer on 127.0.0.1:3107.
import { runLessonServer } from "@workshop/server-kit";
import { HOW_TO_GET_REDIS, startPrivateRedis } from "@workshop/server-kit/private-redis";
import { createBalancer } from "./balancer.ts";
import { LESSON } from "./lesson-name.ts";

const redis = process.env.REDIS_URL
  ? { url: process.env.REDIS_URL, stop: async () => {} }
  : await startPrivateRedis().catch(() => {
      console.error(`Lesson ${LESSON}: ${HOW_TO_GET_REDIS}`);
      process.exit(1);
    });
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
