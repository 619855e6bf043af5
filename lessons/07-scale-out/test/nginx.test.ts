// The lesson's nginx.conf, run for real in front of three instance processes:
// tokens pass through one by one, and a stream cut by a dead instance resumes
// on another through nginx. Skipped with one line without nginx (a failure under CI).
import { createMockLlm } from "@workshop/mock-llm";
import type { Token } from "@workshop/protocol";
import {
  findRedisServer,
  HOW_TO_GET_REDIS,
  type PrivateRedis,
  startPrivateRedis,
} from "@workshop/server-kit/private-redis";
import { connectSse, getJson, postJson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Balancer, createBalancer } from "../src/server/balancer.ts";
import { startInstanceInProcess } from "../src/server/instance-in-process.ts";
import { findNginx, HOW_TO_GET_NGINX, startNginx } from "../src/server/nginx.ts";

const ci = process.env.CI === "true";
const missing = [!findRedisServer() && HOW_TO_GET_REDIS, !findNginx() && HOW_TO_GET_NGINX].find(Boolean);
if (missing && !ci) console.warn(`[nginx tests skipped] ${missing}`);

const PROMPT = "why stream?";
const tokensOf = (events: { type: string; data: string }[]) =>
  events.filter((e) => e.type === "token").map((e) => JSON.parse(e.data) as Token);

describe.runIf(!missing || ci)("the lesson's nginx.conf in front of the instances", () => {
  let redis: PrivateRedis;
  let balancer: Balancer;
  let nginx: Awaited<ReturnType<typeof startNginx>>;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const redisUrl = redis.url;
    // Instances in this process: a kill cuts their connections as SIGKILL would (Instance.kill).
    balancer = await createBalancer({
      redisUrl,
      names: ["a", "b"],
      startInstance: (name, port) =>
        startInstanceInProcess(name, port, {
          redisUrl,
          llm: createMockLlm({ timing: { firstTokenDelayMs: 0, tokenDelayMs: 10, jitterMs: 0 } }),
        }),
    });
    nginx = await startNginx(balancer.ports());
  }, 30_000);
  afterAll(async () => {
    await nginx?.stop();
    await balancer?.shutdown();
    await redis?.stop();
  });

  it("streams token by token (no buffering), and a stream cut by a dead instance resumes on another", async () => {
    const { id } = (await (await postJson(`${nginx.url}/api/jobs`, { prompt: PROMPT })).json()) as {
      id: string;
    };
    const { owner } = await getJson<{ owner: string }>(`${nginx.url}/api/jobs/${id}`);
    let stream = await connectSse(`${nginx.url}/api/jobs/${id}/events`);
    while (stream.response.headers.get("x-instance") === owner) {
      stream.abort();
      stream = await connectSse(`${nginx.url}/api/jobs/${id}/events`);
    }
    await stream.waitFor((r) => r.events.length >= 10); // before the end: nginx did not hold them back
    await balancer.kill(stream.response.headers.get("x-instance") ?? "");
    await stream.ended;
    // Cut mid-reply, with tokens already shown: a buffering proxy would have delivered them all at the end, or none.
    expect(stream.events.at(-1)?.type).toBe("token");
    const lastId = stream.events.at(-1)?.lastEventId ?? "";
    const rest = await connectSse(`${nginx.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": lastId },
    });
    await rest.ended;
    const seqs = [...tokensOf(stream.events), ...tokensOf(rest.events)].map((t) => t.seq);
    expect(seqs).toEqual(Array.from({ length: createMockLlm().replyTokens(PROMPT).length }, (_, i) => i));
  });
});
