import { activeResources, eventually, resourcesAddedSince } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MAX_PAYLOAD_BYTES } from "../src/protocol.ts";
import { connect, ofType, STEADY, startLesson } from "./start.ts";

type Lesson = Awaited<ReturnType<typeof startLesson>>;
let lesson: Lesson | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

const PROMPT = "Why do LLM products stream?";

describe("the WebSocket protocol", () => {
  it("start → started, then every token in order, then done", async () => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    socket.send({ type: "start", prompt: PROMPT });
    await socket.waitFor((m) => m.some((x) => x.type === "done"));
    const [started] = ofType(socket.messages, "started");
    const tokens = ofType(socket.messages, "token");
    expect(tokens.every((t) => t.jobId === started?.jobId)).toBe(true);
    expect(tokens.map((t) => t.seq)).toEqual(tokens.map((_, i) => i));
    expect(tokens.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    socket.ws.close();
  });

  it("is full duplex: cancel, sent while tokens stream in, stops generation on the server at once", async () => {
    lesson = await startLesson({ timing: STEADY });
    const socket = await connect(lesson.url);
    socket.send({ type: "start", prompt: PROMPT });
    await socket.waitFor((m) => ofType(m, "token").length >= 5);
    const jobId = ofType(socket.messages, "started")[0]?.jobId;
    socket.send({ type: "cancel", jobId });
    await socket.waitFor((m) => m.some((x) => x.type === "done"));
    await lesson.llm.idle();
    expect(lesson.llm.running).toBe(0);
    expect(lesson.llm.tokensGenerated).toBeLessThan(lesson.llm.replyTokens(PROMPT).length);
    socket.ws.close();
  });

  it("resume { afterSeq } on a new connection sends the rest: none lost, none twice", async () => {
    lesson = await startLesson({ timing: STEADY });
    const first = await connect(lesson.url);
    first.send({ type: "start", prompt: PROMPT });
    await first.waitFor((m) => ofType(m, "token").length >= 10);
    first.ws.terminate(); // the network drops
    const seen = ofType(first.messages, "token");
    const jobId = ofType(first.messages, "started")[0]?.jobId;

    const second = await connect(lesson.url);
    second.send({ type: "resume", jobId, afterSeq: seen.at(-1)?.seq });
    await second.waitFor((m) => m.some((x) => x.type === "done"));
    const all = [...seen, ...ofType(second.messages, "token")];
    expect(all.map((t) => t.seq)).toEqual(all.map((_, i) => i));
    expect(all.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    second.ws.close();
  });

  it("broadcasts chat to every open connection", async () => {
    lesson = await startLesson();
    const alice = await connect(lesson.url);
    const bob = await connect(lesson.url);
    alice.send({ type: "chat", text: "hello, class" });
    for (const socket of [alice, bob]) {
      await socket.waitFor((m) => ofType(m, "chat").some((c) => c.text === "hello, class"));
    }
    expect(ofType(bob.messages, "chat")[0]?.from).toMatch(/^guest-/);
    alice.ws.close();
    bob.ws.close();
  });
});

describe("bad input gets an error message and the connection stays open", () => {
  it.each([
    ["invalid JSON", "{nope", "invalid_json"],
    ["an unknown type", { type: "launch" }, "invalid_message"],
    ["a missing field", { type: "start" }, "invalid_message"],
    ["an empty prompt", { type: "start", prompt: "  " }, "invalid_message"],
    ["a wrong field type", { type: "resume", jobId: "x", afterSeq: "3" }, "invalid_message"],
    ["an unknown job", { type: "cancel", jobId: "no-such-job" }, "job_not_found"],
  ])("%s → an error message, and the socket stays usable", async (_name, frame, code) => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    socket.send(frame);
    await socket.waitFor((m) => m.some((x) => x.type === "error"));
    expect(ofType(socket.messages, "error")[0]?.code).toBe(code);
    socket.send({ type: "chat", text: "still here?" });
    await socket.waitFor((m) => m.some((x) => x.type === "chat"));
    socket.ws.close();
  });

  it("closes with 1009 when a frame is bigger than maxPayload", async () => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    socket.send({ type: "chat", text: "x".repeat(MAX_PAYLOAD_BYTES) });
    expect((await socket.closed).code).toBe(1009);
  });
});

