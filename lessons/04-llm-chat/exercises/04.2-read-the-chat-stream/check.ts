import { createServer } from "node:http";
import { defineChecks, type LessonCode, must, mustEventually, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { startServer } from "@workshop/testkit";
import type * as ChatStream from "../../src/client/chat-stream.ts";
import { withServer } from "../with-server.ts";

const PROMPT = "为什么要流式输出？";
const ask = { messages: [{ role: "user" as const, content: PROMPT }] };
const piece = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

async function load(code: LessonCode) {
  return code.load<typeof ChatStream>("src/client/chat-stream.ts");
}

/** Reads the whole stream; returns the text and the error it ended with, if any. */
async function readAll(stream: AsyncGenerator<string>) {
  let text = "";
  let pieces = 0;
  try {
    for await (const delta of stream) {
      text += delta;
      pieces++;
    }
    return { text, pieces, error: undefined };
  } catch (error) {
    return { text, pieces, error: error as { code?: string; message: string } };
  }
}

/** A server that answers every POST with `wire` as an event stream. */
async function serverWriting(wire: string) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.end(wire);
  });
  return startServer(server);
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "yields the reply's text piece by piece, and ends at [DONE]":
    "把回答的文本一段段 yield 出来，到 [DONE] 结束",
  "an HTTP error becomes a ChatError with the server's code": "HTTP 错误变成带有服务器 code 的 ChatError",
  "an error inside a 200 stream is thrown, not shown as text": "200 流里的错误会被抛出，而不是当作文本显示",
  "a stream that stops without [DONE] is reported as cut off": "没有 [DONE] 就停下的流被报告为截断",
  "Stop aborts the request, and the server stops generating": "Stop 中止请求，服务器也停止生成",
};

export default defineChecks({
  "yields the reply's text piece by piece, and ends at [DONE]": (code) =>
    withServer(code, {}, async ({ url, llm }) => {
      const { streamChat } = await load(code);
      const { text, pieces, error } = await within(
        readAll(streamChat(ask, new AbortController().signal, url)),
        3000,
        { en: "the stream never ended", zh: "流一直没有结束" },
      );
      must(!error, {
        en: `on a healthy reply, streamChat threw: ${error?.message}`,
        zh: `回答正常时，streamChat 却抛出了：${error?.message}`,
      });
      must(text === llm.replyTokens(PROMPT).join(""), {
        en: `the text read was "${text.slice(0, 40)}…", not the model's reply: yield each delta.content, in order, until [DONE]`,
        zh: `读出的文本是 "${text.slice(0, 40)}…"，不是模型的回答：按顺序 yield 每个 delta.content，直到 [DONE]`,
      });
      must(pieces > 1, {
        en: "the whole reply came as one piece: yield each delta as it arrives",
        zh: "整段回答是一次性出来的：每个增量一到就 yield 出去",
      });
    }),

  "an HTTP error becomes a ChatError with the server's code": (code) =>
    withServer(code, {}, async ({ url }) => {
      const { streamChat, ChatError } = await load(code);
      const { error } = await readAll(
        streamChat({ ...ask, model: "no-such-model" }, new AbortController().signal, url),
      );
      must(error instanceof ChatError, {
        en: "a 400 answer (an unknown model) did not throw a ChatError: a response that is not ok is a JSON error, not a stream",
        zh: "400 响应（未知的模型）没有抛出 ChatError：不是 ok 的响应是 JSON 错误，不是流",
      });
      must(error.code === "unknown_model", {
        en: `the ChatError's code is "${error.code}", not the server's "unknown_model": take the code from the JSON body the server sent`,
        zh: `ChatError 的 code 是 "${error.code}"，不是服务器给的 "unknown_model"：从服务器发来的 JSON 响应体里取 code`,
      });
    }),

  "an error inside a 200 stream is thrown, not shown as text": async (code) => {
    const { streamChat, ChatError } = await load(code);
    const server = await serverWriting(
      `${piece("Hel")}data: {"error":{"code":"upstream_failed","message":"The model failed."}}\n\n`,
    );
    try {
      const { text, error } = await readAll(streamChat(ask, new AbortController().signal, server.url));
      must(text === "Hel", {
        en: `before the in-stream error the text read was "${text}", not "Hel": yield the text that came first`,
        zh: `流里的错误之前读出的文本是 "${text}"，不是 "Hel"：先到的文本要 yield 出去`,
      });
      must(error instanceof ChatError && error.code === "upstream_failed", {
        en: "an { error } event inside a 200 stream was not thrown as a ChatError with its code: an error can arrive after some text, and must never be shown as text",
        zh: "200 流里的 { error } 事件没有作为带 code 的 ChatError 抛出：错误可能在一些文本之后才到，而且绝不能当作文本显示",
      });
    } finally {
      await server.close();
    }
  },

  "a stream that stops without [DONE] is reported as cut off": async (code) => {
    const { streamChat, ChatError } = await load(code);
    const server = await serverWriting(piece("Half an answ"));
    try {
      const { error } = await readAll(streamChat(ask, new AbortController().signal, server.url));
      must(error instanceof ChatError && error.code === "incomplete", {
        en: "a stream that ended without [DONE] was taken as a whole answer: throw ChatError('incomplete', …)",
        zh: "没有 [DONE] 就结束的流被当成了完整的回答：抛出 ChatError('incomplete', …)",
      });
    } finally {
      await server.close();
    }
  },

  "Stop aborts the request, and the server stops generating": (code) =>
    withServer(code, { timing: steadyTiming(20) }, async ({ url, llm }) => {
      const { streamChat } = await load(code);
      const stop = new AbortController();
      const reading = readAll(streamChat(ask, stop.signal, url));
      await mustEventually(() => llm.tokensGenerated >= 3, 5000, {
        en: "the reply never began streaming, so there was nothing for Stop to stop: POST the request with fetch() first",
        zh: "回答根本没有开始流式输出，Stop 也就无从停起：先用 fetch() 把请求 POST 出去",
      });
      stop.abort();
      await within(reading, 2000, {
        en: "after Stop (the signal aborted), the stream kept going: pass the signal to fetch()",
        zh: "Stop 之后（signal 已中止），流还在继续：把 signal 传给 fetch()",
      });
      await mustEventually(() => llm.running === 0, 1000, {
        en: "after Stop the model is still generating: pass the signal to fetch()",
        zh: "Stop 之后模型还在生成：把 signal 传给 fetch()",
      });
    }),
});
