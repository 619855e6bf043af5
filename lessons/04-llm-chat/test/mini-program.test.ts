// Lesson 04's chat read the way a WeChat mini-program reads it: wx.request with
// enableChunked, ArrayBuffer chunks cut at every byte, against the lesson's own
// server over loopback (fake-wx-request.ts is wx.request on Node's http).
import { createServer } from "node:http";
import { startServer } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decoderPerChunk, splitEachChunk } from "../src/client/naive-parsers.ts";
import type { ChatCall, ChatOutcome } from "../src/mini-program/stream-chat.ts";
import { streamChatInMiniProgram } from "../src/mini-program/stream-chat.ts";
import { createUtf8Chunks } from "../src/mini-program/utf8-chunks.ts";
import type { WxRequest } from "../src/mini-program/wx-request.ts";
import type { ChatRequest } from "../src/protocol.ts";
import { byteByByte, fakeWxRequest } from "./fake-wx-request.ts";
import { startLesson, userSays } from "./start.ts";

const ANSWER = "流式输出，一个字一个字地到 🙂";
/** A long answer the mock model echoes word by word: "w0 w1 w2 …". */
const manyWords = (n: number) => `echo: ${Array.from({ length: n }, (_, i) => `w${i % 10}`).join(" ")}`;

let lesson: Awaited<ReturnType<typeof startLesson>>;
beforeAll(async () => {
  lesson = await startLesson();
});
afterAll(() => lesson?.close());

/** Runs one chat to its end: the text shown and how it ended. */
function chatOnce(
  wx: ReturnType<typeof fakeWxRequest>,
  body: unknown,
  { url = `${lesson.url}/api/chat`, text = createUtf8Chunks() } = {},
) {
  let shown = "";
  const ended = new Promise<ChatOutcome>((onEnd) => {
    streamChatInMiniProgram(
      { request: wx.request, url, body: body as ChatRequest, text },
      { onDelta: (delta) => (shown += delta), onEnd },
    );
  });
  return ended.then((outcome) => ({ text: shown, outcome }));
}

describe("a WeChat mini-program reading the chat stream (wx.request, enableChunked)", () => {
  it("reads a Chinese answer cut into 1-byte chunks exactly, with TextDecoder and in a runtime without one", async () => {
    const withDecoder = await chatOnce(fakeWxRequest(byteByByte), userSays(`echo: ${ANSWER}`));
    expect(withDecoder).toEqual({ text: ANSWER, outcome: { finished: true } });
    const fallback = createUtf8Chunks(null); // some mini-program base libraries have no TextDecoder
    const without = await chatOnce(fakeWxRequest(byteByByte), userSays(`echo: ${ANSWER}`), {
      text: fallback,
    });
    expect(without).toEqual({ text: ANSWER, outcome: { finished: true } });
  });

  it("needs no TextDecoder anywhere: neither its decoder nor the workshop's SSE parser asks for one", async () => {
    // Recorded bytes, replayed one at a time by a wx.request that needs no server, with the global gone.
    const recorded = fakeWxRequest(byteByByte);
    await chatOnce(recorded, userSays(`echo: ${ANSWER}`));
    const replay: WxRequest = (options) => ({
      onChunkReceived(listener) {
        queueMicrotask(() => {
          for (const piece of recorded.delivered) listener({ data: piece.slice().buffer });
          options.success({ statusCode: 200, header: {} });
        });
      },
      abort() {},
    });
    vi.stubGlobal("TextDecoder", undefined);
    try {
      let shown = "";
      const outcome = await new Promise<ChatOutcome>((onEnd) => {
        const call = { request: replay, url: "https://api.example.com/api/chat", body: userSays("hi") };
        streamChatInMiniProgram(call as ChatCall, { onDelta: (delta) => (shown += delta), onEnd });
      });
      expect({ shown, outcome }).toEqual({ shown: ANSWER, outcome: { finished: true } });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("the tutorial's readers, fed the very same chunks, show � or lose the text", async () => {
    const wx = fakeWxRequest(byteByByte);
    await chatOnce(wx, userSays(`echo: ${ANSWER}`));
    expect(decoderPerChunk(wx.delivered).text).toContain("�"); // a new decoder per chunk
    expect(splitEachChunk(wx.delivered).text).toBe(""); // no line kept between chunks: every event lost
  });

  it("Stop aborts the request, ends the answer as stopped, and the server stops generating", async () => {
    const wx = fakeWxRequest();
    const before = lesson.llm.tokensGenerated;
    let text = "";
    const outcome = await new Promise<ChatOutcome>((onEnd) => {
      const call = { request: wx.request, url: `${lesson.url}/api/chat`, body: userSays(manyWords(1000)) };
      const chat = streamChatInMiniProgram(call as ChatCall, {
        onDelta(delta) {
          text += delta;
          if (text.includes("w3")) chat.stop(); // a few tokens in
        },
        onEnd,
      });
    });
    expect(outcome).toMatchObject({ finished: false, code: "stopped" });
    await lesson.llm.idle();
    expect(lesson.llm.tokensGenerated - before).toBeLessThan(2000); // not the whole answer
  });

  it("an error answer is reported by its code, never shown as text", async () => {
    const refused = await chatOnce(fakeWxRequest(byteByByte), { messages: [] });
    expect(refused.text).toBe("");
    expect(refused.outcome).toMatchObject({ finished: false, code: "invalid_request" });
  });

  it("a stream that ends before [DONE] is reported as incomplete, never as a finished answer", async () => {
    const cut = await startServer(
      createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "半句" } }] })}\n\n`);
      }),
    );
    try {
      expect(await chatOnce(fakeWxRequest(byteByByte), userSays("hi"), { url: cut.url })).toEqual({
        text: "半句",
        outcome: { finished: false, code: "incomplete", message: "The answer was cut off." },
      });
    } finally {
      await cut.close();
    }
  });
});

describe("the decoder a runtime without TextDecoder uses", () => {
  const withoutTextDecoder = () => createUtf8Chunks(null);

  it("keeps a character's first bytes for the next chunk, wherever a chunk ends: Chinese and emoji come out whole", () => {
    const bytes = new TextEncoder().encode(ANSWER);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = withoutTextDecoder();
      const first = decoder.decode(bytes.slice(0, cut));
      expect(first, `cut at byte ${cut}`).not.toContain("�");
      expect(first + decoder.decode(bytes.slice(cut))).toBe(ANSWER);
    }
  });

  it("shows bytes that are not UTF-8 as �, as TextDecoder does, instead of throwing", () => {
    expect(withoutTextDecoder().decode(Uint8Array.of(0x61, 0x80, 0x80, 0x80, 0x80, 0x62))).toBe("a����b");
  });
});
