import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createJobStore, type Job } from "../src/index.ts";

function finished(job: Job): Promise<void> {
  return new Promise((resolve) => {
    if (job.done) return resolve();
    const off = job.subscribe(() => {
      if (job.done) {
        off();
        resolve();
      }
    });
  });
}

describe("the job store", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps every token of a job, numbered from 0, until the reply is complete", async () => {
    const llm = createMockLlm({ timing: "instant" });
    const jobs = createJobStore({ llm });
    const job = jobs.start("echo: one two three");
    await finished(job);
    expect(job.tokens.map((t) => t.text).join("")).toBe("one two three");
    expect(job.tokens.map((t) => t.seq)).toEqual(job.tokens.map((_, i) => i));
    expect(job.stopReason).toBeUndefined();
    jobs.close();
  });

  it("stops generation when a job is cancelled", async () => {
    const llm = createMockLlm({ timing: "instant" });
    const jobs = createJobStore({ llm });
    const job = jobs.start("why stream?");
    job.cancel();
    await finished(job);
    expect(llm.running).toBe(0);
    expect(job.stopReason).toBe("cancelled");
    expect(job.tokens.length).toBeLessThan(llm.replyTokens("why stream?").length);
    jobs.close();
  });

  it("cancels a running job nobody reads any more: its client is gone", async () => {
    vi.useFakeTimers();
    const llm = createMockLlm({ timing: steadyTiming(1000) });
    const jobs = createJobStore({ llm, abandonAfterMs: 5000 });
    const job = jobs.start("why stream?");
    await vi.advanceTimersByTimeAsync(4000);
    jobs.get(job.id); // a poll: still alive
    await vi.advanceTimersByTimeAsync(4000);
    expect(job.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(job.stopReason).toBe("abandoned");
    expect(llm.running).toBe(0);
    jobs.close();
  });

  it("keeps a job alive while a client is subscribed to it, however long nobody polls", async () => {
    vi.useFakeTimers();
    const llm = createMockLlm({ timing: steadyTiming(1000) });
    const jobs = createJobStore({ llm, abandonAfterMs: 5000 });
    const job = jobs.start("why stream?");
    const unsubscribe = job.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(20_000);
    expect(job.stopReason).toBeUndefined();
    unsubscribe();
    await vi.advanceTimersByTimeAsync(5000);
    expect(job.stopReason).toBe("abandoned");
    jobs.close();
  });

  it("forgets a finished job after keepFinishedMs", async () => {
    vi.useFakeTimers();
    const llm = createMockLlm({ timing: "instant" });
    const jobs = createJobStore({ llm, keepFinishedMs: 10_000 });
    const job = jobs.start("echo: hi");
    await vi.advanceTimersByTimeAsync(0);
    await finished(job);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(jobs.get(job.id)).toBe(job);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.get(job.id)).toBeUndefined();
  });

  it("close() stops every job and forgets them", async () => {
    const llm = createMockLlm({ timing: "realistic" });
    const jobs = createJobStore({ llm });
    jobs.start("why stream?");
    jobs.start("为什么要流式输出？");
    jobs.close();
    await llm.idle();
    expect(jobs.size).toBe(0);
  });
});
