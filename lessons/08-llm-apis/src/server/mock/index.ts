// Every mock upstream on the lesson server, each at its provider's own path,
// so each provider's official SDK can be pointed at it with a base URL.
// DashScope's is lesson 04's (imported): a sub-app answering Qwen's path.
import { addMockUpstream } from "@workshop/04-llm-chat/server/mock-upstream.ts";
import express, { type Express } from "express";
import { addAnthropicMock } from "./anthropic.ts";
import { addGeminiMock } from "./gemini.ts";
import { addOpenAiChatMock } from "./openai-chat.ts";
import { addOpenAiResponsesMock } from "./openai-responses.ts";
import type { MockContext } from "./stream.ts";

export function addMockUpstreams(app: Express, context: MockContext): void {
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
