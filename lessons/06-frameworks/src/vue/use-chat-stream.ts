// useChatStream, the Vue way: the same chat session as the React hook
// (../stream/chat-session.ts), its messages and the answer in progress held in
// shallowRefs (a growing string or a list of thousands needs no deep proxy),
// and stopped by onScopeDispose when the component that called it goes away.
import { computed, onScopeDispose, shallowRef } from "vue";
import { type ChatSessionParts, createChatSession } from "../stream/chat-session.ts";
import type { Message } from "../stream/conversation.ts";

/** The session and its refs, with nothing tied to the component's lifetime. */
export function chatRefs(parts?: ChatSessionParts) {
  const messages = shallowRef<Message[]>([]); // replaced, never mutated: one change per assignment
  const session = createChatSession((list) => {
    messages.value = list;
  }, parts);
  const liveText = shallowRef("");
  const unsubscribe = session.live.subscribe(() => {
    liveText.value = session.live.getSnapshot(); // as often as the store tells: once a frame
  });
  const streaming = computed(() => messages.value.at(-1)?.status === "streaming");
  return { ...session, messages, liveText, streaming, unsubscribe };
}

export function useChatStream(parts?: ChatSessionParts) {
  const chat = chatRefs(parts);
  // #region scope-dispose
  onScopeDispose(() => {
    chat.stop(); // the answer in progress: the server stops generating
    chat.unsubscribe();
  });
  // #endregion
  return chat;
}
