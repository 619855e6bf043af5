// maxBufferSize: a stream that never ends its line must not grow memory
// without limit (issue 11: one endless `data:` line took a BFF to 2.9 GB).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { createSseParser, readSseEvents, SseBufferOverflowError, type SseEvent } from "../src/index.ts";
import { byteByByte, everyByteSplit } from "./parse-all.ts";
import { parserVectors } from "./parser-vectors.ts";

function parseBounded(pieces: Iterable<string | Uint8Array>, maxBufferSize: number) {
  const events: SseEvent[] = [];
  const overflows: string[] = [];
  const parser = createSseParser({
    maxBufferSize,
    onEvent: (event) => events.push(event),
    onError: (ignored) => {
      if (ignored.reason === "buffer-overflow") overflows.push(ignored.line);
    },
  });
  for (const piece of pieces) parser.feed(piece);
  return { events, overflows: overflows.length };
}

const ok = (lastEventId = ""): SseEvent => ({ type: "message", data: "ok", lastEventId });

const overflowVectors = [
  {
    rule: "a line longer than the bound is dropped, and the stream goes on at the next line",
    max: 10,
    input: "data: 0123456789abc\n\ndata: ok\n\n",
    events: [ok()],
  },
  {
    rule: "an event whose data lines add up past the bound is dropped whole",
    max: 10,
    input: "data: abcd\ndata: efgh\ndata: ijkl\n\ndata: ok\n\n",
    events: [ok()],
  },
  {
    rule: "a dropped event takes its id and type with it",
    max: 12,
    input: "id: 5\nevent: x\ndata: 0123456789abcdef\n\ndata: ok\n\n",
    events: [ok()],
  },
  {
    rule: "an overflowing line ended by CRLF resumes cleanly after it",
    max: 8,
    input: "data: 0123456789\r\n\r\ndata: ok\r\n\r\n",
    events: [ok()],
  },
];

describe("createSseParser with maxBufferSize", () => {
  for (const vector of overflowVectors) {
    it(`${vector.rule}, however the stream is cut`, () => {
      const expected = { events: vector.events, overflows: 1 };
      expect(parseBounded([vector.input], vector.max)).toEqual(expected);
      expect(parseBounded(byteByByte(vector.input), vector.max)).toEqual(expected);
      for (const [at, pieces] of everyByteSplit(vector.input)) {
        expect(parseBounded(pieces, vector.max), `cut at byte ${at}`).toEqual(expected);
      }
    });
  }

  it("changes nothing for streams within the bound", () => {
    for (const vector of parserVectors) {
      expect(parseBounded([vector.input], 1000).events, vector.rule).toEqual(vector.events);
    }
  });

  it("keeps memory flat while 100 MiB arrive without a line ending under a 1 MiB bound", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const chunk = new Uint8Array(1 << 20).fill(0x78); // 1 MiB of "x", decoded anew each feed
    let overflows = 0;
    const events: string[] = [];
    const parser = createSseParser({
      maxBufferSize: 1 << 20,
      onEvent: (event) => events.push(event.data),
      onError: () => overflows++,
    });
    parser.feed("data: ");
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) parser.feed(chunk);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Unbounded, the parser would hold all 100 MiB here.
    expect(grown).toBeLessThan(8 << 20);
    expect(overflows).toBe(1); // one endless line, reported once
    parser.feed("\n\ndata: ok\n\n"); // the endless line ends, then its event
    expect(events).toEqual(["ok"]); // and the stream goes on
  });
});

describe("readSseEvents with maxBufferSize", () => {
  it("throws SseBufferOverflowError and cancels the body when a line exceeds the bound", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(1024))); // endless, never a line ending
      },
      cancel() {
        cancelled = true;
      },
    });
    const read = async () => {
      for await (const _ of readSseEvents(body, { maxBufferSize: 64 * 1024 })) {
        /* never reached */
      }
    };
    await expect(read()).rejects.toBeInstanceOf(SseBufferOverflowError);
    expect(cancelled).toBe(true);
  });
});
