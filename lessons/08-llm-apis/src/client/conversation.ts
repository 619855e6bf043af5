// What the page sends for the next answer. The server keeps no history, so the
// page sends the conversation, and it keeps to the server's LIMITS: the latest
// messages that fit, each cut to the longest the server takes, oldest dropped
// first, as a model's context window drops them. Sent whole, a long
// conversation would be refused (400, 413) at every question from then on.
import { type ChatRequest, LIMITS } from "../protocol.ts";

type Message = ChatRequest["messages"][number];

/** Room in the body for everything besides the messages (`{"provider":…,"messages":[…]}`). */
const ENVELOPE_BYTES = 256;

export function messagesToSend(history: readonly Message[]): Message[] {
  const encoder = new TextEncoder();
  const kept: Message[] = [];
  let bytes = ENVELOPE_BYTES;
  for (let i = history.length - 1; i >= 0 && kept.length < LIMITS.messages; i--) {
    const { role, content: whole } = history[i] as Message;
    const content = whole.slice(0, LIMITS.contentLength);
    if (content.trim() === "") continue; // nothing the model could use, and the server refuses it
    const size = encoder.encode(JSON.stringify({ role, content })).length + 1; // and a comma
    if (bytes + size > LIMITS.bodyBytes) break;
    bytes += size;
    kept.unshift({ role, content });
  }
  return kept;
}
