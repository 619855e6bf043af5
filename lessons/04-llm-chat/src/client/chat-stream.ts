// The page's side of the chat: POST the conversation with fetch(), then read
// the response body as a stream of events with the shared incremental parser
// (which decodes UTF-8 in streaming mode and buffers partial lines).
import { readSseEvents } from "@workshop/protocol";
import { type ChatCompletionChunk, type ChatRequest, DONE, type StreamError } from "../protocol.ts";

export class ChatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// #region stream-chat
/** Yields the answer's text pieces. Throws ChatError for HTTP and in-stream errors. */
export async function* streamChat(
  request: ChatRequest,
  signal: AbortSignal,
  base = "",
): AsyncGenerator<string> {
  // #region stream-chat-body
  const response = await fetch(`${base}/api/chat`, {
    method: "POST", // EventSource can't do this: a body, and headers if needed
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
    signal, // Stop: aborting closes the connection; the server aborts upstream
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => undefined)) as StreamError | undefined;
    throw new ChatError(
      body?.error.code ?? `http_${response.status}`,
      body?.error.message ?? response.statusText,
    );
  }
  for await (const event of readSseEvents(response.body)) {
    if (event.data === DONE) return; // the end: stop reading
    const payload = JSON.parse(event.data) as ChatCompletionChunk | StreamError;
    if ("error" in payload) throw new ChatError(payload.error.code, payload.error.message); // an error, not text
    const content = payload.choices[0]?.delta.content;
    if (content) yield content;
  }
  throw new ChatError("incomplete", "The answer was cut off before it finished.");
  // #endregion
}
// #endregion
