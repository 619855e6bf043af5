// For the checks: a provider's wire as a fetch() body, and an adapter's events from it.
import type { ChatEvent } from "../src/protocol.ts";
import type { ProviderAdapter } from "../src/server/adapters/adapter.ts";

/** Server-sent events as a fetch() body, in one piece. */
export function wireBody(events: { event?: string; data: unknown }[]): ReadableStream<Uint8Array> {
  const text = events
    .map(
      ({ event, data }) =>
        `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`,
    )
    .join("");
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7)); // 7-byte chunks
      controller.close();
    },
  });
}

export async function eventsOf(
  adapter: ProviderAdapter,
  body: ReadableStream<Uint8Array>,
): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const event of adapter.events(body, 1 << 20)) events.push(event);
  return events;
}

export const describeEvents = (events: ChatEvent[]) =>
  events.map((e) => (e.type === "tool-call-delta" ? `delta(${e.delta})` : e.type)).join(", ") || "nothing";
