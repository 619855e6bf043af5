// Lesson 05's comparison, on lesson 07's topology: lesson 02's and lesson
// 03's own clients (run by lesson 05's runners, judged by its judge) against
// three instances behind the balancer, sharing one Redis. The faults are the
// two that only exist with more than one server: the instance serving the
// stream dies, or the instance generating the reply does.
import { judgeReconnection } from "@workshop/05-compare/matrix/judge.ts";
import { nodePlatform } from "@workshop/05-compare/matrix/node-platform.ts";
import { runTransport } from "@workshop/05-compare/matrix/run-transport.ts";
import { WEBSOCKET_BACKOFF } from "@workshop/05-compare/matrix/runs/websocket.ts";
import { FAULT_AT, SCENARIOS } from "@workshop/05-compare/matrix/scenarios.ts";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { startServer } from "@workshop/testkit/servers";
import { type Balancer, createBalancer } from "../server/balancer.ts";
import { startInstanceInProcess } from "../server/instance-in-process.ts";
import { redisClient } from "../server/redis.ts";

/** The transports lesson 07 serves from Redis. */
export const SCALE_OUT_TRANSPORTS = ["SSE", "WebSocket"] as const;
export type ScaleOutTransport = (typeof SCALE_OUT_TRANSPORTS)[number];

const PROMPT = (SCENARIOS[0] as { prompt: string }).prompt; // the same reply as lesson 05's rows
// The owner renews every third of it, so a lease of 1 s outlives a 0.6 s pause of a busy
// process (four clusters share this one) without ever being taken for a dead owner.
const LEASE_MS = 1000;
const HEARTBEAT_MS = 250; // lesson 05's matrix settings: WebSocket's watchdog at three missed beats
// Stuck once no token came for this long: a dead owner is noticed within the lease, a dead
// connection by the watchdog, then one backoff; four times that holds on a quarter-speed machine.
const STUCK_AFTER_MS = 4 * (LEASE_MS + 3 * HEARTBEAT_MS + WEBSOCKET_BACKOFF.maxMs);

interface Cluster {
  balancer: Balancer;
  /** The instance holding the client's connection right now. */
  serving(): string;
  /** The instance holding the reply's lease (generating it). */
  generating(): Promise<string>;
}

export const SCALE_OUT_SCENARIOS: { name: string; fault: (cluster: Cluster) => Promise<void> }[] = [
  {
    name: "server restarted mid-stream (the instance serving the stream)",
    fault: async (cluster) => {
      const name = cluster.serving();
      await cluster.balancer.kill(name);
      await cluster.balancer.start(name);
    },
  },
  {
    name: "an instance killed mid-stream (the one generating the reply)",
    fault: async (cluster) => cluster.balancer.kill(await cluster.generating()),
  },
];

/** Three fresh in-process instances on their own Redis database, behind a balancer. */
async function startCluster(redisUrl: string) {
  const redis = redisClient(redisUrl);
  await redis.connect();
  await redis.flushDb(); // nothing left from the previous scenario (a dead owner's lease)
  const llm = () => createMockLlm({ timing: steadyTiming(4) });
  const balancer = await createBalancer({
    redisUrl,
    startInstance: (name, port) =>
      startInstanceInProcess(name, port, {
        redisUrl,
        llm: llm(),
        leaseMs: LEASE_MS,
        retryMs: 50,
        heartbeatMs: HEARTBEAT_MS,
        isAllowedOrigin: () => true,
      }),
  });
  const running = await startServer(balancer.server);
  const cluster: Cluster = {
    balancer,
    serving: () => balancer.instances().find((instance) => instance.connections > 0)?.name ?? "a",
    async generating() {
      const [lease] = await redis.keys("job:*:lease");
      return (lease && (await redis.get(lease))) ?? "a";
    },
  };
  return {
    cluster,
    url: running.url,
    async close() {
      await balancer.shutdown();
      await running.close().catch(() => {});
      redis.destroy();
    },
  };
}

export type ScaleOutResult = Map<string, Map<ScaleOutTransport, { verdict: string; measured: string }>>;

/**
 * Every scenario on both transports at once, each on a fresh cluster with its own Redis
 * database: a run that is stuck waits out STUCK_AFTER_MS, and side by side they wait once.
 */
export async function runScaleOutMatrix(redisUrl: string): Promise<ScaleOutResult> {
  const cells = await Promise.all(
    SCALE_OUT_SCENARIOS.flatMap((scenario, s) =>
      SCALE_OUT_TRANSPORTS.map(async (transport, t) => {
        const database = 1 + s * SCALE_OUT_TRANSPORTS.length + t;
        const { cluster, url, close } = await startCluster(`${redisUrl}/${database}`);
        let faultAt: number | undefined;
        const record = await runTransport(transport, {
          platform: nodePlatform,
          base: url,
          prompt: PROMPT,
          stuckAfterMs: STUCK_AFTER_MS,
          heartbeatMs: HEARTBEAT_MS,
          onToken: (count) => {
            if (count !== FAULT_AT || faultAt !== undefined) return;
            faultAt = performance.now();
            void scenario.fault(cluster);
          },
        });
        await close();
        return { scenario: scenario.name, transport, judged: judgeReconnection(record, PROMPT, faultAt) };
      }),
    ),
  );
  const result: ScaleOutResult = new Map(SCALE_OUT_SCENARIOS.map(({ name }) => [name, new Map()]));
  for (const { scenario, transport, judged } of cells) result.get(scenario)?.set(transport, judged);
  return result;
}
