// What the tests do to lesson 10 over real HTTP: send, read a run from an offset, stop.
import type { SseRecording } from "@workshop/testkit";
import { type chatClient, endOf, tokensOf } from "../exercises/with-chat.ts";
import type { ChatView } from "../src/protocol.ts";

// The same client as the exercises' checks: one way to talk to the lesson, written once.
export { chatClient, endOf, sendAndRead, textOf, tokensOf } from "../exercises/with-chat.ts";
export { countingGenerations } from "../src/compare/count-generations.ts";

/** Waits until the reader has `count` tokens. */
export const untilTokens = (recording: SseRecording, count: number) =>
  recording.waitFor((r) => tokensOf(r).length >= count);

/** Waits for the run's last event. */
export const untilEnd = (recording: SseRecording) => recording.waitFor((r) => endOf(r) !== undefined);

/**
 * Resolves with the chat once `check` holds of it. What the server writes after a run
 * ends (the answer's text and status) is seen by asking again; 10 s without it fails.
 */
export async function untilChat(
  client: ReturnType<typeof chatClient>,
  chatId: string,
  check: (view: ChatView) => boolean,
): Promise<ChatView> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const view = await client.view(chatId);
    if (check(view)) return view;
    if (performance.now() > deadline)
      throw new Error(`chat ${chatId} never got there: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const answerIn = (view: ChatView, messageId: string) => view.messages.find((m) => m.id === messageId);

/** The UI message chunks of an AI SDK stream (without the closing [DONE]). */
export const chunksOf = (recording: SseRecording) =>
  recording.events
    .filter((e) => e.data !== "[DONE]")
    .map((e) => JSON.parse(e.data) as { type: string; delta?: string });
