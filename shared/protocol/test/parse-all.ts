// Test helper: what a parser reports for a stream fed in the given pieces.
import { createSseParser, type SseEvent } from "../src/index.ts";

export interface ParseResult {
  events: SseEvent[];
  retries: number[];
  comments: string[];
}

export function parseAll(pieces: Iterable<string | Uint8Array>): ParseResult {
  const result: ParseResult = { events: [], retries: [], comments: [] };
  const parser = createSseParser({
    onEvent: (event) => result.events.push(event),
    onRetry: (ms) => result.retries.push(ms),
    onComment: (text) => result.comments.push(text),
  });
  for (const piece of pieces) parser.feed(piece);
  return result;
}

/** The stream as UTF-8 bytes, one byte per chunk. */
export function* byteByByte(text: string): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

/** Every way to cut the stream's bytes into two chunks. */
export function* everyByteSplit(text: string): Generator<[number, Uint8Array[]]> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at <= bytes.length; at++) yield [at, [bytes.subarray(0, at), bytes.subarray(at)]];
}
