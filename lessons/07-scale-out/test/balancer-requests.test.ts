// What the balancer does with requests. The instances budget streams per client: behind the
// page's dev proxy every browser reaches the balancer from 127.0.0.1, named only by the
// X-Forwarded-For entry the proxy appended, so the balancer passes that address on, not its
// own peer's. With no instance up it still answers, and clicks on Start do not race.
import { connectSse, describeWithRedis } from "@workshop/testkit";
import { expect, it, onTestFinished } from "vitest";
import WebSocket from "ws";
import { startOneInstanceBalancer } from "./one-instance-balancer.ts";

describeWithRedis("the balancer, who is asking, and the kill switch", (redis) => {
  /** Each test's balancer, stopped however the test ends; one stream per client, to see the budget. */
  async function startBalancer() {
    const started = await startOneInstanceBalancer(redis().url, { maxStreamsPerClient: 1 });
    onTestFinished(started.stop);
    return started;
  }

  it("two browsers behind the page's proxy get a budget each; one browser still gets only its own", async () => {
    const { url } = await startBalancer();
    const from = (address: string) => ({ headers: { "X-Forwarded-For": address } });
    // Each one is counted by the instance before its answer's headers arrive here.
    const first = await connectSse(`${url}/api/notifications`, from("10.0.0.1"));
    const other = await connectSse(`${url}/api/notifications`, from("10.0.0.2"));
    const again = await connectSse(`${url}/api/notifications`, from("10.0.0.1"));
    expect([first, other, again].map((stream) => stream.response.status)).toEqual([200, 200, 429]);
    for (const stream of [first, other, again]) stream.abort();
  });

  it("with every instance down, a WebSocket upgrade is answered 503, not hung up on", async () => {
    const { balancer, url } = await startBalancer();
    await balancer.kill("a");
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
    const status = await new Promise<number | string>((resolve) => {
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.once("error", (error) => resolve(error.message));
    });
    expect(status).toBe(503);
  });

  it("six Start clicks that arrive together start the killed instance once, and every one is answered 200", async () => {
    const { balancer, url } = await startBalancer();
    await balancer.kill("a");
    const clicks = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${url}/api/debug/instances/a/start`, { method: "POST", headers: { "X-Workshop-Debug": "1" } }),
      ),
    );
    expect(clicks.map((click) => click.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(balancer.instances().find((instance) => instance.name === "a")?.up).toBe(true);
  });
});
