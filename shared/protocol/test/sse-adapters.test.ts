import { describe, expect, it } from "vitest";
import { createSseEventStream, encodeEvent, readSseEvents, type SseEvent } from "../src/index.ts";

const encoder = new TextEncoder();

/** A body like fetch() gives, delivering the given byte chunks. */
function bodyOf(
  chunks: Uint8Array[],
  { stayOpen = false } = {},
): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else if (!stayOpen) controller.close(); // stayOpen: a live stream, more to come
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

// "你" is three bytes; cut through the middle of it and of the JSON.
const wire = encoder.encode(
  encodeEvent({ id: "0", event: "token", data: '{"text":"你"}' }) +
    encodeEvent({ id: "1", event: "token", data: '{"text":"好"}' }),
);
const chunks = [wire.subarray(0, 25), wire.subarray(25, 40), wire.subarray(40)];
const expected: SseEvent[] = [
  { type: "token", data: '{"text":"你"}', lastEventId: "0" },
  { type: "token", data: '{"text":"好"}', lastEventId: "1" },
];

describe("readSseEvents turns a fetch() body into events", () => {
  it("yields whole events even when chunks cut through characters and JSON", async () => {
    const events: SseEvent[] = [];
    for await (const event of readSseEvents(bodyOf(chunks).body)) events.push(event);
    expect(events).toEqual(expected);
  });

  it("cancels the body when the loop is left early, so the connection closes", async () => {
    const { body, cancelled } = bodyOf(chunks, { stayOpen: true });
    for await (const _event of readSseEvents(body)) break;
    expect(cancelled()).toBe(true);
  });
});

describe("createSseEventStream works with pipeThrough", () => {
  it("turns byte chunks into events", async () => {
    const events: SseEvent[] = [];
    const reader = bodyOf(chunks).body.pipeThrough(createSseEventStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) events.push(r.value);
    expect(events).toEqual(expected);
  });
});
