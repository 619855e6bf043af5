// The client side of the event-stream format, written by hand because it is
// what the workshop teaches. Every rule below is a sentence of WHATWG HTML
// §9.2.6 "Interpreting an event stream"; the tests hold one vector per rule.
import type { SseEvent } from "./sse-event.ts";

/** A line the spec tells parsers to ignore. Reported, never thrown: the stream goes on. */
export interface SseIgnoredLine {
  reason: "invalid-retry" | "unknown-field" | "id-contains-null";
  line: string;
}

export interface SseParserCallbacks {
  onEvent: (event: SseEvent) => void;
  /** A valid `retry:` field: the new reconnection delay in ms. */
  onRetry?: (milliseconds: number) => void;
  /** A comment line (`:text`), e.g. a heartbeat; the text after the colon. */
  onComment?: (text: string) => void;
  /** A line the spec says to ignore; informational only. */
  onError?: (ignored: SseIgnoredLine) => void;
}

export interface SseParser {
  /** Feed the next piece of the stream: text, or raw bytes decoded as UTF-8. */
  feed(chunk: string | Uint8Array): void;
  /**
   * Start a new stream (after a reconnect): drops the unfinished event and line.
   * The last event ID is kept, as a browser keeps it to send as Last-Event-ID.
   */
  reset(): void;
  /** The ID of the last dispatched event block, as `Last-Event-ID` would carry it. */
  readonly lastEventId: string;
}

const LF = "\n";
const CR = "\r";
const BOM = "\uFEFF";

// #region parser
export function createSseParser(callbacks: SseParserCallbacks): SseParser {
  const { onEvent, onRetry, onComment, onError } = callbacks;

  // Bytes are decoded in streaming mode, so a character whose bytes are split
  // across two chunks arrives whole. ignoreBOM keeps the BOM so the one rule
  // below strips it for text and bytes alike.
  let decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let atStreamStart = true;
  // A CR that ended the previous chunk may be the first half of a CRLF.
  let skipLeadingLf = false;
  // The unfinished line. Only new text is ever scanned for line endings, and
  // `+=` on a string is a constant-time rope append in JS engines, so a 1 MiB
  // line fed byte by byte costs linear time, not quadratic.
  let pendingLine = "";

  // The three buffers of the spec; lastEventId outlives each dispatch. The
  // spec appends value + LF per data line and strips one LF at dispatch; keeping
  // the lines joined by LF plus a count is the same buffer without the copy.
  let data = "";
  let dataLines = 0;
  let eventType = "";
  let idBuffer = "";
  let lastEventId = "";

  function feed(chunk: string | Uint8Array): void {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text === "") return;
    if (atStreamStart) {
      atStreamStart = false;
      if (text.startsWith(BOM)) text = text.slice(1); // exactly one BOM
    }
    if (skipLeadingLf && text.startsWith(LF)) text = text.slice(1);
    skipLeadingLf = false;

    let start = 0;
    let nextLf = text.indexOf(LF);
    let nextCr = text.indexOf(CR);
    while (nextLf !== -1 || nextCr !== -1) {
      const end = nextCr === -1 || (nextLf !== -1 && nextLf < nextCr) ? nextLf : nextCr;
      const line = pendingLine === "" ? text.slice(start, end) : pendingLine + text.slice(start, end);
      pendingLine = "";

      start = end + 1;
      if (end === nextCr) {
        if (start === text.length) skipLeadingLf = true;
        else if (text.charCodeAt(start) === 10) start++; // CRLF is one line ending
      }
      processLine(line);

      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf(LF, start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf(CR, start);
    }
    if (start < text.length) pendingLine += text.slice(start);
  }

  function processLine(line: string): void {
    if (line === "") {
      dispatch(); // a blank line ends the event
      return;
    }
    const colon = line.indexOf(":");
    if (colon === 0) {
      onComment?.(line.slice(line.charCodeAt(1) === 32 ? 2 : 1));
      return;
    }
    // No colon: the whole line is the field name and the value is empty.
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1); // one space, not a tab

    switch (name) {
      case "data":
        data = dataLines++ === 0 ? value : `${data}${LF}${value}`;
        break;
      case "event":
        eventType = value;
        break;
      case "id":
        if (value.includes("\0")) onError?.({ reason: "id-contains-null", line });
        else idBuffer = value;
        break;
      case "retry":
        if (/^[0-9]+$/.test(value)) onRetry?.(Number.parseInt(value, 10));
        else onError?.({ reason: "invalid-retry", line });
        break;
      default:
        onError?.({ reason: "unknown-field", line });
    }
  }

  function dispatch(): void {
    lastEventId = idBuffer;
    if (dataLines === 0) {
      eventType = "";
      return; // an empty data buffer dispatches nothing
    }
    const event: SseEvent = { type: eventType === "" ? "message" : eventType, data, lastEventId };
    data = "";
    dataLines = 0;
    eventType = "";
    onEvent(event);
  }

  function reset(): void {
    decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    atStreamStart = true;
    skipLeadingLf = false;
    pendingLine = "";
    data = "";
    dataLines = 0;
    eventType = "";
    idBuffer = lastEventId;
  }

  return {
    feed,
    reset,
    get lastEventId() {
      return lastEventId;
    },
  };
}
// #endregion
