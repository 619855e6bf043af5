// Adapter: `for await (const event of readSseEvents(response.body))`.
import type { SseEvent } from "./sse-event.ts";
import { createSseParser } from "./sse-parser.ts";
import type { SseStreamOptions } from "./sse-transform-stream.ts";

// #region read-sse-events
/**
 * Reads a fetch() body as server-sent events. Leaving the loop early (break,
 * return, throw) cancels the body, which closes the connection: the server
 * sees the client leave and can stop generating.
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  options: SseStreamOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const ready: SseEvent[] = [];
  const parser = createSseParser({ ...options, onEvent: (event) => ready.push(event) });
  let finished = false;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return; // an unterminated last event is never dispatched (spec)
      }
      if (value) parser.feed(value);
      // One network chunk may hold several events, or none yet.
      while (ready.length > 0) yield ready.shift() as SseEvent;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
// #endregion
