// useChatStream, the Vue way: the same streamChat and frame-batched store as
// the React hook, held in shallowRefs (a growing string or a list of
// thousands needs no deep proxy), and stopped by onScopeDispose when the
// component that called it goes away.
import { ChatError, streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { computed, onScopeDispose, shallowRef } from "vue";
import { type Message, message, requestFor, trap } from "../stream/conversation.ts";
import { createFrameBatchedText } from "../stream/frame-batched-text.ts";
import { count } from "../stream/page-metrics.ts";

/** `base`: where /api/chat is ("" on the page; a server's URL when a check runs this in Node). */
export function useChatStream({ base = "" } = {}) {
  const messages = shallowRef<Message[]>([]); // replaced, never mutated: one change per assignment
  const liveText = shallowRef("");
  const live = createFrameBatchedText();
  const perToken = trap === "per-token"; // THE TRAP: copy every token into reactive state
  const unsubscribe = live.subscribe(() => {
    liveText.value = live.getSnapshot(); // at most once per frame
  });
  let controller: AbortController | null = null;
  let current = 0;

  // #region scope-dispose
  // THE TRAP (?trap=no-dispose): without this, closing the chat leaves the
  // request open and the model generating for nobody.
  if (trap !== "no-dispose") {
    onScopeDispose(() => {
      controller?.abort();
      unsubscribe();
    });
  }
  // #endregion

  async function answer(history: Message[]): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const run = ++current;
    live.reset();
    messages.value = [...history, message("assistant", "", "streaming")];
    let status: Message["status"] = "done";
    let note: string | undefined;
    try {
      for await (const delta of streamChat(requestFor(history), mine.signal, base)) {
        if (run !== current) return;
        count("tokens");
        live.append(delta);
        if (perToken) liveText.value = live.getSnapshot();
      }
    } catch (error) {
      if (mine.signal.aborted) [status, note] = ["stopped", "Stopped: the partial answer is kept."];
      else [status, note] = ["failed", error instanceof ChatError ? error.message : String(error)];
    }
    if (run !== current) return;
    live.flush();
    messages.value = [
      ...messages.value.slice(0, -1),
      { ...message("assistant", live.getSnapshot(), status), note },
    ];
  }

  return {
    messages,
    liveText,
    streaming: computed(() => messages.value.at(-1)?.status === "streaming"),
    send: (text: string) => void answer([...messages.value, message("user", text)]),
    regenerate() {
      const lastUser = messages.value.findLastIndex((m) => m.role === "user");
      if (lastUser >= 0) void answer(messages.value.slice(0, lastUser + 1));
    },
    stop: () => controller?.abort(),
  };
}
