// Several instances, one Redis: what a client gets when it reconnects to
// another instance, when the generating instance dies, and when a cancel
// arrives somewhere else. A real redis-server on a free loopback port.
import { createMockLlm, type MockLlmTiming, steadyTiming } from "@workshop/mock-llm";
import { describeWithRedis } from "@workshop/testkit";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { readJob, seqsOf } from "../exercises/with-redis.ts";
import { createJobStreams, type JobStreams } from "../src/server/job-streams.ts";
import { type Redis, redisClient } from "../src/server/redis.ts";

const PROMPT = "why stream?";
const STEADY = steadyTiming(5);
const SLOW = steadyTiming(50);
const DYING_LEASE_MS = 1000;

describeWithRedis("jobs in Redis Streams, served by any instance", (server) => {
  let redis: Redis;
  const instances: JobStreams[] = [];
  const instance = async (
    name: string,
    leaseMs = 2000,
    limits: { maxTokens?: number; maxGenerating?: number; maxGeneratingPerClient?: number } = {},
    timing: MockLlmTiming = STEADY,
  ) => {
    const streams = await createJobStreams({
      redis,
      instance: name,
      llm: createMockLlm({ timing }),
      leaseMs,
      ...limits,
    });
    instances.push(streams);
    return streams;
  };
  beforeAll(async () => {
    redis = redisClient(server().url);
    await redis.connect();
  });
  afterEach(async () => {
    for (const streams of instances.splice(0)) await streams.close();
  });
  afterAll(() => redis?.destroy());

  it("a client that reconnects to another instance continues exactly: none lost, none twice", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const id = await a.start(PROMPT);
    const first = await readJob(a, id, -1, (entries) => entries.length >= 10); // then the connection drops
    const rest = await readJob(b, id, seqsOf(first).at(-1) ?? -1);
    const count = createMockLlm().replyTokens(PROMPT).length;
    expect([...seqsOf(first), ...seqsOf(rest)]).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(rest.at(-1)).toEqual({ type: "done", tokens: count, reason: "complete" });
  });

  it("when the generating instance dies, readers get every token it produced, then `interrupted` within the lease", async () => {
    // Renewed every third of it: a busy process never lapses a 1 s lease while its owner lives.
    const a = await instance("a", DYING_LEASE_MS);
    const b = await instance("b", DYING_LEASE_MS);
    const id = await a.start(PROMPT);
    let killedAt = 0;
    const entries = await readJob(b, id, -1, (got) => {
      if (got.length === 5 && !killedAt) {
        killedAt = performance.now();
        void a.close({ kill: true });
      }
      return false;
    });
    const last = entries.at(-1);
    expect(last?.type).toBe("interrupted");
    expect(performance.now() - killedAt).toBeLessThan(3 * DYING_LEASE_MS); // the lease, plus one blocked read
    expect(seqsOf(entries)).toEqual(Array.from({ length: seqsOf(entries).length }, (_, i) => i)); // nothing lost before it
    expect(last).toEqual({ type: "interrupted", tokens: seqsOf(entries).length });
  });

  it("an owner paused longer than its lease writes nothing more: every reader ends `interrupted` at the same count, and no `done` follows", async () => {
    // Redis frozen (SIGSTOP) for three leases mid-reply: the lease runs out while the owner
    // waits on it. Before the fence, the owner woke up, carried on and wrote `done` after
    // its readers had been told `interrupted`, so *Continue* would repeat the answer.
    const a = await instance("a", DYING_LEASE_MS, {}, SLOW);
    const b = await instance("b", DYING_LEASE_MS);
    const id = await a.start(PROMPT);
    let paused = false;
    const followed = await readJob(b, id, -1, (got) => {
      if (got.length === 5 && !paused) {
        paused = true;
        server().pause();
        setTimeout(() => server().resume(), 3 * DYING_LEASE_MS); // the scenario: a pause of three leases
      }
      return false;
    });
    await expect.poll(() => a.generating(), { timeout: 10_000 }).toBe(0); // the owner stopped
    const afterwards = await readJob(b, id, -1);
    expect(followed.at(-1)?.type).toBe("interrupted");
    expect(afterwards).toEqual(followed); // the same tokens, the same count, and nothing after
  });

  it("a cancel sent to another instance stops the owner within a few tokens, and readers get `done` with the reason", async () => {
    // Tokens 50 ms apart (a 6 s reply): an owner that acts on the cancel's message stops
    // within a few; one that polled for cancels every second would write twenty more.
    const [a, b] = [await instance("a", 2000, {}, SLOW), await instance("b")];
    const id = await a.start(PROMPT);
    let cancelled = false;
    const entries = await readJob(b, id, -1, (got) => {
      if (got.length === 3 && !cancelled) {
        cancelled = true;
        void b.cancel(id);
      }
      return false;
    });
    const done = entries.at(-1);
    expect(done).toMatchObject({ type: "done", reason: "cancelled" });
    expect(done?.type === "done" && done.tokens).toBeLessThanOrEqual(3 + 10);
    expect(a.generating()).toBe(0);
  });

  it("a job's stream expires, even when its owner died before `done`", async () => {
    const a = await instance("a", 300);
    const b = await instance("b", 300);
    const id = await a.start(PROMPT);
    await readJob(b, id, -1, (got) => {
      if (got.length === 3) void a.close({ kill: true });
      return false;
    });
    expect(await redis.ttl(`job:${id}`)).toBeGreaterThan(0); // seconds left, not -1 (forever)
  });

  it("a job's memory is bounded: a reply longer than maxTokens ends with done, reason max_tokens", async () => {
    const a = await instance("a", 2000, { maxTokens: 5 });
    const entries = await readJob(a, await a.start(PROMPT), -1);
    expect(seqsOf(entries)).toEqual([0, 1, 2, 3, 4]);
    expect(entries.at(-1)).toEqual({ type: "done", tokens: 5, reason: "max_tokens" });
    expect(a.generating()).toBe(0); // the model was stopped too
  });

  it("an instance generating its maximum refuses one more job with 429", async () => {
    const a = await instance("a", 2000, { maxGenerating: 1 });
    await a.start(PROMPT);
    await expect(a.start(PROMPT)).rejects.toMatchObject({ status: 429, code: "too_many_jobs" });
  });

  it("requests that arrive together never take more slots than the instance has", async () => {
    const a = await instance("a", 2000, { maxGenerating: 3 }, SLOW);
    const started = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => a.start(PROMPT, `client ${i}`)),
    );
    expect(started.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    expect(a.generating()).toBe(3);
    for (const s of started) if (s.status === "rejected") expect(s.reason).toMatchObject({ status: 429 });
  });

  it("one client runs at most its share of generations; another client still gets one, and a finished one frees a slot", async () => {
    const a = await instance("a", 2000, { maxGeneratingPerClient: 2 }, SLOW);
    const [first] = [await a.start(PROMPT, "x"), await a.start(PROMPT, "x")];
    await expect(a.start(PROMPT, "x")).rejects.toMatchObject({ status: 429, code: "too_many_jobs" });
    await a.start(PROMPT, "y");
    await a.cancel(first as string);
    await readJob(a, first as string, -1); // read to its `done`: the generation ended
    await a.start(PROMPT, "x");
  });

  it("a finished reply still replays after every instance restarted: Redis kept it", async () => {
    const a = await instance("a");
    const id = await a.start(PROMPT);
    await readJob(a, id, -1);
    await a.close();
    instances.length = 0;
    const c = await instance("c");
    const replay = await readJob(c, id, -1);
    expect(seqsOf(replay).length).toBe(createMockLlm().replyTokens(PROMPT).length);
    expect(replay.at(-1)?.type).toBe("done");
  });
});
