// The fetch() stream with lesson 04's own client. It never re-sends a chat by
// itself (a second paid generation), so any drop ends the run.
import { streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import type { Start } from "../run-record.ts";

export const fetchStreamRun: Start = (record, { base, prompt }, arrive, finish) => {
  const controller = new AbortController();
  record.requests++;
  void (async () => {
    try {
      for await (const text of streamChat(
        { messages: [{ role: "user", content: prompt }] },
        controller.signal,
        base,
      )) {
        arrive({ text });
      }
      finish("complete");
    } catch {
      finish("gave up"); // a chat request is never re-sent by itself
    }
  })();
  return () => controller.abort();
};
