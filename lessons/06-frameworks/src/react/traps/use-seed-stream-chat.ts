// THE TRAP (README "the tutorial hook"): a chat hook the way many articles
// write it, kept to show what it breaks. Compare with ../use-chat-stream.ts.
//   - decode(value) without { stream: true }: a character cut by a chunk boundary becomes "�"
//   - split("\n") on each chunk, no buffer: a line cut in two is lost; "\r" stays on CRLF lines
//   - catch {} around JSON.parse: those losses happen in silence
//   - one setState per token, and no abort when the component unmounts
import { useCallback, useRef, useState } from "react";
import { type Message, message, requestFor } from "../../stream/conversation.ts";
import { count } from "../../stream/page-metrics.ts";

export function useSeedStreamChat() {
  const [messages, setMessages] = useState<Message[]>([]);
  const controller = useRef<AbortController | null>(null);
  const send = useCallback(
    async (text: string) => {
      const history = [...messages, message("user", text)];
      setMessages([...history, message("assistant", "", "streaming")]);
      controller.current = new AbortController();
      const append = (delta: string) =>
        setMessages((list) => {
          const last = list.at(-1) as Message;
          return [...list.slice(0, -1), { ...last, content: last.content + delta }];
        });
      try {
        const response = await fetch("/api/chat", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(requestFor(history)),
          signal: controller.current.signal,
        });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const line of new TextDecoder().decode(value).split("\n")) {
            if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
            try {
              const delta = JSON.parse(line.slice(6)).choices[0].delta.content ?? "";
              count("tokens");
              append(delta);
            } catch {}
          }
        }
      } catch {}
      setMessages((list) => [...list.slice(0, -1), { ...(list.at(-1) as Message), status: "done" }]);
    },
    [messages],
  );
  const last = messages.at(-1);
  return {
    messages,
    setMessages,
    liveText: last?.status === "streaming" ? last.content : "",
    streaming: last?.status === "streaming",
    send,
    stop: () => controller.current?.abort(),
    regenerate: () => {},
  };
}
