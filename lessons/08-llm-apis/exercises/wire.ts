// For the checks: a provider's wire as a fetch() body, and an adapter's events from it.
import { CheckFailed } from "@workshop/exercises";
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

/** What the adapter yielded, and what it threw (if it did), for a check that explains the throw. */
export async function readEvents(
  adapter: ProviderAdapter,
  body: ReadableStream<Uint8Array>,
): Promise<{ events: ChatEvent[]; thrown?: Error }> {
  const events: ChatEvent[] = [];
  try {
    for await (const event of adapter.events(body, 1 << 20)) events.push(event);
    return { events };
  } catch (error) {
    return { events, thrown: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** The adapter's events; a throw becomes a sentence that says what came before it, never a stack trace. */
export async function eventsOf(
  adapter: ProviderAdapter,
  body: ReadableStream<Uint8Array>,
): Promise<ChatEvent[]> {
  const { events, thrown } = await readEvents(adapter, body);
  if (thrown)
    throw new CheckFailed({
      en: `the adapter threw "${thrown.message}" after yielding: ${describeEvents(events)}. A well-formed stream must be read to its end without an error.`,
      zh: `适配器先产出了：${describeEvents(events)}，然后抛出了 "${thrown.message}"。格式正确的流必须能一直读到结尾而不出错。`,
    });
  return events;
}

export const describeEvents = (events: ChatEvent[]) =>
  events.map((e) => (e.type === "tool-call-delta" ? `delta(${e.delta})` : e.type)).join(", ") || "nothing";
