// Ask lesson 08's BFF from Node and collect its one stream (the tests and the comparison).
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent, Provider } from "../protocol.ts";

export async function ask(
  url: string,
  provider: Provider,
  content: string,
  { stopAfter }: { stopAfter?: (events: ChatEvent[]) => boolean } = {},
): Promise<ChatEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ provider, messages: [{ role: "user", content }] }),
    signal: controller.signal,
  });
  const events: ChatEvent[] = [];
  try {
    for await (const event of readSseEvents(response.body as ReadableStream<Uint8Array>)) {
      events.push(JSON.parse(event.data) as ChatEvent);
      if (stopAfter?.(events)) {
        controller.abort(); // Stop, as the page's button does
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return events;
}

export const textOf = (events: ChatEvent[], type: "text" | "reasoning" = "text") =>
  events.flatMap((e) => (e.type === type ? [e.delta] : [])).join("");
export const ofType = <T extends ChatEvent["type"]>(events: ChatEvent[], type: T) =>
  events.filter((e): e is Extract<ChatEvent, { type: T }> => e.type === type);
