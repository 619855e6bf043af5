// The AI SDK's own client against lesson 10's server, unchanged: DefaultChatTransport
// posts to /api/chat, and `resume: true` reconnects to GET /api/chat/:id/stream on load.
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { createElement, type FormEvent, Fragment, useState } from "react";
import { sayAiSdk as say } from "../client/page-text.ts";

const transport = new DefaultChatTransport({ api: "/api/chat" });

/** How an answer ended, from the metadata the server sends (and keeps): "complete" until it says otherwise. */
const endOf = (message: UIMessage) =>
  message.role === "assistant"
    ? ((message.metadata as { status?: string } | undefined)?.status ?? "complete")
    : "";

/** An end the catalogue names, in the page's language; one it does not know, as the server sent it. */
const endWord = (end: string) =>
  end === "stopped" || end === "max_tokens" || end === "interrupted" || end === "failed" ? say(end) : end;

/** Catalogue text with `code` in it, as React elements (the same rule as page-kit's setRichText). */
const withCode = (text: string) =>
  createElement(
    Fragment,
    null, // the parts as children of their own, in a fixed order: no list, so no keys
    ...text
      .split(/(`[^`]+`)/)
      .map((part) =>
        part.startsWith("`") && part.length > 2 ? createElement("code", null, part.slice(1, -1)) : part,
      ),
  );

export function App({ chatId, initial }: { chatId: string; initial: UIMessage[] }) {
  // #region use-chat-resume
  const { messages, sendMessage, status, error } = useChat({
    id: chatId,
    messages: initial,
    resume: true,
    transport,
  });
  // #endregion
  const [input, setInput] = useState(() => say("question"));
  const busy = status === "submitted" || status === "streaming";

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!input.trim() || busy) return;
    void sendMessage({ text: input });
    setInput("");
  };

  // #region sdk-stop
  // useChat's stop() only aborts this tab's fetch: a disconnect, which this server does not
  // take for a cancel. Stop is asked of the server; every reader's stream then ends.
  const stopEverywhere = () => void fetch(`/api/chat/${chatId}/stop`, { method: "POST" });
  // #endregion

  return (
    <>
      <h1>{say("title")}</h1>
      <p className="lede">
        {withCode(say("lede"))} <a href={`/?chat=${chatId}`}>{say("hand-written")}</a>.
      </p>
      <form className="ask" onSubmit={send}>
        <input
          type="text"
          aria-label={say("message")}
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {say("send")}
        </button>
        {busy && (
          <button type="button" onClick={stopEverywhere}>
            {say("stop")}
          </button>
        )}
      </form>
      <p className="status" role="status">
        {error ? say("error", { why: error.message }) : say(status === "error" ? "errored" : status)}
      </p>
      <main className="messages" aria-live="polite">
        {messages.map((message) => (
          <article
            key={message.id}
            className={`message ${message.role} ${endOf(message)}`}
            data-id={message.id}
          >
            <p className="text">
              {message.parts.map((part) => (part.type === "text" ? part.text : "")).join("")}
            </p>
            {/* A stopped or cut answer says so, or it would look complete. */}
            {endOf(message) && endOf(message) !== "complete" && <footer>{endWord(endOf(message))}</footer>}
          </article>
        ))}
      </main>
    </>
  );
}
