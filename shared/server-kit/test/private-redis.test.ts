// A private Redis for lessons that need one (lesson 07): started on a free
// loopback port, answering, and gone when stopped. Locally without
// redis-server this is skipped with one line; under CI=true it must run.
import { connect } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { lessonServerText } from "../src/lesson-server-text.ts";
import {
  findRedisServer,
  HOW_TO_GET_REDIS,
  privateRedisFailure,
  startPrivateRedis,
} from "../src/private-redis.ts";

/** Sends one inline command over a raw socket and returns Redis's first reply line. */
function command(url: string, line: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${line}\r\n`));
    socket.once("data", (data) => {
      resolve(data.toString().split("\r\n")[0] ?? "");
      socket.end();
    });
    socket.once("error", reject);
  });
}

const redisServer = findRedisServer();
const available = Boolean(redisServer) || process.env.CI === "true";
if (!available) console.warn(`[redis tests skipped] ${HOW_TO_GET_REDIS}`);

describe.runIf(available)("a private Redis", () => {
  it("starts on a free loopback port with persistence off, answers, and is gone once stopped", async () => {
    const redis = await startPrivateRedis(redisServer);
    try {
      expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(await command(redis.url, "PING")).toBe("+PONG");
      expect(await command(redis.url, "CONFIG GET save")).toBe("*2");
    } finally {
      await redis.stop();
    }
    await expect(command(redis.url, "PING")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("says in one line how to get Redis when there is none", async () => {
    await expect(startPrivateRedis("")).rejects.toThrow(HOW_TO_GET_REDIS); // "": no redis-server found
  });
});

describe("what a lesson says when its private Redis fails", () => {
  it.runIf(available)("with redis-server installed: why it did not start, in the class's language", () => {
    expect(privateRedisFailure(new Error("port taken"), lessonServerText("zh"))).toBe(
      "redis-server 没能启动：port taken",
    );
  });

  it("without one: how to get it, not the error", () => {
    vi.stubEnv("PATH", "/nonexistent"); // no redis-server to find
    try {
      expect(privateRedisFailure(new Error("port taken"), lessonServerText("en"))).toBe(HOW_TO_GET_REDIS);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
