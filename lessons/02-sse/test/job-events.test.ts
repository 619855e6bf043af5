import { createMockLlm } from "@workshop/mock-llm";
import { createJobStore } from "@workshop/server-kit";
import { apiErrorOf, connectSse } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { STEADY, startLesson, tokensOf } from "./start.ts";

type Lesson = Awaited<ReturnType<typeof startLesson>>;
const started: Lesson[] = [];
async function lessonWith(options: Parameters<typeof startLesson>[0] = {}) {
  const lesson = await startLesson(options);
  started.push(lesson);
  return lesson;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((lesson) => lesson.close()));
});

const PROMPT = "Why do LLM products stream?";
const isDone = (r: { events: { type: string }[] }) => r.events.some((e) => e.type === "done");

describe("GET /api/jobs/:id/events speaks text/event-stream", () => {
  it("answers with the headers that keep proxies and compression from buffering", async () => {
    const lesson = await lessonWith();
    const stream = await connectSse(`${lesson.url}/api/jobs/${await lesson.startJob(PROMPT)}/events`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.response.headers.get("x-accel-buffering")).toBe("no");
    await stream.ended;
  });

  it("begins with retry:, sends each token as id + event: token + JSON data, and ends with event: done", async () => {
    const lesson = await lessonWith({ retryMs: 1500 });
    const id = await lesson.startJob(PROMPT);
    const raw = await (await fetch(`${lesson.url}/api/jobs/${id}/events`)).text();
    expect(raw.startsWith("retry: 1500\n\n")).toBe(true);
    expect(raw).toContain('id: 0\nevent: token\ndata: {"seq":0,"text":');

    const stream = await connectSse(`${lesson.url}/api/jobs/${id}/events`);
    await stream.ended;
    const tokens = tokensOf(stream.events);
    expect(tokens.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    expect(stream.events.filter((e) => e.type === "token").map((e) => e.lastEventId)).toEqual(
      tokens.map((t) => String(t.seq)),
    );
    expect(stream.events.at(-1)).toEqual({
      type: "done",
      data: JSON.stringify({ tokens: tokens.length }),
      lastEventId: String(tokens.length),
    });
  });

  it("sends a heartbeat comment while the model is silent", async () => {
    const lesson = await lessonWith({
      heartbeatMs: 20,
      timing: { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 },
    });
    const stream = await connectSse(`${lesson.url}/api/jobs/${await lesson.startJob(PROMPT)}/events`);
    await stream.waitFor((r) => r.comments.length >= 2);
    expect(stream.comments.slice(0, 2)).toEqual(["heartbeat", "heartbeat"]);
    expect(stream.events).toEqual([]); // comments dispatch nothing
    stream.abort();
  });
});

describe("resuming with Last-Event-ID", () => {
  it("replays every token after the last id the client saw, then continues live: none lost, none twice", async () => {
    const lesson = await lessonWith({ timing: STEADY });
    const id = await lesson.startJob(PROMPT);
    const first = await connectSse(`${lesson.url}/api/jobs/${id}/events`);
    await first.waitFor((r) => r.events.length >= 10);
    first.abort(); // the network drops
    const seen = tokensOf(first.events);
    const lastEventId = first.events.at(-1)?.lastEventId ?? "";

    const second = await connectSse(`${lesson.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": lastEventId },
    });
    await second.ended;
    const all = [...seen, ...tokensOf(second.events)];
    expect(all.map((t) => t.seq)).toEqual(all.map((_, i) => i));
    expect(all.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(PROMPT).join(""));
  });

  it.each(["abc", "-1", "1e3", "99999"])(
    "starts from the beginning when Last-Event-ID is %j (malformed or unknown)",
    async (lastEventId) => {
      const lesson = await lessonWith();
      const id = await lesson.startJob(PROMPT);
      const stream = await connectSse(`${lesson.url}/api/jobs/${id}/events`, {
        headers: { "Last-Event-ID": lastEventId },
      });
      await stream.ended;
      expect(tokensOf(stream.events)[0]?.seq).toBe(0);
    },
  );

  it("answers 204 No Content, which stops EventSource reconnecting, once the client has the end of a finished job", async () => {
    const lesson = await lessonWith();
    const id = await lesson.startJob(PROMPT);
    const stream = await connectSse(`${lesson.url}/api/jobs/${id}/events`);
    await stream.ended;
    const doneId = stream.events.at(-1)?.lastEventId ?? "";
    const again = await fetch(`${lesson.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": doneId },
    });
    expect(again.status).toBe(204);
  });

  it("sends the missing tail and done to a client that dropped just before the end", async () => {
    const lesson = await lessonWith();
    const id = await lesson.startJob("echo: one two three");
    const stream = await connectSse(`${lesson.url}/api/jobs/${id}/events`);
    await stream.ended;
    const tokens = tokensOf(stream.events);
    const resumed = await connectSse(`${lesson.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": "0" },
    });
    await resumed.ended;
    expect(tokensOf(resumed.events)).toEqual(tokens.slice(1));
    expect(isDone(resumed)).toBe(true);
  });

  it("answers an unknown job with 404 JSON (EventSource treats any non-200 as fatal and stops)", async () => {
    const lesson = await lessonWith();
    expect(await apiErrorOf(await fetch(`${lesson.url}/api/jobs/nope/events`))).toEqual({
      status: 404,
      code: "job_not_found",
    });
  });
});

describe("scaling out", () => {
  it("resumes on a second server when both read the same job store (as Redis would provide)", async () => {
    const llm = createMockLlm({ timing: STEADY });
    const jobs = createJobStore({ llm });
    const serverA = await lessonWith({ llm, jobs });
    const serverB = await lessonWith({ llm, jobs });
    const id = await serverA.startJob(PROMPT);

    const onA = await connectSse(`${serverA.url}/api/jobs/${id}/events`);
    await onA.waitFor((r) => r.events.length >= 5);
    onA.abort(); // server A goes away; the load balancer sends the reconnect to B
    const onB = await connectSse(`${serverB.url}/api/jobs/${id}/events`, {
      headers: { "Last-Event-ID": onA.events.at(-1)?.lastEventId ?? "" },
    });
    await onB.ended;
    const all = [...tokensOf(onA.events), ...tokensOf(onB.events)];
    expect(all.map((t) => t.seq)).toEqual(all.map((_, i) => i));
    jobs.close();
  });
});
