// For the balancer's tests: a balancer over one instance, "a", run in this process (nothing
// to spawn), on 127.0.0.1:0. Instance options default to any Origin allowed.
import { startServer } from "@workshop/testkit";
import { createBalancer } from "../src/server/balancer.ts";
import { startInstanceInProcess } from "../src/server/instance-in-process.ts";

type InstanceOptions = Parameters<typeof startInstanceInProcess>[2];

export async function startOneInstanceBalancer(redisUrl: string, options: Partial<InstanceOptions> = {}) {
  const balancer = await createBalancer({
    redisUrl,
    names: ["a"],
    startInstance: (name, port) =>
      startInstanceInProcess(name, port, { redisUrl, isAllowedOrigin: () => true, ...options }),
  });
  const running = await startServer(balancer.server);
  return {
    balancer,
    ...running,
    /** The instances, then the balancer's own server. */
    async stop() {
      await balancer.shutdown();
      await running.close();
    },
  };
}
