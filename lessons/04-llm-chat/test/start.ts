// Test helpers: lesson 04's server on 127.0.0.1:0, and a misbehaving upstream.
import { createServer as createHttpServer, type RequestListener } from "node:http";
import { createMockLlm, type MockLlmOptions, steadyTiming } from "@workshop/mock-llm";
import { connectSse, startLesson as startLessonServer, startServer } from "@workshop/testkit";
import type { ChatCompletionChunk } from "../src/protocol.ts";
import { type ChatServerOptions, createServer } from "../src/server/app.ts";

export function startLesson(options: ChatServerOptions & { timing?: MockLlmOptions["timing"] } = {}) {
  const llm = options.llm ?? createMockLlm({ timing: options.timing ?? "instant" });
  // Upstream failures are logged on purpose; tests that care pass their own log.
  return startLessonServer(createServer({ log: () => {}, ...options, llm }));
}

/** An upstream that does whatever the test says; close() ends it. */
export async function fakeUpstream(handler: RequestListener) {
  const running = await startServer(createHttpServer(handler));
  return { baseUrl: `${running.url}/v1`, close: running.close };
}

/** One OpenAI-style stream event carrying `content`, as a fake upstream writes it. */
export const upstreamChunk = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

export const userSays = (content: string) => ({ messages: [{ role: "user", content }] });

/** POST /api/chat, recording the stream through the shared parser. */
export function chat(url: string, body: unknown) {
  return connectSse(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The text of a stream's chunks, and whether it ended with [DONE]. */
export function readChunks(events: { data: string }[]) {
  const datas = events.map((e) => e.data);
  const done = datas.at(-1) === "[DONE]";
  const payloads = datas
    .filter((d) => d !== "[DONE]")
    .map((d) => JSON.parse(d) as ChatCompletionChunk & { error?: { code: string } });
  const text = payloads.map((p) => p.choices?.[0]?.delta?.content ?? "").join("");
  return { payloads, text, done, error: payloads.find((p) => p.error)?.error };
}

export const STEADY = steadyTiming(10);
