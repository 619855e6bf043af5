import { createServer } from "node:http";
import { defineChecks, type LessonCode, must, mustEventually, waitUntil, within } from "@workshop/exercises";
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

export default defineChecks({
  "yields the reply's text piece by piece, and ends at [DONE]": (code) =>
    withServer(code, {}, async ({ url, llm }) => {
      const { streamChat } = await load(code);
      const { text, pieces, error } = await within(
        readAll(streamChat(ask, new AbortController().signal, url)),
        3000,
        "the stream never ended",
      );
      must(!error, `on a healthy reply, streamChat threw: ${error?.message}`);
      must(
        text === llm.replyTokens(PROMPT).join(""),
        `the text read was "${text.slice(0, 40)}…", not the model's reply: yield each delta.content, in order, until [DONE]`,
      );
      must(pieces > 1, "the whole reply came as one piece: yield each delta as it arrives");
    }),

  "an HTTP error becomes a ChatError with the server's code": (code) =>
    withServer(code, {}, async ({ url }) => {
      const { streamChat, ChatError } = await load(code);
      const { error } = await readAll(
        streamChat({ ...ask, model: "no-such-model" }, new AbortController().signal, url),
      );
      must(
        error instanceof ChatError,
        "a 400 answer (an unknown model) did not throw a ChatError: a response that is not ok is a JSON error, not a stream",
      );
      must(
        error.code === "unknown_model",
        `the ChatError's code is "${error.code}", not the server's "unknown_model": take the code from the JSON body the server sent`,
      );
    }),

  "an error inside a 200 stream is thrown, not shown as text": async (code) => {
    const { streamChat, ChatError } = await load(code);
    const server = await serverWriting(
      `${piece("Hel")}data: {"error":{"code":"upstream_failed","message":"The model failed."}}\n\n`,
    );
    try {
      const { text, error } = await readAll(streamChat(ask, new AbortController().signal, server.url));
      must(
        text === "Hel",
        `before the in-stream error the text read was "${text}", not "Hel": yield the text that came first`,
      );
      must(
        error instanceof ChatError && error.code === "upstream_failed",
        "an { error } event inside a 200 stream was not thrown as a ChatError with its code: an error can arrive after some text, and must never be shown as text",
      );
    } finally {
      await server.close();
    }
  },

  "a stream that stops without [DONE] is reported as cut off": async (code) => {
    const { streamChat, ChatError } = await load(code);
    const server = await serverWriting(piece("Half an answ"));
    try {
      const { error } = await readAll(streamChat(ask, new AbortController().signal, server.url));
      must(
        error instanceof ChatError && error.code === "incomplete",
        "a stream that ended without [DONE] was taken as a whole answer: throw ChatError('incomplete', …)",
      );
    } finally {
      await server.close();
    }
  },

  "Stop aborts the request, and the server stops generating": (code) =>
    withServer(code, { timing: steadyTiming(20) }, async ({ url, llm }) => {
      const { streamChat } = await load(code);
      const stop = new AbortController();
      const reading = readAll(streamChat(ask, stop.signal, url));
      await waitUntil(() => llm.tokensGenerated >= 3, 2000);
      stop.abort();
      await within(
        reading,
        2000,
        "after Stop (the signal aborted), the stream kept going: pass the signal to fetch()",
      );
      await mustEventually(
        () => llm.running === 0,
        1000,
        "after Stop the model is still generating: pass the signal to fetch()",
      );
    }),
});
