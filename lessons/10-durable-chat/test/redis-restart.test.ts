// With Redis, chats and runs live outside the lesson server: a restart keeps every answer
// written, and the one it was generating is reported cut, never as finished.
import { type Redis, redisClient } from "@workshop/07-scale-out/src/server/redis.ts";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { describeWithRedis, startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer } from "../src/server/app.ts";
import { createRedisChatStore } from "../src/server/chat-store-redis.ts";
import { createRedisRuns } from "../src/server/redis-runs.ts";
import { answerIn, chatClient, endOf, textOf, untilChat, untilEnd, untilTokens } from "./chat-client.ts";

const PROMPT = "why stream?";

describeWithRedis("lesson 10 on Redis, across a restart of its server", (server) => {
  let redis: Redis;
  beforeAll(async () => {
    redis = redisClient(server().url);
    await redis.connect();
  });
  afterAll(() => redis?.destroy());

  const start = async (name: string) => {
    const llm = createMockLlm({ timing: steadyTiming(2) });
    const runs = await createRedisRuns({ redis, instance: name, llm, leaseMs: 500 });
    const lesson = await startLesson(createServer({ llm, runs, store: createRedisChatStore(redis) }));
    return { ...lesson, llm, client: chatClient(lesson.url) };
  };

  it("a finished answer is still there after a restart, and the one cut by it reads as interrupted, never complete", async () => {
    const before = await start("before");
    const finished = await before.client.send("kept", { id: "m1", text: PROMPT, parentId: null });
    await untilEnd(await before.client.read(finished.runId));
    await untilChat(before.client, "kept", (v) => v.activeRun === null);
    before.llm.hold(3);
    const cut = await before.client.send("cut", { id: "m1", text: PROMPT, parentId: null });
    await untilTokens(await before.client.read(cut.runId), 3);
    await before.close(); // the server restarts mid-answer

    const after = await start("after");
    try {
      const kept = await after.client.view("kept");
      expect(answerIn(kept, finished.messageId)).toMatchObject({
        status: "complete",
        text: before.llm.replyTokens(PROMPT).join(""),
      });
      const reader = await after.client.read(cut.runId);
      await untilEnd(reader);
      expect(textOf(reader)).toBe(before.llm.replyTokens(PROMPT).slice(0, 3).join(""));
      expect(endOf(reader)?.reason).toBe("interrupted");
      const view = await untilChat(after.client, "cut", (v) => v.activeRun === null);
      expect(answerIn(view, cut.messageId)).toMatchObject({ status: "interrupted", tokens: 3 });
    } finally {
      await after.close();
    }
  });
});
