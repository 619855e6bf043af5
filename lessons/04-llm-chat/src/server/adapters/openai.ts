// Adapter: an OpenAI-compatible upstream (OpenAI, DeepSeek, Qwen's compatible
// mode, Ollama, vLLM, or our mock). Each event's data is a chunk whose
// choices[0].delta.content is the next piece of text; `data: [DONE]` ends it.
import { readSseEvents } from "@workshop/protocol";
import type { ChatCompletionChunk } from "../../protocol.ts";
import { DONE } from "../../protocol.ts";
import { UpstreamError } from "../upstream-error.ts";
import type { UpstreamAdapter } from "./adapter.ts";

// #region openai-adapter
export async function* openAiDeltas(
  body: ReadableStream<Uint8Array>,
  maxEventChars = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
    if (event.data === DONE) return;
    const chunk = JSON.parse(event.data) as Partial<ChatCompletionChunk> & { error?: { message?: string } };
    if (chunk.error) throw new UpstreamError("upstream_failed", `in-stream error: ${chunk.error.message}`);
    const content = chunk.choices?.[0]?.delta?.content;
    if (content) yield content;
  }
  // The body ended without [DONE]: a proxy or the provider closed it mid-answer. A
  // clean close looks just like a finished answer unless the end marker is required.
  throw new UpstreamError("upstream_failed", "the stream ended without [DONE]: the answer was cut");
}
// #endregion

export const openAiAdapter: UpstreamAdapter = {
  request: (config, model, messages) => ({
    url: `${config.baseUrl}/chat/completions`,
    body: { model, messages, stream: true },
  }),
  deltas: openAiDeltas,
};
