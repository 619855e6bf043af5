// The client side of the event-stream format, written by hand because it is
// what the workshop teaches. Every rule below is a sentence of WHATWG HTML
// §9.2.6 "Interpreting an event stream"; the tests hold one vector per rule.
import type { SseEvent } from "./sse-event.ts";

/** A line the spec tells parsers to ignore. Reported, never thrown: the stream goes on. */
export interface SseIgnoredLine {
  reason: "invalid-retry" | "unknown-field" | "id-contains-null" | "buffer-overflow";
  /** The offending line; for "buffer-overflow", its first 64 characters. */
  line: string;
}

export interface SseParserCallbacks {
  onEvent: (event: SseEvent) => void;
  /** A valid `retry:` field: the new reconnection delay in ms. */
  onRetry?: (milliseconds: number) => void;
  /** A comment line (`:text`), e.g. a heartbeat; the text after the colon. */
  onComment?: (text: string) => void;
  /** A line the spec says to ignore, or one dropped for exceeding maxBufferSize. */
  onError?: (ignored: SseIgnoredLine) => void;
  /**
   * Most characters held at once for the unfinished line plus the event's data
   * (unbounded when omitted, like a browser). A stream that exceeds it, e.g. one
   * endless `data:` line, is reported as "buffer-overflow": the line and its
   * event are dropped (the rest of that event too, up to its blank line, so
   * no truncated event is ever dispatched), and parsing goes on after it.
   */
  maxBufferSize?: number;
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

export function createSseParser(callbacks: SseParserCallbacks): SseParser {
  const { onEvent, onRetry, onComment, onError, maxBufferSize = Number.POSITIVE_INFINITY } = callbacks;

  // Bytes are decoded in streaming mode, so a character whose bytes are split
  // across two chunks arrives whole. ignoreBOM keeps the BOM so the one rule
  // below strips it for text and bytes alike. Made at the first bytes: a caller
  // that feeds text runs where there is no TextDecoder (a WeChat mini-program).
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let atStreamStart = true;
  // A CR that ended the previous chunk may be the first half of a CRLF.
  let skipLeadingLf = false;
  // The unfinished line. Only new text is ever scanned for line endings.
  // Appending with `+=` is linear overall, not quadratic: V8 (like the other
  // engines) builds `a + b` of long strings as a rope (ConsString) and flattens
  // it once, when the finished line is sliced. The test that feeds a 1 MiB
  // line byte by byte guards this; maxBufferSize bounds how long it can get.
  let pendingLine = "";
  // After a buffer overflow: ignore everything up to the next line ending,
  // then the rest of the event, up to the blank line that ends it.
  let discardingLine = false;
  let discardingEvent = false;

  // The three buffers of the spec; lastEventId outlives each dispatch. The
  // spec appends value + LF per data line and strips one LF at dispatch; keeping
  // the lines joined by LF plus a count is the same buffer without the copy.
  let data = "";
  let dataLines = 0;
  let eventType = "";
  let idBuffer = "";
  let lastEventId = "";

  /** Drops the unfinished line and event: what a buffer overflow costs. */
  function overflow(head: string): void {
    onError?.({ reason: "buffer-overflow", line: head.slice(0, 64) });
    pendingLine = "";
    data = "";
    dataLines = 0;
    eventType = "";
    idBuffer = lastEventId;
    discardingEvent = true;
  }

  function feed(chunk: string | Uint8Array): void {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      decoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
      text = decoder.decode(chunk, { stream: true });
    }
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
      const piece = text.slice(start, end);
      const line = pendingLine === "" ? piece : pendingLine + piece;
      pendingLine = "";

      start = end + 1;
      if (end === nextCr) {
        if (start === text.length) skipLeadingLf = true;
        else if (text.charCodeAt(start) === 10) start++; // CRLF is one line ending
      }
      if (discardingLine)
        discardingLine = false; // the overflowed line ends here
      else if (line.length + data.length > maxBufferSize) overflow(line);
      else processLine(line);

      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf(LF, start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf(CR, start);
    }
    if (start < text.length && !discardingLine) {
      pendingLine += text.slice(start);
      // Bounded: a line that never ends must not grow memory without limit.
      if (pendingLine.length + data.length > maxBufferSize) {
        overflow(pendingLine);
        discardingLine = true;
      }
    }
  }

  function processLine(line: string): void {
    if (discardingEvent) {
      if (line === "") discardingEvent = false; // the dropped event ends here; nothing to dispatch
      return;
    }
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
    decoder = undefined;
    atStreamStart = true;
    skipLeadingLf = false;
    discardingLine = false;
    discardingEvent = false;
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
