// Tests that need a real Redis get a private one (a free loopback port,
// persistence off, stopped after the block). Like describeInBrowser: without
// redis-server they are skipped with one line saying how to get it, except
// under CI=true, where a missing Redis is a failure.
import {
  findRedisServer,
  HOW_TO_GET_REDIS,
  type PrivateRedis,
  startPrivateRedis,
} from "@workshop/server-kit/private-redis";
import { afterAll, beforeAll, describe } from "vitest";

export function describeWithRedis(name: string, body: (redis: () => PrivateRedis) => void): void {
  if (!findRedisServer() && process.env.CI !== "true") {
    console.warn(`[redis tests skipped] ${name}: ${HOW_TO_GET_REDIS}`);
    describe.skip(name, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    let redis: PrivateRedis | undefined;
    beforeAll(async () => {
      redis = await startPrivateRedis(); // under CI without redis-server: fails, saying how to get it
    });
    afterAll(() => redis?.stop());
    body(() => {
      if (!redis) throw new Error("Redis not started yet");
      return redis;
    });
  });
}
