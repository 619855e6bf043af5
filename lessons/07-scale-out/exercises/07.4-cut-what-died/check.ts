import { defineChecks, must, within } from "@workshop/exercises";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import { connectSse, getJson, postJson, startServer } from "@workshop/testkit";
import type * as Balancer from "../../src/server/balancer.ts";
import type * as InProcess from "../../src/server/instance-in-process.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "killing the instance that serves a stream ends the client's connection, so it can reconnect":
    "杀掉正在服务某条流的实例，客户端的连接随之结束，它才能断线重连",
};

export default defineChecks({
  "killing the instance that serves a stream ends the client's connection, so it can reconnect": async (
    code,
  ) => {
    const { createBalancer } = await code.load<typeof Balancer>("src/server/balancer.ts");
    const { startInstanceInProcess } = await code.load<typeof InProcess>("src/server/instance-in-process.ts");
    const redis = await startPrivateRedis();
    // Instances in this process (they start in milliseconds); kill cuts their sockets as SIGKILL would.
    const llm = () => createMockLlm({ timing: steadyTiming(20) });
    const balancer = await createBalancer({
      redisUrl: redis.url,
      names: ["a", "b"],
      startInstance: (name, port) => startInstanceInProcess(name, port, { redisUrl: redis.url, llm: llm() }),
    });
    const running = await startServer(balancer.server);
    try {
      const { id } = (await (
        await postJson(`${running.url}/api/jobs`, { prompt: "why stream?" })
      ).json()) as { id: string };
      const { owner } = await getJson<{ owner: string }>(`${running.url}/api/jobs/${id}`);
      let stream = await connectSse(`${running.url}/api/jobs/${id}/events`);
      while (stream.response.headers.get("x-instance") === owner) {
        stream.abort(); // round-robin: the next one lands elsewhere
        stream = await connectSse(`${running.url}/api/jobs/${id}/events`);
      }
      await stream.waitFor((r) => r.events.length >= 3);
      await balancer.kill(stream.response.headers.get("x-instance") ?? "");
      await within(stream.ended, 5000, {
        en: "the instance died, but the client's stream stayed open: cut it",
        zh: "实例已经死了，客户端的流却还开着：把它切断",
      });
      must(stream.events.at(-1)?.type !== "done", {
        en: "the stream ended with done: the killed instance was not serving it",
        zh: "流以 done 结束了：被杀掉的实例并没有在服务它",
      });
    } finally {
      await balancer.shutdown();
      await running.close().catch(() => {});
      await redis.stop();
    }
  },
});
