// The chat: the list, and a composer with the accessible names a screen
// reader (and the tests) rely on: "Message", "Send", "Stop".
import { type FormEvent, useState } from "react";
import { demoConversation } from "../stream/conversation.ts";
import { say } from "../stream/page-text.ts";
import { sessionParts, trap } from "../stream/traps.ts";
import { MessageList } from "./MessageList.tsx";
import { useChatStreamWithoutAbort } from "./traps/use-chat-stream-without-abort.ts";
import { useChatStream } from "./use-chat-stream.ts";

// ?trap=no-abort: the hook without its cleanup; the session's own traps (per-token,
// tutorial-reader) are parts of the session, the same on the Vue page.
const useChat = trap === "no-abort" ? useChatStreamWithoutAbort : useChatStream;
const parts = trap ? sessionParts[trap] : undefined;

export function ChatPanel() {
  const chat = useChat(parts);
  const [draft, setDraft] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim() || chat.streaming) return;
    chat.send(draft);
    setDraft("");
  };
  return (
    <section className="chat" aria-label={say("chat")}>
      <MessageList messages={chat.messages} liveText={chat.liveText} />
      <form className="composer" onSubmit={submit}>
        <textarea
          aria-label={say("message")}
          rows={2}
          value={draft}
          placeholder={say("ask-something")}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) submit(event);
          }}
        />
        <button type="submit" disabled={chat.streaming}>
          {say("send")}
        </button>
        {chat.streaming && (
          <button type="button" className="secondary" onClick={chat.stop}>
            {say("stop")}
          </button>
        )}
        <button type="button" className="secondary" disabled={chat.streaming} onClick={chat.regenerate}>
          {say("regenerate")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={chat.streaming}
          onClick={() => chat.setMessages(demoConversation(5000))}
        >
          {say("load-messages")}
        </button>
      </form>
    </section>
  );
}
