// A page that closes a stream leaves the instance behind the balancer too, not
// only the balancer: the instance's presence count says who is still there.
import { EVENTS, type PresenceData } from "@workshop/02-sse/protocol";
import { connectSse, describeWithRedis, startServer } from "@workshop/testkit";
import { expect, it } from "vitest";
import { createBalancer } from "../src/server/balancer.ts";
import { startInstanceInProcess } from "../src/server/instance-in-process.ts";

describeWithRedis("a client that hangs up on the balancer", (redis) => {
  it("leaves the instance too: ten streams opened and closed leave no ghost in presence", async () => {
    const balancer = await createBalancer({
      redisUrl: redis().url,
      names: ["a"],
      startInstance: (name, port) =>
        startInstanceInProcess(name, port, {
          redisUrl: redis().url,
          presenceIntervalMs: 50,
          isAllowedOrigin: () => true,
        }),
    });
    const { url, close } = await startServer(balancer.server);
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
      await balancer.shutdown();
      await close();
    }
  });
});
