// One provider's wire format, seen from the BFF: how to ask, and how to read
// the answer as text deltas. The BFF picks one by UPSTREAM_FORMAT (index.ts);
// lesson 08 compares five the same way.
import type { ChatMessage } from "@workshop/protocol";

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
