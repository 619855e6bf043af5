import { createParser } from "eventsource-parser";
import { describe, expect, it } from "vitest";
import { encodeComment, encodeEvent, encodeRetry, type SseMessage } from "../src/index.ts";
import { parseAll } from "./parse-all.ts";

describe("encodeEvent writes the event-stream format", () => {
  it("writes id, event and data fields and ends with a blank line", () => {
    expect(encodeEvent({ id: "7", event: "token", data: '{"text":"Hi"}' })).toBe(
      'id: 7\nevent: token\ndata: {"text":"Hi"}\n\n',
    );
  });

  it("splits multi-line data into several data: lines, whatever the line ending", () => {
    expect(encodeEvent({ data: "a\nb\r\nc\rd" })).toBe("data: a\ndata: b\ndata: c\ndata: d\n\n");
  });

  it("writes retry: 0, because zero is a delay and not a missing value", () => {
    expect(encodeEvent({ data: "x", retry: 0 })).toBe("retry: 0\ndata: x\n\n");
    expect(encodeRetry(0)).toBe("retry: 0\n\n");
  });

  it.each(["a\nb", "a\rb", "a\r\nb"])(
    "refuses an event name with a line break (%j): it would inject fields",
    (event) => {
      expect(() => encodeEvent({ data: "x", event })).toThrow(/must not contain CR or LF/);
    },
  );

  it.each(["1\n", "1\rdata: injected"])("refuses an id with a line break (%j)", (id) => {
    expect(() => encodeEvent({ data: "x", id })).toThrow(/must not contain CR or LF/);
  });

  it("refuses an id with U+0000, which every parser would ignore", () => {
    expect(() => encodeEvent({ data: "x", id: "a\u0000" })).toThrow(/U\+0000/);
  });

  it.each([-1, 1.5, Number.NaN])("refuses a retry that parsers would ignore (%s)", (retry) => {
    expect(() => encodeEvent({ data: "x", retry })).toThrow(RangeError);
  });

  it("writes comments line by line so a comment cannot smuggle in a field", () => {
    expect(encodeComment("heartbeat")).toBe(": heartbeat\n\n");
    expect(encodeComment("a\ndata: evil")).toBe(": a\n: data: evil\n\n");
    expect(parseAll([encodeComment("a\ndata: evil")]).events).toEqual([]);
  });
});

describe("what encodeEvent writes, parsers read back exactly", () => {
  const messages: SseMessage[] = [
    { data: "plain" },
    { data: "" },
    { data: "\n" },
    { data: "  leading spaces and trailing  " },
    { data: "line one\nline two\r\n\r\nafter blanks" },
    { data: "data: looks like a field\n: looks like a comment" },
    { data: "中文 and emoji 🌏, U+2028 \u2028 stays" },
    { data: JSON.stringify({ text: "a: b\nc" }), event: "token", id: "12" },
    { data: "x", event: "", id: "" },
  ];
  const normalized = (data: string) => data.replace(/\r\n|\r/g, "\n");

  it.each(messages)("our parser reads back %j", (message) => {
    const [event] = parseAll([encodeEvent(message)]).events;
    expect(event).toEqual({
      type: message.event || "message",
      data: normalized(message.data),
      lastEventId: message.id ?? "",
    });
  });

  it.each(messages)("eventsource-parser (an independent implementation) reads back %j", (message) => {
    const seen: { event?: string; data: string; id?: string }[] = [];
    createParser({ onEvent: (event) => seen.push(event) }).feed(encodeEvent(message));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.data).toBe(normalized(message.data));
    expect(seen[0]?.event ?? "").toBe(message.event ?? "");
    expect(seen[0]?.id ?? "").toBe(message.id ?? "");
  });
});
