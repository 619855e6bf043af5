// Calling the upstream provider. The API key, the model and the system prompt
// are the server's: read here, never sent by (or to) the browser, which only
// ever talks to /api/chat.
import type { ChatMessage } from "@workshop/protocol";
import type { UpstreamConfig } from "./adapters/adapter.ts";
import { ADAPTERS } from "./adapters/index.ts";
import { UpstreamError } from "./upstream-error.ts";

export type { UpstreamConfig } from "./adapters/adapter.ts";

export const DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant. Answer concisely, in the user's language.";

/** From the environment; without OPENAI_BASE_URL, the in-process mock. */
export function upstreamFromEnv(mockBaseUrl: () => string): () => UpstreamConfig {
  return () => ({
    baseUrl: process.env.OPENAI_BASE_URL || mockBaseUrl(),
    apiKey: process.env.OPENAI_API_KEY || "mock-key",
    model: process.env.OPENAI_MODEL || "mock-llm",
    models: (process.env.OPENAI_MODELS ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
    systemPrompt: process.env.SYSTEM_PROMPT || DEFAULT_SYSTEM_PROMPT,
    format: process.env.UPSTREAM_FORMAT === "dashscope" ? "dashscope" : "openai",
    maxEventChars: Number(process.env.UPSTREAM_MAX_EVENT_CHARS) || 1024 * 1024,
  });
}

/** The models a request may name: the default first, then OPENAI_MODELS. */
export function allowedModels(config: UpstreamConfig): string[] {
  return [...new Set([config.model, ...config.models])];
}

// #region call-upstream
/**
 * The answer's text deltas. Nothing happens until the first next(): that
 * sends the request, so a caller's timeout on the first step covers an
 * upstream that never even answers with headers. Failures are UpstreamErrors.
 */
export async function* streamUpstream(
  config: UpstreamConfig,
  model: string,
  messages: readonly ChatMessage[],
  signal: AbortSignal,
): AsyncGenerator<string> {
  const adapter = ADAPTERS[config.format];
  const { url, body, headers } = adapter.request(config, model, [
    { role: "system", content: config.systemPrompt },
    ...messages,
  ]);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${config.apiKey}`, ...headers },
      body: JSON.stringify(body),
      signal, // aborting this aborts the upstream request: the provider stops generating
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new UpstreamError("upstream_unavailable", `cannot reach upstream: ${String(error)}`);
  }
  if (!response.ok || !response.body) {
    const detail = await response.text().catch(() => "");
    throw new UpstreamError(
      "upstream_unavailable",
      `upstream answered ${response.status}: ${detail.slice(0, 500)}`,
      response.status,
    );
  }
  try {
    yield* adapter.deltas(response.body, config.maxEventChars);
  } catch (error) {
    if (signal.aborted || error instanceof UpstreamError) throw error;
    throw new UpstreamError("upstream_failed", `upstream stream failed: ${String(error)}`);
  }
}
// #endregion
