import { steadyTiming } from "@workshop/mock-llm";
import { apiErrorOf, postJson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_MESSAGES } from "../src/protocol.ts";
import { chat, fakeUpstream, readChunks, startLesson, upstreamChunk, userSays } from "./start.ts";

type Lesson = Awaited<ReturnType<typeof startLesson>>;
let lesson: Lesson | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const PROMPT = "Why do LLM products stream?";

describe("POST /api/chat streams in the OpenAI chunk format", () => {
  it("sends one chunk per token (the first carries the role), a stop chunk, then [DONE]", async () => {
    lesson = await startLesson();
    const stream = await chat(lesson.url, userSays(PROMPT));
    await stream.ended;
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const { payloads, text, done } = readChunks(stream.events);
    expect(done).toBe(true);
    expect(text).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    expect(payloads[0]?.choices[0].delta).toEqual({ role: "assistant", content: expect.any(String) });
    expect(payloads.slice(1, -1).every((p) => p.choices[0].delta.role === undefined)).toBe(true);
    expect(payloads.at(-1)?.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: "stop" });
    for (const payload of payloads) {
      expect(payload).toMatchObject({
        object: "chat.completion.chunk",
        model: "mock-llm",
        id: payloads[0]?.id,
      });
    }
  });

  it("answers the whole conversation: the last user turn, with the history sent along", async () => {
    lesson = await startLesson();
    const body = {
      messages: [
        { role: "user", content: "echo: first answer" },
        { role: "assistant", content: "first answer" },
        { role: "user", content: "echo: second answer" },
      ],
    };
    const stream = await chat(lesson.url, body);
    await stream.ended;
    expect(readChunks(stream.events).text).toBe("second answer");
  });
});

describe("invalid requests get 400 JSON before any stream starts", () => {
  const longHistory = Array.from({ length: MAX_MESSAGES + 1 }, () => ({ role: "user", content: "hi" }));
  it.each([
    ["no messages", { messages: [] }],
    ["messages not an array", { messages: "hi" }],
    ["an unknown role", { messages: [{ role: "wizard", content: "hi" }] }],
    ["empty content", { messages: [{ role: "user", content: "  " }] }],
    ["content too long", { messages: [{ role: "user", content: "x".repeat(8001) }] }],
    ["too many messages", { messages: longHistory }],
    ["a last message that is not the user's", { messages: [{ role: "assistant", content: "hi" }] }],
  ])("%s", async (_name, body) => {
    lesson = await startLesson();
    expect(await apiErrorOf(await postJson(`${lesson.url}/api/chat`, body))).toEqual({
      status: 400,
      code: "invalid_request",
    });
  });
});

describe("when the user presses Stop or closes the tab", () => {
  it("aborts the upstream request, so the model stops generating at once", async () => {
    // 50 ms between tokens: the abort crosses three hops (client → BFF → upstream) in far less,
    // even on a busy machine, so "at most two more" counts the tokens already in flight.
    lesson = await startLesson({ timing: steadyTiming(50) });
    const { llm } = lesson;
    const stream = await chat(lesson.url, userSays(PROMPT));
    await stream.waitFor((r) => r.events.length >= 5);
    stream.abort();
    const atAbort = llm.tokensGenerated;
    await llm.idle();
    expect(llm.running).toBe(0);
    expect(llm.tokensGenerated - atAbort).toBeLessThanOrEqual(2); // at most what was already in flight
    expect(llm.tokensGenerated).toBeLessThan(llm.replyTokens(PROMPT).length);
  });
});

