// The AI SDK's own client against lesson 10's server, unchanged: DefaultChatTransport
// posts to /api/chat, and `resume: true` reconnects to GET /api/chat/:id/stream on load.
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { type FormEvent, useState } from "react";

const transport = new DefaultChatTransport({ api: "/api/chat" });

/** How an answer ended, from the metadata the server sends (and keeps): "complete" until it says otherwise. */
const endOf = (message: UIMessage) =>
  message.role === "assistant"
    ? ((message.metadata as { status?: string } | undefined)?.status ?? "complete")
    : "";

export function App({ chatId, initial }: { chatId: string; initial: UIMessage[] }) {
  // #region use-chat-resume
  const { messages, sendMessage, status, error } = useChat({
    id: chatId,
    messages: initial,
    resume: true,
    transport,
  });
  // #endregion
  const [input, setInput] = useState("Why do LLM products stream their answers?");
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
      <h1>Lesson 10 · The same chat with useChat</h1>
      <p className="lede">
        <code>@ai-sdk/react</code>'s <code>useChat</code> with <code>resume: true</code>: reload mid-answer
        and it reconnects. <a href={`/?chat=${chatId}`}>The hand-written page, same chat</a>.
      </p>
      <form className="ask" onSubmit={send}>
        <input type="text" aria-label="Message" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit" disabled={busy}>
          Send
        </button>
        {busy && (
          <button type="button" onClick={stopEverywhere}>
            Stop
          </button>
        )}
      </form>
      <p className="status" role="status">
        {error ? `error: ${error.message}` : status}
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
            {endOf(message) && endOf(message) !== "complete" && <footer>{endOf(message)}</footer>}
          </article>
        ))}
      </main>
    </>
  );
}
