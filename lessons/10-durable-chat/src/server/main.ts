// `pnpm dev 10` / `pnpm start`: lesson 10 on 127.0.0.1:3110. Runs and chats live in
// memory; with REDIS_URL, in that Redis, where they outlive a restart of this server;
// with `--redis`, in a private redis-server (as lesson 07 starts one) that stops with it.
import { createMockLlm } from "@workshop/mock-llm";
import { runLessonServer } from "@workshop/server-kit";
import { fromLesson } from "@workshop/server-kit/lesson-server-text";
import { LIMITS } from "../protocol.ts";
import { createServer, LESSON } from "./app.ts";
import { startLines } from "./start-lines.ts";

const say = startLines();

const fail = (message: string): never => {
  console.error(fromLesson(LESSON, message));
  process.exit(1);
};

const wantsRedis = process.env.REDIS_URL || process.argv.includes("--redis");
if (!wantsRedis) {
  console.log(fromLesson(LESSON, say.inMemory()));
  runLessonServer(LESSON, createServer());
} else {
  // Loaded only here: the Redis client and lesson 07's streams cost half a second of start-up.
  const { privateRedisFailure, startPrivateRedis } = await import("@workshop/server-kit/private-redis");
  const { redisClient } = await import("@workshop/07-scale-out/src/server/redis.ts");
  const { whyRedisUnreachable } = await import("@workshop/07-scale-out/src/server/redis-reachable.ts");
  const { createRedisChatStore } = await import("./chat-store-redis.ts");
  const { createRedisRuns } = await import("./redis-runs.ts");
  const redisServer = process.env.REDIS_URL
    ? { url: process.env.REDIS_URL, stop: async () => {} }
    : await startPrivateRedis().catch((error: Error) => fail(privateRedisFailure(error)));
  const why = await whyRedisUnreachable(redisServer.url);
  if (why) fail(say.redisUnreachable(redisServer.url, why));
  const redis = redisClient(redisServer.url);
  await redis.connect();
  const llm = createMockLlm();
  const runs = await createRedisRuns({
    redis,
    instance: `lesson-10-${process.pid}`,
    llm,
    maxTokens: LIMITS.tokensPerRun,
  });
  const lesson = createServer({ llm, runs, store: createRedisChatStore(redis) });
  console.log(fromLesson(LESSON, say.inRedis(redisServer.url, !process.env.REDIS_URL)));
  runLessonServer(LESSON, {
    server: lesson.server,
    async shutdown() {
      await lesson.shutdown();
      redis.destroy();
      await redisServer.stop();
    },
  });
}
