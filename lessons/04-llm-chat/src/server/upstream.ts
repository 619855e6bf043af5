// Calling the upstream provider. The API key is read here, on the server, and
// never reaches the browser: the page only ever talks to /api/chat.
import type { ChatRequest } from "../protocol.ts";
import { dashScopeDeltas } from "./upstream-dashscope.ts";
import { openAiDeltas } from "./upstream-openai.ts";

export interface UpstreamConfig {
  /** OpenAI style: the base URL ending in /v1. DashScope: the full generation URL. */
  baseUrl: string;
  apiKey: string;
  model: string;
  format: "openai" | "dashscope";
}

/** From the environment; without OPENAI_BASE_URL, the in-process mock. */
export function upstreamFromEnv(mockBaseUrl: () => string): () => UpstreamConfig {
  return () => ({
    baseUrl: process.env.OPENAI_BASE_URL || mockBaseUrl(),
    apiKey: process.env.OPENAI_API_KEY || "mock-key",
    model: process.env.OPENAI_MODEL || "mock-llm",
    format: process.env.UPSTREAM_FORMAT === "dashscope" ? "dashscope" : "openai",
  });
}

export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// #region call-upstream
/** Starts the upstream stream; resolves with the text deltas once it answered 2xx. */
export async function callUpstream(
  config: UpstreamConfig,
  request: ChatRequest,
  signal: AbortSignal,
): Promise<AsyncGenerator<string>> {
  const model = request.model ?? config.model;
  const [url, body, extraHeaders] =
    config.format === "dashscope"
      ? [config.baseUrl, { model, input: { messages: request.messages } }, { "X-DashScope-SSE": "enable" }]
      : [`${config.baseUrl}/chat/completions`, { model, messages: request.messages, stream: true }, {}];
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${config.apiKey}`,
      ...extraHeaders,
    },
    body: JSON.stringify(body),
    signal, // aborting this aborts the upstream request: the provider stops generating
  });
  if (!response.ok || !response.body) {
    throw new UpstreamError(
      response.status,
      `upstream answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  }
  return config.format === "dashscope" ? dashScopeDeltas(response.body) : openAiDeltas(response.body);
}
// #endregion
