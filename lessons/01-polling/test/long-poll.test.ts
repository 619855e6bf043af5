import { steadyTiming } from "@workshop/mock-llm";
import { activeResources, eventually, getJson, postJson, resourcesAddedSince } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import type { PollResponse } from "../src/protocol.ts";
import { pollUntilDone, startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

// The model "thinks" for 60 s before its first token: any answer before that
// came from the timeout, a shutdown, or not at all.
const SLOW = { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 } as const;

describe("long polling: GET /api/jobs/:id/wait?cursor=N", () => {
  it("holds the request until there is a token past the cursor, instead of answering empty", async () => {
    lesson = await startLesson({ timing: { firstTokenDelayMs: 300, tokenDelayMs: 0, jitterMs: 0 } });
    const id = await lesson.startJob("why stream?");
    const body = await getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`);
    expect(body.tokens.length).toBeGreaterThan(0);
    expect(body.tokens[0]?.seq).toBe(0);
  });

  it("answers 'nothing yet' with the same cursor when the timeout passes, so the client asks again", async () => {
    lesson = await startLesson({ timing: SLOW, longPollTimeoutMs: 50 });
    const id = await lesson.startJob("why stream?");
    const body = await getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`);
    expect(body).toEqual({ tokens: [], cursor: 0, done: false });
  });

  it("answers at once when the job has already finished", async () => {
    lesson = await startLesson();
    const id = await lesson.startJob("echo: done already");
    const { cursor } = await pollUntilDone(lesson.url, id, "long");
    expect(await getJson(`${lesson.url}/api/jobs/${id}/wait?cursor=${cursor}`)).toEqual({
      tokens: [],
      cursor,
      done: true,
    });
  });

  it("loses and repeats nothing across many polls, tokens arriving while no request is open", async () => {
    lesson = await startLesson({ timing: { firstTokenDelayMs: 0, tokenDelayMs: 2, jitterMs: 3 } });
    const prompt = "为什么要用流式输出？";
    const id = await lesson.startJob(prompt);
    const { text, seqs, polls } = await pollUntilDone(lesson.url, id, "long");
    expect(text).toBe(lesson.llm.replyTokens(prompt).join(""));
    expect(seqs).toEqual(seqs.map((_, i) => i));
    expect(polls).toBeGreaterThan(1);
  });
});

describe("a held long poll whose client goes away", () => {
  it("is released at once: no listener, no timer, no held request left (20 connect/abort cycles)", async () => {
    lesson = await startLesson({ timing: SLOW });
    const id = await lesson.startJob("why stream?");
    const { jobs, longPolls, url } = lesson;
    const before = activeResources();

    for (let i = 0; i < 20; i++) {
      const controller = new AbortController();
      const request = fetch(`${url}/api/jobs/${id}/wait?cursor=0`, { signal: controller.signal });
      await eventually(() => longPolls.held() === 1);
      expect(jobs.listenerCount()).toBe(1);
      controller.abort();
      await expect(request).rejects.toThrow();
      await eventually(() => longPolls.held() === 0);
    }

    expect(jobs.listenerCount()).toBe(0);
    await eventually(() => !resourcesAddedSince(before).Timeout);
    expect(resourcesAddedSince(before).Timeout).toBeUndefined();
  });
});

describe("a blocking request whose client goes away", () => {
  it("stops generating: no tokens are produced for nobody", async () => {
    lesson = await startLesson({ timing: steadyTiming(20) });
    const { llm, url } = lesson;
    const controller = new AbortController();
    const request = postJson(`${url}/api/complete`, { prompt: "why stream?" }, { signal: controller.signal });
    await eventually(() => llm.tokensGenerated >= 2);
    controller.abort();
    await expect(request).rejects.toThrow();
    await llm.idle();
    expect(llm.running).toBe(0);
    expect(llm.tokensGenerated).toBeLessThan(llm.replyTokens("why stream?").length);
  });
});

describe("graceful shutdown (SIGINT/SIGTERM)", () => {
  it("answers held long polls instead of dropping them, and stops every job", async () => {
    lesson = await startLesson({ timing: SLOW });
    const id = await lesson.startJob("why stream?");
    const held = getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`);
    await eventually(() => lesson?.longPolls.held() === 1);
    await lesson.shutdown();
    expect(await held).toEqual({ tokens: [], cursor: 0, done: false });
    expect(lesson.llm.running).toBe(0);
    expect(lesson.jobs.size).toBe(0);
  });
});
