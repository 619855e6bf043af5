// The same tests against both stores: in memory, and in Redis (lesson 07's job streams),
// which follows lesson 07's rule: skipped locally without redis-server, a failure under CI.
import { type Redis, redisClient } from "@workshop/07-scale-out/src/server/redis.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { describeWithRedis } from "@workshop/testkit";
import { afterAll, beforeAll, describe } from "vitest";
import type { ChatStore } from "../src/server/chat-store.ts";
import { createMemoryChatStore } from "../src/server/chat-store.ts";
import { createRedisChatStore } from "../src/server/chat-store-redis.ts";
import { createMemoryRuns } from "../src/server/memory-runs.ts";
import { createRedisRuns } from "../src/server/redis-runs.ts";
import type { Runs } from "../src/server/runs.ts";

export interface Stores {
  runs: Runs;
  store: ChatStore;
}
export type MakeStores = (llm: MockLlm, limits?: { maxTokens?: number }) => Promise<Stores>;

export function describeWithEachStore(name: string, body: (make: MakeStores) => void): void {
  describe(`${name} (in memory)`, () => {
    body(async (llm, { maxTokens } = {}) => ({
      runs: createMemoryRuns({ llm, maxTokens }),
      store: createMemoryChatStore(),
    }));
  });
  describeWithRedis(`${name} (in Redis)`, (server) => {
    let redis: Redis;
    let instances = 0;
    beforeAll(async () => {
      redis = redisClient(server().url);
      await redis.connect();
    });
    afterAll(() => redis?.destroy());
    body(async (llm, { maxTokens } = {}) => ({
      runs: await createRedisRuns({ redis, instance: `test-${++instances}`, llm, maxTokens }),
      store: createRedisChatStore(redis),
    }));
  });
}