describe("upstream failures", () => {
  it("answers 502 JSON when the upstream cannot be reached", async () => {
    const gone = await fakeUpstream(() => {});
    await gone.close(); // nothing listens there any more
    lesson = await startLesson({ upstream: { baseUrl: gone.baseUrl } });
    expect(await apiErrorOf(await postJson(`${lesson.url}/api/chat`, userSays(PROMPT)))).toEqual({
      status: 502,
      code: "upstream_unavailable",
    });
  });

  it("answers 502 JSON when the upstream refuses (e.g. 401 or 500)", async () => {
    const refusing = await fakeUpstream((_req, res) => {
      res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":{"message":"bad key"}}');
    });
    cleanups.push(refusing.close);
    lesson = await startLesson({ upstream: { baseUrl: refusing.baseUrl } });
    const response = await postJson(`${lesson.url}/api/chat`, userSays(PROMPT));
    expect(await apiErrorOf(response)).toEqual({ status: 502, code: "upstream_unavailable" });
  });

  it("ends the stream with an error chunk, and no [DONE], when the upstream resets or closes cleanly mid-answer, in both formats", async () => {
    // A clean close (FIN after a complete chunked body) looks like a finished answer:
    // only the format's end marker ([DONE], DashScope's finish_reason "stop") tells them apart.
    const dashScopeEvent = (text: string) =>
      `event:result\ndata:${JSON.stringify({ output: { finish_reason: "null", text } })}\n\n`;
    const halfAnswers = {
      openai: upstreamChunk("Hel") + upstreamChunk("lo"),
      dashscope: dashScopeEvent("Hel") + dashScopeEvent("Hello"),
    };
    for (const [format, wire] of Object.entries(halfAnswers) as ["openai" | "dashscope", string][]) {
      for (const ending of ["reset", "clean close"] as const) {
        const cut = await fakeUpstream((_req, res) => {
          res.writeHead(200, { "Content-Type": "text/event-stream" });
          if (ending === "clean close") return void res.end(wire);
          res.write(wire);
          setImmediate(() => res.destroy()); // the provider's connection breaks
        });
        cleanups.push(cut.close);
        lesson = await startLesson({ upstream: { baseUrl: cut.baseUrl, format } });
        const stream = await chat(lesson.url, userSays(PROMPT));
        await stream.ended;
        const { text, done, error } = readChunks(stream.events);
        const what = `${format}, ${ending}`;
        expect(text, what).toBe("Hello");
        expect(done, `${what}: the cut answer is not reported as finished`).toBe(false);
        expect(error?.code, what).toBe("upstream_failed");
        await lesson.close();
        lesson = undefined;
      }
    }
  });

  it("ends the stream with a timeout error chunk when no token arrives for idleTimeoutMs", async () => {
    const stalling = await fakeUpstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "Hi" } }] })}\n\n`);
      // ...and then nothing, without closing
    });
    cleanups.push(stalling.close);
    lesson = await startLesson({ upstream: { baseUrl: stalling.baseUrl }, idleTimeoutMs: 100 });
    const stream = await chat(lesson.url, userSays(PROMPT));
    await stream.ended;
    expect(readChunks(stream.events)).toMatchObject({
      text: "Hi",
      done: false,
      error: { code: "upstream_timeout" },
    });
  });

  it("answers 504 JSON when not even the first token arrives in time", async () => {
    const silent = await fakeUpstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.flushHeaders();
    });
    cleanups.push(silent.close);
    lesson = await startLesson({ upstream: { baseUrl: silent.baseUrl }, idleTimeoutMs: 100 });
    expect(await apiErrorOf(await postJson(`${lesson.url}/api/chat`, userSays(PROMPT)))).toEqual({
      status: 504,
      code: "upstream_timeout",
    });
  });
});

describe("the API key", () => {
  it("is sent to the upstream by the server, and never appears in what the browser receives", async () => {
    let seenAuthorization: string | undefined;
    const recording = await fakeUpstream((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "ok" } }] })}\n\ndata: [DONE]\n\n`,
      );
    });
    cleanups.push(recording.close);
    lesson = await startLesson({ upstream: { baseUrl: recording.baseUrl, apiKey: "sk-secret-123" } });
    const response = await postJson(`${lesson.url}/api/chat`, userSays(PROMPT));
    const raw = await response.text();
    expect(seenAuthorization).toBe("Bearer sk-secret-123");
    expect(raw).not.toContain("sk-secret-123");
    expect(JSON.stringify([...response.headers])).not.toContain("sk-secret-123");
  });
});
