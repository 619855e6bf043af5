// Adapter: `for await (const event of readSseEvents(response.body))`.
import type { SseEvent } from "./sse-event.ts";
import { createSseParser } from "./sse-parser.ts";
import type { SseStreamOptions } from "./sse-transform-stream.ts";

export class SseBufferOverflowError extends Error {
  constructor(readonly maxBufferSize: number) {
    super(`An event-stream line or event exceeded ${maxBufferSize} characters.`);
    this.name = "SseBufferOverflowError";
  }
}

/**
 * Reads a fetch() body as server-sent events. Leaving the loop early (break,
 * return, throw) cancels the body, which closes the connection: the server
 * sees the client leave and can stop generating. With `maxBufferSize`, a line
 * or event longer than that throws SseBufferOverflowError (and cancels).
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  options: SseStreamOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const ready: SseEvent[] = [];
  let overflowed = false;
  const parser = createSseParser({
    ...options,
    onEvent: (event) => ready.push(event),
    onError: (ignored) => {
      if (ignored.reason === "buffer-overflow") overflowed = true;
      options.onError?.(ignored);
    },
  });
  let finished = false;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return; // an unterminated last event is never dispatched (spec)
      }
      if (value) parser.feed(value);
      if (overflowed) throw new SseBufferOverflowError(options.maxBufferSize ?? 0);
      // One network chunk may hold several events, or none yet.
      while (ready.length > 0) yield ready.shift() as SseEvent;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
