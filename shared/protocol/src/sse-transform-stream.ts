// Adapter: the pure parser as a TransformStream, for `body.pipeThrough(...)`.
import type { SseEvent } from "./sse-event.ts";
import { createSseParser, type SseParserCallbacks } from "./sse-parser.ts";

export type SseStreamOptions = Omit<SseParserCallbacks, "onEvent">;

/** `response.body.pipeThrough(createSseEventStream())` gives a stream of SseEvent. */
export function createSseEventStream(
  options: SseStreamOptions = {},
): TransformStream<Uint8Array | string, SseEvent> {
  let parser: ReturnType<typeof createSseParser> | undefined;
  return new TransformStream<Uint8Array | string, SseEvent>({
    start(controller) {
      parser = createSseParser({ ...options, onEvent: (event) => controller.enqueue(event) });
    },
    transform(chunk) {
      parser?.feed(chunk);
    },
  });
}
