// The chat tree in Redis: a hash of messages per chat (HSETNX: the same message id
// twice adds it once, whichever instance each request reached), the run slot taken
// with SET NX, and everything expiring after `ttlSeconds` without a new message.
import type { Redis } from "@workshop/07-scale-out/src/server/redis.ts";
import type { ActiveRun, ChatStore, StoredMessage } from "./chat-store.ts";

/** How long a claim holds the run slot before its run has started. */
export const CLAIM_SECONDS = 30;

const key = (chatId: string, part: "messages" | "active" | "leaf") => `chat:${chatId}:${part}`;

export function createRedisChatStore(redis: Redis, { ttlSeconds = 7 * 24 * 3600 } = {}): ChatStore {
  const keep = (chatId: string) =>
    Promise.all([
      redis.expire(key(chatId, "messages"), ttlSeconds),
      redis.expire(key(chatId, "leaf"), ttlSeconds),
    ]);
  return {
    async addMessage(chatId, message) {
      const added = await redis.hSetNX(key(chatId, "messages"), message.id, JSON.stringify(message));
      await keep(chatId);
      return Number(added) === 1;
    },
    async updateMessage(chatId, message) {
      await redis.hSet(key(chatId, "messages"), message.id, JSON.stringify(message));
    },
    async messages(chatId) {
      const all = await redis.hVals(key(chatId, "messages"));
      // A hash has no order: siblings are ordered by when they were added.
      return all.map((json) => JSON.parse(json) as StoredMessage).sort((a, b) => a.createdAt - b.createdAt);
    },
    async claimActive(chatId, run) {
      // A short hold until setActive names the run: an instance that dies in between must not
      // lock the chat for ttlSeconds.
      const set = await redis.set(key(chatId, "active"), JSON.stringify(run), {
        condition: "NX",
        expiration: { type: "EX", value: CLAIM_SECONDS },
      });
      return set === "OK";
    },
    async setActive(chatId, run) {
      await redis.set(key(chatId, "active"), JSON.stringify(run), {
        expiration: { type: "EX", value: ttlSeconds },
      });
    },
    async releaseActive(chatId, runId) {
      // Only the run that holds the slot frees it (a script: nothing comes between the read and the delete).
      await redis.eval(
        "local v = redis.call('GET', KEYS[1]); if v and cjson.decode(v).runId == ARGV[1] then redis.call('DEL', KEYS[1]) end",
        { keys: [key(chatId, "active")], arguments: [runId] },
      );
    },
    async active(chatId) {
      const json = await redis.get(key(chatId, "active"));
      return json ? (JSON.parse(json) as ActiveRun) : undefined;
    },
    async setLeaf(chatId, messageId) {
      await redis.set(key(chatId, "leaf"), messageId, { expiration: { type: "EX", value: ttlSeconds } });
    },
    async leaf(chatId) {
      return (await redis.get(key(chatId, "leaf"))) ?? undefined;
    },
  };
}
