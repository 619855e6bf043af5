// Two instances of the lesson server over real sockets, one Redis: lesson
// 02's event stream, continued on whichever instance the client lands on.
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import type { Token } from "@workshop/protocol";
import { apiErrorOf, connectSse, describeWithRedis, postJson, startLesson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createInstance } from "../src/server/app.ts";
import { whyRedisUnreachable } from "../src/server/redis-reachable.ts";

const PROMPT = "why stream?";
const STEADY = steadyTiming(5);
const tokensOf = (events: { type: string; data: string }[]) =>
  events.filter((e) => e.type === "token").map((e) => JSON.parse(e.data) as Token);

describeWithRedis("lesson 07's instances, sharing one Redis", (redis) => {
  const running: { close(): Promise<void> }[] = [];
  const instance = async (name: string) => {
    const started = await startLesson(
      await createInstance({
        name,
        redisUrl: redis().url,
        llm: createMockLlm({ timing: STEADY }),
        retryMs: 50,
        presenceIntervalMs: 50,
      }),
    );
    running.push(started);
    return started;
  };

  afterEach(async () => {
    for (const lesson of running.splice(0)) await lesson.close();
  });

  it("says which instance answered, in X-Instance and /api/health", async () => {
    const a = await instance("a");
    const response = await fetch(`${a.url}/api/health`);
    expect(response.headers.get("x-instance")).toBe("a");
    expect(await response.json()).toEqual({
      ok: true,
      lesson: "07-scale-out",
      instance: "a",
      redis: "ready",
    });
  });

  it("a stream that drops on a and reconnects to b with Last-Event-ID continues exactly", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const id = await a.startJob(PROMPT);
    const first = await connectSse(`${a.url}/api/jobs/${id}/events`);
    await first.waitFor((r) => r.events.length >= 10);
    first.abort();
    const lastId = first.events.at(-1)?.lastEventId ?? "";
    const rest = await connectSse(`${b.url}/api/jobs/${id}/events`, { headers: { "Last-Event-ID": lastId } });
    await rest.ended;
    expect(rest.response.headers.get("x-instance")).toBe("b");
    const seqs = [...tokensOf(first.events), ...tokensOf(rest.events)].map((t) => t.seq);
    const count = createMockLlm().replyTokens(PROMPT).length;
    expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(rest.events.at(-1)?.type).toBe("done");
    // A client that has the done event gets 204, on any instance: EventSource stops for good.
    const again = await fetch(`${a.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": String(count) },
    });
    expect(again.status).toBe(204);
  });

  it("cancel on b stops the job a generates; readers get done with the reason", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const id = await a.startJob(PROMPT);
    const stream = await connectSse(`${a.url}/api/jobs/${id}/events`);
    await stream.waitFor((r) => r.events.length >= 2);
    expect((await postJson(`${b.url}/api/jobs/${id}/cancel`, {})).status).toBe(202);
    await stream.ended;
    expect(JSON.parse(stream.events.at(-1)?.data ?? "{}")).toMatchObject({
      type: "done",
      reason: "cancelled",
    });
  });

  it("a notice posted to a reaches a page listening on b (pub/sub between instances)", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const listener = await connectSse(`${b.url}/api/notifications`);
    await listener.waitFor((r) => r.events.some((e) => e.type === "presence"));
    expect((await postJson(`${a.url}/api/notifications`, { text: "hello from a" })).status).toBe(202);
    await listener.waitFor((r) => r.events.some((e) => e.type === "notice"));
    listener.abort();
    const notice = listener.events.find((e) => e.type === "notice");
    expect(JSON.parse(notice?.data ?? "{}")).toMatchObject({ text: "hello from a" });
  });

  it("a page that was away catches up from any instance: the notices after the last id it saw, in order", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const feed = async (url: string, after: string) =>
      (await (await fetch(`${url}/api/notices?after=${after}`)).json()) as {
        notices: { text: string }[];
        lastId: string;
      };
    const { lastId } = await feed(a.url, "0"); // where this page is now
    for (const text of ["one", "two"])
      expect((await postJson(`${a.url}/api/notifications`, { text })).status).toBe(202);
    const missed = await feed(b.url, lastId); // back, on another instance
    expect(missed.notices.map((n) => n.text)).toEqual(["one", "two"]);
    expect((await feed(b.url, missed.lastId)).notices).toEqual([]);
    const bad = await fetch(`${b.url}/api/notices?after=${encodeURIComponent("$")}`);
    expect([bad.status, (await apiErrorOf(bad)).code]).toEqual([400, "bad_cursor"]);
  });

  it("presence counts the pages on every instance, and forgets an instance that stopped", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const connections = (listener: Awaited<ReturnType<typeof connectSse>>) =>
      Number(JSON.parse(listener.events.findLast((e) => e.type === "presence")?.data ?? "{}").connections);
    const onA = await connectSse(`${a.url}/api/notifications`);
    const onB = await connectSse(`${b.url}/api/notifications`);
    const onB2 = await connectSse(`${b.url}/api/notifications`);
    await onA.waitFor(() => connections(onA) === 3); // one page here, two on b
    await onB.waitFor(() => connections(onB) === 3);
    await b.close(); // b's two pages go with it
    running.splice(running.indexOf(b), 1);
    await onA.waitFor(() => connections(onA) === 1);
    for (const listener of [onA, onB, onB2]) listener.abort();
  });

  it.each([
    ["GET", "/events"],
    ["GET", ""],
    ["POST", "/cancel"],
    ["POST", "/continue"],
  ])("answers 404 job_not_found for a job no instance knows: %s /api/jobs/nope%s", async (method, path) => {
    const a = await instance("a");
    const response = await fetch(`${a.url}/api/jobs/nope${path}`, { method });
    expect(await apiErrorOf(response)).toEqual({ status: 404, code: "job_not_found" });
  });
});

describeWithRedis("lesson 07's per-client budgets", (redis) => {
  it("one client follows at most its share of streams: each follower holds a Redis connection", async () => {
    const llm = createMockLlm({ timing: STEADY });
    llm.hold(1); // every reply waits after its first token: the followers stay connected
    const a = await startLesson(
      await createInstance({ name: "a", redisUrl: redis().url, llm, maxStreamsPerClient: 2 }),
    );
    const followers: Awaited<ReturnType<typeof connectSse>>[] = [];
    try {
      const { id } = (await (await postJson(`${a.url}/api/jobs`, { prompt: "hi" })).json()) as { id: string };
      for (let i = 0; i < 3; i++) followers.push(await connectSse(`${a.url}/api/jobs/${id}/events`));
      expect(followers.map((follower) => follower.response.status)).toEqual([200, 200, 429]);
    } finally {
      for (const follower of followers) follower.abort();
      llm.release();
      await a.close();
    }
  });
});

describeWithRedis("lesson 07's instance when Redis goes away", (redis) => {
  it("says so at once: /api/health answers 503 ok: false, and jobs and notices 503 redis_unavailable", async () => {
    const a = await startLesson(
      await createInstance({ name: "a", redisUrl: redis().url, llm: createMockLlm({ timing: STEADY }) }),
    );
    try {
      expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
      await redis().stop();
      const health = await fetch(`${a.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, redis: "down" });
      for (const path of ["/api/jobs", "/api/notifications"]) {
        const refused = await postJson(`${a.url}${path}`, { prompt: "hi", text: "hi" });
        expect(await apiErrorOf(refused)).toEqual({ status: 503, code: "redis_unavailable" });
      }
    } finally {
      await a.close();
    }
  });
});

describe("a Redis the user named (REDIS_URL)", () => {
  it("that cannot be reached is reported at once with the reason, instead of a silent wait", async () => {
    const why = await whyRedisUnreachable("redis://127.0.0.1:1");
    expect(why).toMatch(/ECONNREFUSED/);
  });
});
