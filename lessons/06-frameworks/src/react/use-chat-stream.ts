// useChatStream: the chat session (../stream/chat-session.ts) as a React hook,
// with what a component adds: its messages in state, the answer in progress
// read with useSyncExternalStore (at most one render a frame), a session that
// outlives StrictMode's mount–unmount–mount in development, and an abort when
// the component unmounts.
import { useEffect, useState, useSyncExternalStore } from "react";
import { type ChatSessionParts, createChatSession } from "../stream/chat-session.ts";
import type { Message } from "../stream/conversation.ts";

/** The session and its state, with nothing tied to the component's lifetime. */
export function useChatSession(parts?: ChatSessionParts) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [session] = useState(() => createChatSession(setMessages, parts)); // one per component
  const liveText = useSyncExternalStore(session.live.subscribe, session.live.getSnapshot);
  const streaming = messages.at(-1)?.status === "streaming";
  return { ...session, messages, liveText, streaming };
}

export function useChatStream(parts?: ChatSessionParts) {
  const chat = useChatSession(parts);
  // #region abort-on-unmount
  useEffect(() => () => chat.stop(), [chat.stop]); // nothing on mount; leaving stops the model
  // #endregion
  return chat;
}