describe("the upgrade handshake", () => {
  it("refuses a page from another origin with 403, before any socket exists", async () => {
    lesson = await startLesson();
    await expect(connect(lesson.url, { origin: "http://evil.example" })).rejects.toThrow(/403/);
  });

  it("accepts this lesson's own page origin", async () => {
    lesson = await startLesson({ isAllowedOrigin: (origin) => origin === "http://127.0.0.1:5103" });
    const socket = await connect(lesson.url, { origin: "http://127.0.0.1:5103" });
    socket.ws.close();
  });
});

describe("heartbeat", () => {
  it("terminates a peer that stops answering pings", async () => {
    lesson = await startLesson({ heartbeatMs: 20 });
    const silent = await connect(lesson.url, { autoPong: false }); // never answers a ping
    const { code } = await silent.closed;
    expect(code).toBe(1006); // terminated: no close frame
  });

  it("keeps a peer that answers, and sends it heartbeats it can see", async () => {
    // 250 ms between pings: a healthy peer's pong is read long before the next tick, even
    // when a busy machine pauses the process (at 20 ms, one pause cut a healthy peer).
    lesson = await startLesson({ heartbeatMs: 250 });
    const socket = await connect(lesson.url);
    await socket.waitFor((m) => ofType(m, "heartbeat").length >= 3);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    socket.ws.close();
  });
});

describe("leaving and shutting down", () => {
  it("closes every socket with 1001 on graceful shutdown", async () => {
    lesson = await startLesson();
    const socket = await connect(lesson.url);
    const shutdown = lesson.shutdown();
    expect(await socket.closed).toMatchObject({ code: 1001, reason: "server shutting down" });
    await shutdown;
  });

  it("leaves no timer, listener, socket or generation behind after 20 connect/close cycles", async () => {
    // Jobs wait abandonAfterMs for a resume before they stop generating.
    lesson = await startLesson({
      timing: { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 },
      abandonAfterMs: 50,
      budget: { maxRunningPerClient: 20 }, // each cycle's job runs until abandoned
    });
    const { jobs, wss } = lesson;
    const before = activeResources();
    for (let i = 0; i < 20; i++) {
      const socket = await connect(lesson.url);
      socket.send({ type: "start", prompt: PROMPT });
      await socket.waitFor((m) => m.some((x) => x.type === "started"));
      if (i % 2) socket.ws.terminate();
      else socket.ws.close();
      await socket.closed;
    }
    await eventually(() => wss.clients.size === 0 && jobs.listenerCount() === 0);
    await lesson.llm.idle();
    await eventually(() => Object.keys(resourcesAddedSince(before)).length === 0);
    expect(resourcesAddedSince(before)).toEqual({});
  });

  it("cuts off a client that stops reading instead of queueing for it without limit", async () => {
    lesson = await startLesson({ maxBufferedBytes: 256 * 1024 });
    const slow = await connect(lesson.url);
    const healthy = await connect(lesson.url);
    slow.ws.pause(); // stops reading from its socket
    const text = "x".repeat(32 * 1024);
    let sent = 0;
    while (lesson.wss.clients.size === 2 && sent < 800) {
      lesson.broadcast({ type: "chat", from: "test", text, at: "" }); // bounded: ≤ 800 × 32 KiB
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lesson.wss.clients.size).toBe(1);
    await healthy.waitFor((m) => ofType(m, "chat").length === sent);
    healthy.ws.close();
    slow.ws.terminate();
  });
});
