// Three instance processes behind the balancer, one real Redis. Kill is
// SIGKILL: no goodbye, the socket cut mid-reply.
import type { ServerMessage } from "@workshop/03-websocket/protocol";
import { createMockLlm } from "@workshop/mock-llm";
import type { Token } from "@workshop/protocol";
import {
  connectSse,
  connectWebSocket,
  describeWithRedis,
  getJson,
  postJson,
  startServer,
} from "@workshop/testkit";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { type Balancer, createBalancer } from "../src/server/balancer.ts";

const PROMPT = "why stream?";
// The owner renews every LEASE_MS / 3: a lease this long survives the pauses a busy machine
// gives a process (a 500 ms lease lapsed under load, and readers were told `interrupted`).
const LEASE_MS = 2000;
const tokensOf = (events: { type: string; data: string }[]) =>
  events.filter((e) => e.type === "token").map((e) => JSON.parse(e.data) as Token);

describeWithRedis("instances behind the balancer (two are enough to fail over)", (redis) => {
  let balancer: Balancer;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    balancer = await createBalancer({
      redisUrl: redis().url,
      names: ["a", "b"],
      env: { TOKEN_DELAY_MS: "10", LEASE_MS: String(LEASE_MS) },
    });
    ({ url, close } = await startServer(balancer.server));
  }, 30_000);
  afterAll(async () => {
    await balancer?.shutdown();
    await close?.();
  });
  // A test that failed after a kill must not leave the next one with a single instance.
  afterEach(async () => {
    for (const instance of balancer.instances()) if (!instance.up) await balancer.start(instance.name);
  });

  /** A job, and a stream of it served by an instance that is not generating it. */
  async function jobStreamedElsewhere() {
    const { id } = (await (await postJson(`${url}/api/jobs`, { prompt: PROMPT })).json()) as { id: string };
    const { owner } = await getJson<{ owner: string }>(`${url}/api/jobs/${id}`);
    for (;;) {
      const stream = await connectSse(`${url}/api/jobs/${id}/events`);
      const serving = stream.response.headers.get("x-instance") ?? "";
      if (serving !== owner) return { id, owner, serving, stream };
      stream.abort(); // round-robin: the next request lands elsewhere
    }
  }

  it("kill the instance serving a stream mid-reply: a reconnect lands elsewhere and continues exactly", async () => {
    const { id, serving, stream } = await jobStreamedElsewhere();
    await stream.waitFor((r) => r.events.length >= 10);
    await balancer.kill(serving);
    await stream.ended; // cut, not ended cleanly: no done
    expect(stream.events.at(-1)?.type).toBe("token");
    const lastId = stream.events.at(-1)?.lastEventId ?? "";
    const rest = await connectSse(`${url}/api/jobs/${id}/events`, { headers: { "Last-Event-ID": lastId } });
    await rest.ended;
    const seqs = [...tokensOf(stream.events), ...tokensOf(rest.events)].map((t) => t.seq);
    const count = createMockLlm().replyTokens(PROMPT).length;
    expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i)); // 0 lost, 0 duplicated
    expect(rest.events.at(-1)?.type).toBe("done");
    await balancer.start(serving);
    expect(balancer.instances().every((instance) => instance.up)).toBe(true);
  });

  it("kill the instance generating: readers get every token it produced, then `interrupted` within the lease", async () => {
    const { id, owner, stream } = await jobStreamedElsewhere();
    await stream.waitFor((r) => r.events.length >= 5);
    const killedAt = performance.now();
    await balancer.kill(owner);
    await stream.ended;
    expect(stream.events.at(-1)?.type).toBe("interrupted");
    expect(performance.now() - killedAt).toBeLessThan(3 * LEASE_MS);
    const seqs = tokensOf(stream.events).map((t) => t.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i));
    // A client that has every token there will ever be gets 204 on any instance: an
    // EventSource that ignores `interrupted` stops instead of reconnecting forever.
    const lastId = stream.events.findLast((e) => e.type === "token")?.lastEventId ?? "";
    for (let i = 0; i < 2; i++) {
      const again = await fetch(`${url}/api/jobs/${id}/events`, { headers: { "Last-Event-ID": lastId } });
      expect(again.status).toBe(204);
    }
    await balancer.start(owner);
  });

  it("passes WebSocket upgrades through: two sockets land on two instances and chat across them", async () => {
    const open = () =>
      connectWebSocket<ServerMessage>(`${url.replace(/^http/, "ws")}/ws`, {
        headers: { Origin: "http://127.0.0.1:5107" },
      });
    const [first, second] = [await open(), await open()]; // round-robin: one on a, one on b
    first.send({ type: "chat", text: "from the first" });
    second.send({ type: "chat", text: "from the second" });
    const bothChats = (messages: ServerMessage[]) => messages.filter((m) => m.type === "chat").length === 2;
    await Promise.all([first.waitFor(bothChats), second.waitFor(bothChats)]);
    const senders = second.messages.flatMap((m) => (m.type === "chat" ? [m.from.split("@")[1]] : []));
    expect(senders.sort()).toEqual(["a", "b"]);
    first.ws.close();
    second.ws.close();
  });

  it("the kill switch needs the debug header, and names the instance", async () => {
    expect((await fetch(`${url}/api/debug/instances/a/kill`, { method: "POST" })).status).toBe(403);
    const unknown = await fetch(`${url}/api/debug/instances/z/kill`, {
      method: "POST",
      headers: { "X-Workshop-Debug": "1" },
    });
    expect(unknown.status).toBe(404);
  });
});
