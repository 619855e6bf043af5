// Differential test: random streams through our parser and through
// eventsource-parser, an independent implementation, must dispatch the same
// events. Two documented differences are accounted for, not copied:
//  - eventsource-parser reports the id of each block (undefined when the block
//    had none); the spec's lastEventId persists across blocks. We compare ids
//    only where the block carried one.
//  - eventsource-parser holds a chunk-final CR until the next character (it
//    could be half of a CRLF); we dispatch at the CR and skip a following LF.
//    Both agree mid-stream; the streams end in "\n\n" so the end agrees too.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAll } from "./parse-all.ts";

const lineEnding = fc.constantFrom("\n", "\r\n", "\r");
const valueText = fc.string({
  unit: fc.constantFrom("a", "Z", " ", "\t", ":", "é", "中", "🌏", "\u2028", "{", '"', "0", "9"),
  maxLength: 12,
});
const fieldName = fc.constantFrom("data", "data", "data", "event", "id", "retry", "", "foo", "dat");
const line = fc.oneof(
  fc
    .tuple(fieldName, fc.constantFrom(":", ": ", ""), valueText)
    .map(([name, sep, value]) => (sep === "" ? name : `${name}${sep}${value}`)),
  fc.nat({ max: 99999 }).map((n) => `retry: ${n}`),
  valueText.map((text) => `:${text}`), // comment
  fc.constant(""), // blank line: dispatch
);
const stream = fc
  .array(fc.tuple(line, lineEnding), { maxLength: 40 })
  .map((lines) => `${lines.map(([text, end]) => text + end).join("")}\n\n`);

/** Cuts text into pieces at the given (sorted, deduplicated) character offsets. */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const at of points) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
}

function parseWithEventsourceParser(pieces: string[]) {
  const events: EventSourceMessage[] = [];
  const retries: number[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) });
  for (const piece of pieces) parser.feed(piece);
  return { events, retries };
}

describe("createSseParser agrees with eventsource-parser", () => {
  it("on random streams cut into random chunks", () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 8 }), (text, offsets) => {
        const pieces = cut(text, offsets);
        const ours = parseAll(pieces);
        const theirs = parseWithEventsourceParser(pieces);

        expect(ours.events.map((e) => ({ type: e.type, data: e.data }))).toEqual(
          theirs.events.map((e) => ({ type: e.event ?? "message", data: e.data })),
        );
        theirs.events.forEach((event, i) => {
          if (event.id !== undefined) expect(ours.events[i]?.lastEventId).toBe(event.id);
        });
        expect(ours.retries).toEqual(theirs.retries);
      }),
      { numRuns: 2000, seed: 20261121 },
    );
  });
});
