// The five adapters side by side: the lesson is in comparing them.
import type { Provider } from "../../protocol.ts";
import type { ProviderAdapter } from "./adapter.ts";
import { anthropic } from "./anthropic.ts";
import { dashscope } from "./dashscope.ts";
import { gemini } from "./gemini.ts";
import { openAiChat } from "./openai-chat.ts";
import { openAiResponses } from "./openai-responses.ts";

export const ADAPTERS: Record<Provider, ProviderAdapter> = {
  "openai-chat": openAiChat,
  "openai-responses": openAiResponses,
  anthropic,
  gemini,
  dashscope,
};
