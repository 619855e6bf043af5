// The answer loop both pages share, with no framework in it: lesson 04's
// streamChat (fetch + the shared event-stream parser) into a frame-batched
// store, a guard against a stale answer when a new one starts, and Stop that
// keeps the partial answer. React's hook and Vue's composable only mirror its
// messages into their state and tie stop() to the component's lifetime.
import { ChatError, streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { type Message, message, requestFor } from "./conversation.ts";
import { createFrameBatchedText, type FrameBatchedText } from "./frame-batched-text.ts";
import { count } from "./page-metrics.ts";
import { say } from "./page-text.ts";

/** What a session is built from; a trap swaps one part (stream/traps.ts). */
export interface ChatSessionParts {
  /** How an answer is read off the wire: lesson 04's streamChat. */
  read?: (request: ReturnType<typeof requestFor>, signal: AbortSignal) => AsyncIterable<string>;
  /** Where the answer in progress goes: readers hear at most once a frame. */
  createLive?: () => FrameBatchedText;
}

export interface ChatSession {
  /** The answer in progress, for the framework to read (useSyncExternalStore, a shallowRef). */
  live: FrameBatchedText;
  send(text: string): void;
  /** Answers the last question again, replacing the answer after it. */
  regenerate(): void;
  /** Ends the answer in progress: Stop, and the component going away. */
  stop(): void;
  /** Replaces the whole conversation (the page's "Load 5,000 messages"), ending an answer in progress. */
  setMessages(messages: Message[]): void;
}

export function createChatSession(
  /** Hears every new list: the session replaces it, never mutates it. */
  onMessages: (messages: Message[]) => void,
  { read = streamChat, createLive = createFrameBatchedText }: ChatSessionParts = {},
): ChatSession {
  // #region chat-session
  const live = createLive();
  let messages: Message[] = [];
  let controller: AbortController | null = null; // the answer in progress; an older one must not write
  const show = (next: Message[]) => {
    messages = next;
    onMessages(next);
  };

  async function answer(history: Message[]): Promise<void> {
    controller?.abort(); // a new answer replaces one in progress
    const mine = new AbortController();
    controller = mine;
    live.reset();
    const placeholder = message("assistant", "", "streaming");
    show([...history, placeholder]);
    let status: Message["status"] = "done";
    let note: string | undefined;
    try {
      for await (const delta of read(requestFor(history), mine.signal)) {
        if (controller !== mine) return; // stale: a newer answer owns the store
        count("tokens");
        live.append(delta);
      }
    } catch (error) {
      if (mine.signal.aborted) [status, note] = ["stopped", say("stopped")];
      else [status, note] = ["failed", error instanceof ChatError ? error.message : String(error)];
    }
    if (controller !== mine) return;
    live.flush();
    // By id, not "the last message": the list may have changed while the answer streamed.
    const final = { ...message("assistant", live.getSnapshot(), status), note };
    show(messages.map((m) => (m.id === placeholder.id ? final : m)));
  }

  return {
    live,
    send: (text) => void answer([...messages, message("user", text)]),
    regenerate() {
      const lastUser = messages.findLastIndex((m) => m.role === "user");
      if (lastUser >= 0) void answer(messages.slice(0, lastUser + 1));
    },
    stop: () => controller?.abort(),
    setMessages(next) {
      // A new conversation: the answer in progress belongs to the old one, so it ends here.
      const running = controller;
      controller = null;
      running?.abort();
      show(next);
    },
  };
  // #endregion
}
