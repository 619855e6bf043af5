// THE TRAP (README "one setState per token"): the right hook, except that the
// text is React state set on every token. Each token is a render of the whole
// list: with a fast model, hundreds of renders for a screen that refreshes 60
// times a second. Compare with ../use-chat-stream.ts (a frame-batched store).
import { streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { useCallback, useEffect, useRef, useState } from "react";
import { type Message, message, requestFor } from "../../stream/conversation.ts";
import { count } from "../../stream/page-metrics.ts";

export function usePerTokenChatStream() {
  const [messages, setMessages] = useState<Message[]>([]);
  const [liveText, setLiveText] = useState("");
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const send = useCallback(
    async (text: string) => {
      const history = [...messages, message("user", text)];
      setMessages([...history, message("assistant", "", "streaming")]);
      setLiveText("");
      const mine = new AbortController();
      controller.current = mine;
      let content = "";
      try {
        for await (const delta of streamChat(requestFor(history), mine.signal)) {
          count("tokens");
          content += delta;
          setLiveText(content); // 💣 a render per token
        }
      } catch {}
      setMessages((list) => [...list.slice(0, -1), message("assistant", content)]);
    },
    [messages],
  );
  return {
    messages,
    setMessages,
    liveText,
    streaming: messages.at(-1)?.status === "streaming",
    send,
    stop: () => controller.current?.abort(),
    regenerate: () => {},
  };
}
