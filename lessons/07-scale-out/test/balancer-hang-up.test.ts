// A page that closes a stream leaves the instance behind the balancer too, not
// only the balancer: the instance's presence count says who is still there.
import { EVENTS, type PresenceData } from "@workshop/02-sse/protocol";
import { createMockLlm } from "@workshop/mock-llm";
import { connectSse, describeWithRedis, postJson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { redisClient } from "../src/server/redis.ts";
import { startOneInstanceBalancer } from "./one-instance-balancer.ts";

describeWithRedis("a client that hangs up on the balancer", (redis) => {
  it("leaves the instance too: ten streams opened and closed leave no ghost in presence", async () => {
    const { url, stop } = await startOneInstanceBalancer(redis().url, { presenceIntervalMs: 50 });
    try {
      const presence = (events: { type: string; data: string }[]) =>
        events
          .filter((e) => e.type === EVENTS.presence)
          .map((e) => (JSON.parse(e.data) as PresenceData).connections);
      for (let i = 0; i < 10; i++) {
        const leaving = await connectSse(`${url}/api/notifications`);
        await leaving.waitFor((r) => presence(r.events).length > 0); // the instance counted it
        leaving.abort();
      }
      // The one page still open is told the count until it is 1: with ghosts it stays at 11.
      const staying = await connectSse(`${url}/api/notifications`);
      await staying.waitFor((r) => presence(r.events).at(-1) === 1);
      expect(presence(staying.events).at(-1)).toBe(1);
      staying.abort();
    } finally {
      await stop();
    }
  });

  it("a job's follower that leaves releases its Redis reader on the instance, while the job still runs", async () => {
    const llm = createMockLlm({ timing: "instant" });
    llm.hold(3); // the reply waits after three tokens: the job runs on after the follower left
    const { url, stop } = await startOneInstanceBalancer(redis().url, { llm });
    const probe = redisClient(redis().url);
    await probe.connect();
    const clients = async () => Number(/connected_clients:(\d+)/.exec(await probe.info("clients"))?.[1]);
    try {
      const { id } = (await (await postJson(`${url}/api/jobs`, { prompt: "why stream?" })).json()) as {
        id: string;
      };
      const before = await clients();
      const follower = await connectSse(`${url}/api/jobs/${id}/events`);
      await follower.waitFor((r) => r.events.filter((e) => e.type === "token").length >= 3);
      expect(await clients()).toBe(before + 1); // the follower's blocking connection
      follower.abort();
      await expect.poll(clients, { timeout: 10_000 }).toBe(before);
    } finally {
      llm.release();
      probe.destroy();
      await stop();
    }
  });
});
