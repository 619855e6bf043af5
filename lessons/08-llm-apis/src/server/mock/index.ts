// Every mock upstream on the lesson server, each at its provider's own path,
// so each provider's official SDK can be pointed at it with a base URL.
// DashScope's is lesson 04's (imported): a sub-app answering Qwen's path.
import { addMockUpstream } from "@workshop/04-llm-chat/server/mock-upstream.ts";
import { createStreamLimit, sendError } from "@workshop/server-kit";
import express, { type Express } from "express";
import { addAnthropicMock } from "./anthropic.ts";
import { addGeminiMock } from "./gemini.ts";
import { addOpenAiChatMock } from "./openai-chat.ts";
import { addOpenAiResponsesMock } from "./openai-responses.ts";
import type { MockContext } from "./stream.ts";

/** The mocks' paths, each its provider's own. */
const MOCK_PATHS = [
  "/v1/chat/completions",
  "/v1/responses",
  "/v1/messages",
  /^\/v1beta\/models\/[^/:]+:streamGenerateContent$/,
  "/api/v1/services/aigc/text-generation/generation",
];

/** Streams all the mocks generate at once, as a provider caps a key's concurrency (429 past it). */
export const MAX_MOCK_STREAMS = 64;

export function addMockUpstreams(app: Express, context: MockContext): void {
  // On the lesson's own port, the mocks are reachable by anyone who reaches the BFF: bounded
  // like every other stream here. One count for all of them: the BFF calls from one address.
  const generating = createStreamLimit(MAX_MOCK_STREAMS);
  app.post(MOCK_PATHS, (_req, res, next) => {
    const release = generating.tryOpen("every caller");
    if (!release) return sendError(res, 429, "rate_limited", "The mock provider is busy; try again.");
    res.once("close", release);
    next();
  });
  addOpenAiChatMock(app, context);
  addOpenAiResponsesMock(app, context);
  addAnthropicMock(app, context);
  addGeminiMock(app, context);
  const lesson04 = express();
  addMockUpstream(lesson04, context.llm);
  app.post("/api/v1/services/aigc/text-generation/generation", (req, res, next) => {
    req.url = "/mock/dashscope";
    lesson04(req, res, next);
  });
}
