// Issue 11: one tiny request must not be able to exhaust the server's memory.
// Every job, held request and byte kept has a budget; over it, the client
// gets 429 with Retry-After and the JSON error shape, and the server lives on.
import { MAX_REPLY_CHARS } from "@workshop/mock-llm";
import { apiErrorOf, getJson, postJson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

/** Never produces a token while the test runs: every started job stays running. */
const THINKING_FOREVER = { firstTokenDelayMs: 600_000, tokenDelayMs: 0, jitterMs: 0 };
const startJob = (url: string, prompt: string, headers: Record<string, string> = {}) =>
  postJson(`${url}/api/jobs`, { prompt }, { headers: { "Content-Type": "application/json", ...headers } });

describe("job budgets", () => {
  it("300 tiny requests asking for a 4 MiB reply at once: most get 429, and the store stays within its byte budget", async () => {
    lesson = await startLesson(); // instant timing: accepted jobs finish as fast as they can
    const url = lesson.url;
    const answers = await Promise.all(Array.from({ length: 300 }, () => startJob(url, "blob: 4194304")));
    const accepted = answers.filter((r) => r.status === 202);
    const refused = answers.filter((r) => r.status === 429);
    expect(accepted.length + refused.length).toBe(300);
    expect(refused.length).toBeGreaterThan(accepted.length);
    expect(refused[0]?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await apiErrorOf(refused[0] as Response)).toEqual({ status: 429, code: "too_many_jobs" });

    await lesson.llm.idle();
    const { storedBytes } = lesson.jobs.usage();
    expect(storedBytes).toBeLessThanOrEqual(lesson.jobs.budget.maxStoredBytes);
    expect(storedBytes).toBeLessThanOrEqual(accepted.length * MAX_REPLY_CHARS * 3); // no 4 MiB replies
    expect(await getJson(`${url}/api/health`)).toMatchObject({ ok: true });
  });

  it("lets one client run maxRunningPerClient jobs at once; the next gets 429 while another client still can start", async () => {
    lesson = await startLesson({ timing: THINKING_FOREVER, budget: { maxRunningPerClient: 3 } });
    const url = lesson.url;
    for (let i = 0; i < 3; i++) expect((await startJob(url, "why stream?")).status).toBe(202);
    const refused = await startJob(url, "why stream?");
    expect(await apiErrorOf(refused)).toEqual({ status: 429, code: "too_many_jobs" });
    expect(refused.headers.get("retry-after")).toBe("5");
    // Behind the dev proxy, the browser's address is the last X-Forwarded-For entry.
    expect((await startJob(url, "why stream?", { "X-Forwarded-For": "10.0.0.7" })).status).toBe(202);
  });

  it("caps jobs running at once across all clients", async () => {
    lesson = await startLesson({ timing: THINKING_FOREVER, budget: { maxRunning: 2 } });
    const url = lesson.url;
    expect((await startJob(url, "a", { "X-Forwarded-For": "10.0.0.1" })).status).toBe(202);
    expect((await startJob(url, "b", { "X-Forwarded-For": "10.0.0.2" })).status).toBe(202);
    const third = await startJob(url, "c", { "X-Forwarded-For": "10.0.0.3" });
    expect(await apiErrorOf(third)).toEqual({ status: 429, code: "too_many_jobs" });
  });

  it("evicts finished jobs oldest first when the kept text goes over the byte budget", async () => {
    lesson = await startLesson({ budget: { maxStoredBytes: 5000 } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await lesson.startJob(`echo: ${String(i).repeat(2000)}`));
      await lesson.llm.idle();
    }
    expect(lesson.jobs.usage().storedBytes).toBeLessThanOrEqual(5000);
    expect((await fetch(`${lesson.url}/api/jobs/${ids[0]}`)).status).toBe(404); // the oldest went first
    expect((await fetch(`${lesson.url}/api/jobs/${ids[3]}`)).status).toBe(200); // the newest is kept
  });

  it("treats 'blob: n' as an ordinary prompt, so no reply is larger than MAX_REPLY_CHARS", async () => {
    lesson = await startLesson();
    const id = await lesson.startJob("blob: 4194304");
    await lesson.llm.idle();
    const reply =
      lesson.jobs
        .get(id)
        ?.tokens.map((t) => t.text)
        .join("") ?? "";
    expect(reply.length).toBeGreaterThan(0);
    expect(reply.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
  });
});

describe("held requests per client", () => {
  it("answers 429 to a client that already holds maxStreamsPerClient long polls, and frees the slot when one ends", async () => {
    lesson = await startLesson({ timing: THINKING_FOREVER, maxStreamsPerClient: 2 });
    const url = lesson.url;
    const id = await lesson.startJob("why stream?");
    const controllers = [new AbortController(), new AbortController()];
    const holds = controllers.map((c) =>
      fetch(`${url}/api/jobs/${id}/wait`, { signal: c.signal }).catch(() => undefined),
    );
    const longPolls = lesson.longPolls;
    await expect.poll(() => longPolls.held()).toBe(2);
    expect(await apiErrorOf(await fetch(`${url}/api/jobs/${id}/wait`))).toEqual({
      status: 429,
      code: "too_many_streams",
    });
    controllers[0]?.abort();
    await expect.poll(() => longPolls.held()).toBe(1);
    const third = new AbortController();
    const again = fetch(`${url}/api/jobs/${id}/wait`, { signal: third.signal }).catch(() => undefined);
    await expect.poll(() => longPolls.held()).toBe(2);
    third.abort();
    controllers[1]?.abort();
    await Promise.all([...holds, again]);
  });
});
