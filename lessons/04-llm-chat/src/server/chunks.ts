// Writes the OpenAI chat.completion.chunk stream, one encodeEvent per chunk.
import { randomUUID } from "node:crypto";
import { encodeEvent } from "@workshop/protocol";
import { type ChatCompletionChunk, DONE, type StreamError } from "../protocol.ts";

// #region chunk-writer
export function createChunkWriter(model: string) {
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  let first = true;
  const chunk = (delta: ChatCompletionChunk["choices"][0]["delta"], finish: "stop" | null): string => {
    const body: ChatCompletionChunk = {
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    };
    return encodeEvent({ data: JSON.stringify(body) });
  };
  return {
    /** The first chunk carries the role, as OpenAI's does. */
    content(text: string): string {
      const wire = chunk(first ? { role: "assistant", content: text } : { content: text }, null);
      first = false;
      return wire;
    },
    /** An empty delta with finish_reason "stop", then [DONE]. */
    finish(): string {
      return chunk({}, "stop") + encodeEvent({ data: DONE });
    },
    error(code: string, message: string): string {
      return encodeEvent({ data: JSON.stringify({ error: { code, message } } satisfies StreamError) });
    },
  };
}
// #endregion
