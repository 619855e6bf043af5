// The balancer stops even while a WebSocket it passes on is half-open: upgraded
// sockets are invisible to the HTTP server's closeAllConnections().
import { describeWithRedis, openHalfOpenWebSocket, settlesWithin } from "@workshop/testkit";
import { expect, it } from "vitest";
import { startOneInstanceBalancer } from "./one-instance-balancer.ts";

describeWithRedis("stopping the balancer", (redis) => {
  it("closes after its instances while a client it passed a WebSocket to never hangs up", async () => {
    const { balancer, port, close } = await startOneInstanceBalancer(redis().url);
    const client = await openHalfOpenWebSocket(port, "/ws");
    await balancer.shutdown(); // the instances first (their sockets get a second's grace)
    const closing = close();
    const closed = await settlesWithin(closing, 10_000); // the bug waits for ever; 10 s is a guard
    client.destroy();
    await closing;
    expect(closed, "still waiting for the half-open socket").toBe(true);
  });
});
