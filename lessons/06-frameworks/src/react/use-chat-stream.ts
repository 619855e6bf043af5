// useChatStream: lesson 04's streamChat (fetch + the shared event-stream
// parser) inside a React hook, with the four things a component adds:
// abort when it unmounts, a guard against a stale answer when a new one
// starts, text read from a frame-batched store (one render per frame), and
// state that outlives StrictMode's mount–unmount–mount in development.
import { ChatError, streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type Message, message, requestFor } from "../stream/conversation.ts";
import { createFrameBatchedText } from "../stream/frame-batched-text.ts";
import { count } from "../stream/page-metrics.ts";

export function useChatStream(initial: Message[] = []) {
  const [messages, setMessages] = useState(initial);
  const [live] = useState(createFrameBatchedText); // one store per component, kept across renders
  const liveText = useSyncExternalStore(live.subscribe, live.getSnapshot);
  const controller = useRef<AbortController | null>(null);
  const current = useRef(0); // which answer is the latest: older ones must not write

  // #region abort-on-unmount
  useEffect(() => () => controller.current?.abort(), []); // leaving stops the model
  // #endregion

  const answer = useCallback(
    async (history: Message[]) => {
      controller.current?.abort(); // a new answer replaces one in progress
      const mine = new AbortController();
      controller.current = mine;
      const run = ++current.current;
      live.reset();
      setMessages([...history, message("assistant", "", "streaming")]);
      let status: Message["status"] = "done";
      let note: string | undefined;
      try {
        for await (const delta of streamChat(requestFor(history), mine.signal)) {
          if (run !== current.current) return; // stale: a newer answer owns the store
          count("tokens");
          live.append(delta);
        }
      } catch (error) {
        if (mine.signal.aborted) [status, note] = ["stopped", "Stopped: the partial answer is kept."];
        else [status, note] = ["failed", error instanceof ChatError ? error.message : String(error)];
      }
      if (run !== current.current) return;
      const content = live.getSnapshot();
      setMessages((list) => [...list.slice(0, -1), { ...message("assistant", content, status), note }]);
    },
    [live],
  );

  const send = useCallback(
    (text: string) => void answer([...messages, message("user", text)]),
    [answer, messages],
  );
  const regenerate = useCallback(() => {
    const lastUser = messages.findLastIndex((m) => m.role === "user");
    if (lastUser >= 0) void answer(messages.slice(0, lastUser + 1));
  }, [answer, messages]);
  const stop = useCallback(() => controller.current?.abort(), []);
  const streaming = messages.at(-1)?.status === "streaming";

  return { messages, setMessages, liveText, streaming, send, stop, regenerate };
}
