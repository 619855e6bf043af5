// Issue 11: a WebSocket client cannot make the server hold unbounded work.
// Over a budget it gets an error message (the socket stays open) or, for
// too many sockets, a close with 1013 "try again later".
import { afterEach, describe, expect, it } from "vitest";
import { connect, ofType, startLesson } from "./start.ts";

type Lesson = Awaited<ReturnType<typeof startLesson>>;
let lesson: Lesson | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

/** Never produces a token while the test runs: every started job stays running. */
const THINKING_FOREVER = { firstTokenDelayMs: 600_000, tokenDelayMs: 0, jitterMs: 0 };

describe("budgets over WebSocket", () => {
  it("answers 200 start frames on one socket with 4 jobs and 196 too_many_jobs errors, and keeps the socket open", async () => {
    lesson = await startLesson({ timing: THINKING_FOREVER, budget: { maxRunningPerClient: 4 } });
    const socket = await connect(lesson.url);
    for (let i = 0; i < 200; i++) socket.send({ type: "start", prompt: "why stream?" });
    await socket.waitFor((m) => ofType(m, "started").length + ofType(m, "error").length === 200);
    expect(ofType(socket.messages, "started")).toHaveLength(4);
    const errors = ofType(socket.messages, "error");
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(["too_many_jobs"]));
    expect(lesson.jobs.usage().running).toBe(4);
    socket.send({ type: "chat", text: "still here" }); // the connection is fine
    await socket.waitFor((m) => ofType(m, "chat").length === 1);
    socket.ws.close();
  });

  it("closes a client's socket over maxSocketsPerClient with 1013 'try again later'", async () => {
    lesson = await startLesson({ maxSocketsPerClient: 2 });
    const first = await connect(lesson.url);
    const second = await connect(lesson.url);
    const third = await connect(lesson.url);
    expect(await third.closed).toMatchObject({ code: 1013 });
    first.ws.close();
    await first.closed;
    const again = await connect(lesson.url); // a slot is free again
    again.send({ type: "chat", text: "hi" });
    await again.waitFor((m) => ofType(m, "chat").length === 1);
    second.ws.close();
    again.ws.close();
  });

  it("answers a resume past the end with invalid_resume, like lesson 01's 400 for a cursor past the end", async () => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    socket.send({ type: "start", prompt: "echo: one two" });
    await socket.waitFor((m) => m.some((x) => x.type === "done"));
    const jobId = ofType(socket.messages, "started")[0]?.jobId ?? "";
    const tokens = ofType(socket.messages, "token").length;
    socket.send({ type: "resume", jobId, afterSeq: tokens + 5 });
    await socket.waitFor((m) => ofType(m, "error").length === 1);
    expect(ofType(socket.messages, "error")[0]?.code).toBe("invalid_resume");
    socket.ws.close();
  });
});

describe("POST /api/debug/drop", () => {
  it("refuses a request without X-Workshop-Debug: 1, which no cross-site form or no-cors fetch can send", async () => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    const refused = await fetch(`${lesson.url}/api/debug/drop`, { method: "POST" });
    expect(refused.status).toBe(403);
    expect(lesson.wss.clients.size).toBe(1);
    const allowed = await fetch(`${lesson.url}/api/debug/drop`, {
      method: "POST",
      headers: { "X-Workshop-Debug": "1" },
    });
    expect(await allowed.json()).toEqual({ dropped: 1 });
    expect((await socket.closed).code).toBe(1006);
  });
});
