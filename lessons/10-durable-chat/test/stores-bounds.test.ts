// What the stores keep is bounded: ended runs and quiet chats are let go of in memory,
// generations per client are counted, and chats in Redis expire.
import { randomUUID } from "node:crypto";
import { redisClient } from "@workshop/07-scale-out/src/server/redis.ts";
import { createMockLlm, instantTiming, type MockLlm } from "@workshop/mock-llm";
import { describeWithRedis } from "@workshop/testkit";
import { describe, expect, it } from "vitest";
import { createMemoryChatStore, type StoredMessage } from "../src/server/chat-store.ts";
import { CLAIM_SECONDS, createRedisChatStore } from "../src/server/chat-store-redis.ts";
import { createMemoryRuns } from "../src/server/memory-runs.ts";
import { createRedisRuns } from "../src/server/redis-runs.ts";
import type { Runs } from "../src/server/runs.ts";

const message = (id: string): StoredMessage => ({
  id,
  role: "user",
  parentId: null,
  text: "hi",
  status: "complete",
  createdAt: Date.now(),
});

/** Reads a run to its end (its `done`). */
async function toTheEnd(runs: Runs, id: string): Promise<void> {
  for await (const _ of runs.read(id, -1, new AbortController().signal));
}

describe("in memory", () => {
  it("ended runs beyond maxKept are let go of, oldest first; a run still generating is kept", async () => {
    const llm = createMockLlm({ timing: instantTiming });
    // "forever" is answered until Stop; every other prompt at once.
    const generate: MockLlm["generate"] = async function* (prompt, options) {
      if (prompt !== "forever") return yield* llm.generate(prompt, options);
      yield "…";
      await new Promise((_, reject) => options?.signal?.addEventListener("abort", reject));
    };
    const runs = createMemoryRuns({ llm: { ...llm, generate }, maxKept: 2 });
    const generating = await runs.start("forever");
    const ended: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await runs.start("why stream?");
      await toTheEnd(runs, id);
      ended.push(id);
    }
    expect(await Promise.all(ended.map((id) => runs.exists(id)))).toEqual([false, true, true]);
    expect(await runs.exists(generating)).toBe(true);
    await runs.stop(generating);
    await toTheEnd(runs, generating);
  });

  it("one client's generations at once are bounded: one more is a 429 too_many_runs", async () => {
    const llm = createMockLlm({ timing: instantTiming });
    llm.hold(1);
    const runs = createMemoryRuns({ llm, maxGeneratingPerClient: 1 });
    await runs.start("why stream?", "10.0.0.1");
    await expect(runs.start("why stream?", "10.0.0.1")).rejects.toMatchObject({
      status: 429,
      code: "too_many_runs",
    });
    await runs.start("why stream?", "10.0.0.2"); // another client is not refused
    await runs.close();
    llm.release();
  });

  it("chats beyond maxChats are let go of, the one touched longest ago first, unless a run is in progress in it", async () => {
    const store = createMemoryChatStore({ maxChats: 2 });
    await store.addMessage("busy", message("m"));
    await store.claimActive("busy", { runId: "r", messageId: "a", parentId: "m" });
    await store.addMessage("quiet", message("m"));
    await store.addMessage("new", message("m"));
    await store.addMessage("newer", message("m"));
    expect((await store.messages("busy")).length).toBe(1);
    expect((await store.messages("quiet")).length).toBe(0);
    expect((await store.messages("newer")).length).toBe(1);
  });
});

describeWithRedis("in Redis", (server) => {
  it("a chat's keys expire: a week after its last message by default, and a claim not yet named in 30 s", async () => {
    const redis = redisClient(server().url);
    await redis.connect();
    try {
      const chatId = `c-${randomUUID()}`;
      const store = createRedisChatStore(redis);
      await store.addMessage(chatId, message("m"));
      await store.setLeaf(chatId, "m");
      // A claim holds the run slot briefly until its run is named: a crash in between frees it soon.
      await store.claimActive(chatId, { runId: "", messageId: "a", parentId: "m" });
      const claim = await redis.ttl(`chat:${chatId}:active`);
      expect(claim).toBeGreaterThan(0);
      expect(claim).toBeLessThanOrEqual(CLAIM_SECONDS);
      await store.setActive(chatId, { runId: "r", messageId: "a", parentId: "m" });
      expect(await redis.ttl(`chat:${chatId}:active`)).toBeGreaterThan(CLAIM_SECONDS);
      for (const key of [`chat:${chatId}:messages`, `chat:${chatId}:leaf`]) {
        const ttl = await redis.ttl(key);
        expect(ttl, key).toBeGreaterThan(0);
        expect(ttl, key).toBeLessThanOrEqual(7 * 24 * 3600);
      }
    } finally {
      redis.destroy();
    }
  });

  it("generations at once are bounded with the same 429 too_many_runs as in memory", async () => {
    const redis = redisClient(server().url);
    await redis.connect();
    const llm = createMockLlm({ timing: instantTiming });
    llm.hold(1);
    const runs = await createRedisRuns({ redis, instance: "bounds", llm, maxGenerating: 1 });
    try {
      await runs.start("why stream?");
      await expect(runs.start("why stream?")).rejects.toMatchObject({ status: 429, code: "too_many_runs" });
    } finally {
      await runs.close();
      llm.release();
      redis.destroy();
    }
  });
});
