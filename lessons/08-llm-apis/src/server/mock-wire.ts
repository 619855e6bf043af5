// The page's left pane: the provider's own events, raw. Only for the in-process mock, which
// holds no secrets; a real provider's wire can quote the request or a key, and never leaves.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent } from "../protocol.ts";

/** Each wire event carries at most this much of its data. */
const WIRE_DATA_CHARS = 2000;

/**
 * Splits the body in two: one for the adapter, one read here into `wire` events.
 * `done` settles when the wire copy has been read to its end.
 */
export function teeMockWire(
  body: ReadableStream<Uint8Array>,
  send: (event: ChatEvent) => void,
  maxEventChars: number,
): { body: ReadableStream<Uint8Array>; done: Promise<void> } {
  const [forAdapter, forWire] = body.tee();
  const done = (async () => {
    for await (const event of readSseEvents(forWire, { maxBufferSize: maxEventChars }))
      send({ type: "wire", event: event.type, data: event.data.slice(0, WIRE_DATA_CHARS) });
  })().catch(() => {});
  return { body: forAdapter, done };
}
