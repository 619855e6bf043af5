import { describe, expect, it } from "vitest";
import { createSseParser } from "../src/index.ts";
import { byteByByte, everyByteSplit, parseAll } from "./parse-all.ts";
import { parserVectors } from "./parser-vectors.ts";

describe("createSseParser follows the event-stream interpretation rules", () => {
  for (const vector of parserVectors) {
    const expected = {
      events: vector.events,
      retries: vector.retries ?? [],
      comments: vector.comments ?? [],
    };

    describe(vector.rule, () => {
      it("when the stream arrives whole", () => {
        expect(parseAll([vector.input])).toEqual(expected);
      });

      it("when the stream arrives one byte at a time", () => {
        expect(parseAll(byteByByte(vector.input))).toEqual(expected);
      });

      it("when the stream is cut in two at any byte", () => {
        for (const [at, pieces] of everyByteSplit(vector.input)) {
          expect(parseAll(pieces), `cut at byte ${at}`).toEqual(expected);
        }
      });

      it("when the stream is cut in two at any character", () => {
        for (let at = 0; at <= vector.input.length; at++) {
          const pieces = [vector.input.slice(0, at), vector.input.slice(at)];
          expect(parseAll(pieces), `cut at char ${at}`).toEqual(expected);
        }
      });
    });
  }
});

describe("createSseParser in use", () => {
  it("reports the lines the spec says to ignore, and keeps going", () => {
    const ignored: string[] = [];
    const events: string[] = [];
    const parser = createSseParser({
      onEvent: (event) => events.push(event.data),
      onError: (line) => ignored.push(line.reason),
    });
    parser.feed("retry: soon\nid: a\u0000b\ncolour: red\ndata: still here\n\n");
    expect(ignored).toEqual(["invalid-retry", "id-contains-null", "unknown-field"]);
    expect(events).toEqual(["still here"]);
  });

  it("exposes the last event ID a reconnect would send as Last-Event-ID", () => {
    const parser = createSseParser({ onEvent: () => {} });
    parser.feed("id: 41\ndata: a\n\nid: 42\n\n");
    expect(parser.lastEventId).toBe("42");
  });

  it("reset() drops a half-received event but keeps the last event ID", () => {
    const events: string[] = [];
    const parser = createSseParser({ onEvent: (event) => events.push(`${event.lastEventId}:${event.data}`) });
    parser.feed("id: 7\ndata: whole\n\nid: 8\ndata: cut off by a drop");
    parser.reset();
    parser.feed("data: after reconnect\n\n");
    expect(events).toEqual(["7:whole", "7:after reconnect"]);
  });

  it("reset() lets a new stream begin with its own BOM", () => {
    const events: string[] = [];
    const parser = createSseParser({ onEvent: (event) => events.push(event.data) });
    parser.feed("\uFEFFdata: one\n\n");
    parser.reset();
    parser.feed(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("data: two\n\n")]));
    expect(events).toEqual(["one", "two"]);
  });

  it("decodes every stream as UTF-8, so raw binary arrives mangled and must be encoded (e.g. base64)", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x80]);
    const raw = parseAll([new TextEncoder().encode("data: "), bytes, new TextEncoder().encode("\n\n")]);
    expect(raw.events[0]?.data).toBe("\uFFFD\uFFFD\u0000\uFFFD");
    const base64 = btoa(String.fromCharCode(...bytes));
    const encoded = parseAll([`data: ${base64}\n\n`]);
    expect(Uint8Array.from(atob(encoded.events[0]?.data ?? ""), (c) => c.charCodeAt(0))).toEqual(bytes);
  });

  it("reads a 1 MiB single-line event fed one byte at a time in linear time", () => {
    // A parser that re-scans or re-copies its buffer for every chunk does about
    // 5·10^11 character operations here and times out; a linear one takes well
    // under a second. (Speed itself is measured by `pnpm bench`, not here.)
    const payload = "x".repeat(1024 * 1024);
    const { events } = parseAll(byteByByte(`data: ${payload}\n\n`));
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(payload.length);
  });
});
