// Calling the upstream provider. The API key, the model and the system prompt
// are the server's: read here, never sent by (or to) the browser, which only
// ever talks to /api/chat.
import type { ChatMessage } from "@workshop/protocol";
import { dashScopeAdapter } from "./upstream-dashscope.ts";
import { UpstreamError } from "./upstream-error.ts";
import { openAiAdapter } from "./upstream-openai.ts";

export interface UpstreamConfig {
  /** OpenAI style: the base URL ending in /v1. DashScope: the full generation URL. */
  baseUrl: string;
  apiKey: string;
  /** The default model (OPENAI_MODEL). */
  model: string;
  /** Other models the page may choose (OPENAI_MODELS, comma-separated). */
  models: string[];
  /** Sent first in every conversation (SYSTEM_PROMPT). The page cannot send one. */
  systemPrompt: string;
  format: "openai" | "dashscope";
  /** Longest event (line plus data) accepted from the upstream, in characters. */
  maxEventChars: number;
}

/** One provider's wire format: how to ask, and how to read the answer as text deltas. */
export interface UpstreamAdapter {
  request(
    config: UpstreamConfig,
    model: string,
    messages: readonly ChatMessage[],
  ): {
    url: string;
    body: unknown;
    headers?: Record<string, string>;
  };
  deltas(body: ReadableStream<Uint8Array>, maxEventChars: number): AsyncGenerator<string>;
}

const ADAPTERS: Record<UpstreamConfig["format"], UpstreamAdapter> = {
  openai: openAiAdapter,
  dashscope: dashScopeAdapter,
};

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
