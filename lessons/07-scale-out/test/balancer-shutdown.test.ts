// The balancer stops even while a WebSocket it passes on is half-open: upgraded
// sockets are invisible to the HTTP server's closeAllConnections().
import { describeWithRedis, openHalfOpenWebSocket, settlesWithin, startServer } from "@workshop/testkit";
import { expect, it } from "vitest";
import { createBalancer } from "../src/server/balancer.ts";
import { startInstanceInProcess } from "../src/server/instance-in-process.ts";

describeWithRedis("stopping the balancer", (redis) => {
  it("closes after its instances while a client it passed a WebSocket to never hangs up", async () => {
    const balancer = await createBalancer({
      redisUrl: redis().url,
      names: ["a"],
      startInstance: (name, port) =>
        startInstanceInProcess(name, port, { redisUrl: redis().url, isAllowedOrigin: () => true }),
    });
    const { port, close } = await startServer(balancer.server);
    const client = await openHalfOpenWebSocket(port, "/ws");
    await balancer.shutdown(); // the instances first (their sockets get a second's grace)
    const closing = close();
    const closed = await settlesWithin(closing, 10_000); // the bug waits for ever; 10 s is a guard
    client.destroy();
    await closing;
    expect(closed, "still waiting for the half-open socket").toBe(true);
  });
});
