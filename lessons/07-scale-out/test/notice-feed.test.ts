// Pub/sub vs Streams, with a subscriber that drops for a moment: what each loses.
import { describeWithRedis, eventually } from "@workshop/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { publishNotice, readNotices, subscribeToNotices } from "../src/server/notice-feed.ts";
import { type Redis, redisClient } from "../src/server/redis.ts";

const notice = (text: string) => ({ text, at: "2026-11-22T00:00:00.000Z" });

describeWithRedis("notices across instances", (server) => {
  let redis: Redis;
  beforeAll(async () => {
    redis = redisClient(server().url);
    await redis.connect();
  });
  afterAll(() => redis?.destroy());

  it("pub/sub drops what a subscriber misses while reconnecting; a Streams reader misses nothing", async () => {
    const heard: string[] = [];
    let unsubscribe = await subscribeToNotices(redis, (n) => heard.push(n.text));
    let { lastId } = await readNotices(redis, "0");
    const read: string[] = [];

    await publishNotice(redis, notice("one"));
    await eventually(() => heard.length === 1);
    const first = await readNotices(redis, lastId);
    read.push(...first.notices.map((n) => n.text));
    lastId = first.lastId;

    await unsubscribe(); // the instance's subscription drops for a moment…
    await publishNotice(redis, notice("two (said while it was away)"));
    unsubscribe = await subscribeToNotices(redis, (n) => heard.push(n.text)); // …and comes back
    await publishNotice(redis, notice("three"));
    await eventually(() => heard.length === 2);
    const rest = await readNotices(redis, lastId); // the Stream reader asks for everything after its last id
    read.push(...rest.notices.map((n) => n.text));
    await unsubscribe();

    expect(heard).toEqual(["one", "three"]); // pub/sub: "two" is gone for good
    expect(read).toEqual(["one", "two (said while it was away)", "three"]);
  });
});
