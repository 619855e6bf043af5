// The server side of the event-stream format (WHATWG HTML §9.2.6,
// "Interpreting an event stream", read backwards): what to write so that every
// conforming parser dispatches exactly the event we meant.
import type { SseMessage } from "./sse-event.ts";

/** Any of the three line endings the format accepts: CRLF, LF or CR. */
const LINE_BREAK = /\r\n|\r|\n/;

// #region encode-event
/**
 * Turns one message into wire text ending with the blank line that dispatches it.
 *
 *   encodeEvent({ id: "7", event: "token", data: '{"text":"Hi"}' })
 *   // "id: 7\nevent: token\ndata: {\"text\":\"Hi\"}\n\n"
 */
export function encodeEvent(message: SseMessage): string {
  let out = "";
  if (message.id !== undefined) out += field("id", checkSingleLine("id", message.id));
  if (message.event !== undefined) out += field("event", checkSingleLine("event", message.event));
  // `!== undefined`, not truthiness: `retry: 0` is a real instruction.
  if (message.retry !== undefined) out += field("retry", String(checkRetry(message.retry)));
  // A line break inside data would end the field early, so each line gets its
  // own `data:` field; the parser joins them back with "\n".
  for (const line of message.data.split(LINE_BREAK)) out += field("data", line);
  return `${out}\n`;
}
// #endregion

/** A `retry:` line on its own: sets the client's reconnection delay, dispatches nothing. */
export function encodeRetry(milliseconds: number): string {
  return `${field("retry", String(checkRetry(milliseconds)))}\n`;
}

/**
 * A comment block (`: text`). Parsers ignore comments, which makes them the
 * standard heartbeat: bytes that keep proxies from timing out an idle stream.
 */
export function encodeComment(text = ""): string {
  return `${text
    .split(LINE_BREAK)
    .map((line) => (line === "" ? ":" : `: ${line}`))
    .join("\n")}\n\n`;
}

function field(name: string, value: string): string {
  // One space after the colon is what parsers strip, so a value that itself
  // starts with a space survives: "data:  x" arrives as " x".
  return value === "" ? `${name}:\n` : `${name}: ${value}\n`;
}

function checkSingleLine(name: "id" | "event", value: string): string {
  if (/[\r\n]/.test(value)) {
    throw new TypeError(`SSE ${name} must not contain CR or LF: ${JSON.stringify(value)}`);
  }
  // Parsers ignore an id containing U+0000 (the spec's rule), so writing one
  // would silently lose it.
  if (name === "id" && value.includes("\0")) {
    throw new TypeError(`SSE id must not contain U+0000: ${JSON.stringify(value)}`);
  }
  return value;
}

function checkRetry(milliseconds: number): number {
  // Parsers accept only ASCII digits, so a negative or fractional value would be ignored.
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
    throw new RangeError(`SSE retry must be a non-negative integer, got ${milliseconds}`);
  }
  return milliseconds;
}
