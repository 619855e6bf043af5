// The conversation both pages keep, and what they send: the same message
// shapes as lesson 04 (imported, not retyped).
import type { ChatRequest } from "@workshop/04-llm-chat/protocol";
import { MAX_CONTENT_LENGTH, MAX_MESSAGES } from "@workshop/04-llm-chat/protocol";
import { FAST_MODEL } from "./page-switches.ts";

export type Role = ChatRequest["messages"][number]["role"];
export type Status = "streaming" | "done" | "stopped" | "failed";

export interface Message {
  id: number;
  role: Role;
  content: string;
  status: Status;
  /** Why it stopped or failed, shown under the message. */
  note?: string;
}

let nextId = 1;
export const message = (role: Role, content: string, status: Status = "done"): Message => ({
  id: nextId++,
  role,
  content,
  status,
});

/**
 * The request for the next answer, within what the server takes (lesson 04's
 * ChatRequest): at most MAX_MESSAGES, the most recent (the model's context
 * window works the same way), never the thousands the list may hold; each cut
 * to MAX_CONTENT_LENGTH; none blank. Sent as it is, one long or blank answer
 * would have every later question refused.
 */
export function requestFor(history: readonly Message[]): ChatRequest {
  const sendable = history.filter((m) => m.content.trim() !== "" && m.status !== "failed");
  return {
    ...(fastModelChosen() ? { model: FAST_MODEL } : {}),
    messages: sendable
      .slice(-MAX_MESSAGES)
      .map(({ role, content }) => ({ role, content: content.slice(0, MAX_CONTENT_LENGTH) })),
  };
}

/** A long demo conversation, to show what virtualization buys. */
export function demoConversation(count: number): Message[] {
  return Array.from({ length: count }, (_, i) =>
    message(
      i % 2 ? "assistant" : "user",
      i % 2 ? `Answer **${i}**: streaming keeps the wait short.` : `Question ${i}?`,
    ),
  );
}

/**
 * The page's "Fast model" switch (a plain checkbox outside React and Vue, so both pages read it
 * the same way): FAST_MODEL.
 */
const fastModelChosen = () =>
  (globalThis.document?.getElementById("fast-model") as HTMLInputElement | null)?.checked === true;
