// Test helper: lesson 02's server on 127.0.0.1:0 with a mock LLM the test controls.
import { createMockLlm, type MockLlmOptions, steadyTiming } from "@workshop/mock-llm";
import type { SseEvent, Token } from "@workshop/protocol";
import { startLesson as startLessonServer } from "@workshop/testkit";
import { createServer, type SseServerOptions } from "../src/server/app.ts";

export function startLesson(options: SseServerOptions & { timing?: MockLlmOptions["timing"] } = {}) {
  const llm = options.llm ?? createMockLlm({ timing: options.timing ?? "instant" });
  return startLessonServer(createServer({ retryMs: 50, presenceIntervalMs: 5, ...options, llm }));
}

/** The tokens carried by a recording's `token` events. */
export const tokensOf = (events: SseEvent[]): Token[] =>
  events.filter((e) => e.type === "token").map((e) => JSON.parse(e.data) as Token);

/** Tokens arriving every few ms: slow enough to interrupt, fast enough for tests. */
export const STEADY = steadyTiming(5);
