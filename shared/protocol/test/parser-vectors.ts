// One vector per rule of WHATWG HTML §9.2.6 "Interpreting an event stream".
// Each is run whole, byte by byte, and split in two at every position.
import type { SseEvent } from "../src/index.ts";

export interface ParserVector {
  rule: string;
  input: string;
  events: SseEvent[];
  retries?: number[];
  comments?: string[];
}

const message = (data: string, lastEventId = "", type = "message"): SseEvent => ({
  type,
  data,
  lastEventId,
});

export const parserVectors: ParserVector[] = [
  {
    rule: "a data line and a blank line dispatch one message",
    input: "data: hello\n\n",
    events: [message("hello")],
  },
  { rule: "several data lines join with LF", input: "data: a\ndata: b\n\n", events: [message("a\nb")] },
  { rule: "CRLF ends lines", input: "data: a\r\ndata: b\r\n\r\n", events: [message("a\nb")] },
  { rule: "a lone CR ends lines", input: "data: a\rdata: b\r\r", events: [message("a\nb")] },
  {
    rule: "the three line endings can be mixed",
    input: "data: a\rdata: b\r\ndata: c\n\r\n",
    events: [message("a\nb\nc")],
  },
  {
    rule: "CR followed by LF is one line ending, not two",
    input: "data: a\r\n\r\ndata: b\r\n\r\n",
    events: [message("a"), message("b")],
  },
  { rule: "one leading BOM is stripped", input: "\uFEFFdata: x\n\n", events: [message("x")] },
  {
    rule: "only one leading BOM is stripped",
    input: "\uFEFF\uFEFFdata: x\n\ndata: y\n\n",
    events: [message("y")],
  },
  {
    rule: "a BOM after the start is not stripped",
    input: "data: a\n\n\uFEFFdata: b\n\n",
    events: [message("a")],
  },
  {
    rule: "a line starting with a colon is a comment",
    input: ": keep-alive\ndata: x\n\n",
    events: [message("x")],
    comments: ["keep-alive"],
  },
  {
    rule: "a comment alone dispatches nothing",
    input: ":\n\n: ping\n\n",
    events: [],
    comments: ["", "ping"],
  },
  { rule: "the field name ends at the first colon", input: "data:a:b: c\n\n", events: [message("a:b: c")] },
  { rule: "one space after the colon is removed", input: "data: x\n\n", events: [message("x")] },
  { rule: "only one space after the colon is removed", input: "data:  two\n\n", events: [message(" two")] },
  { rule: "no space after the colon is fine", input: "data:x\n\n", events: [message("x")] },
  { rule: "a tab after the colon is kept", input: "data:\tx\n\n", events: [message("\tx")] },
  { rule: "a line without a colon is a field with an empty value", input: "data\n\n", events: [message("")] },
  { rule: "two empty data fields make one LF", input: "data\ndata\n\n", events: [message("\n")] },
  { rule: "an empty data: line dispatches an empty message", input: "data:\n\n", events: [message("")] },
  { rule: "dispatch removes exactly one trailing LF", input: "data: a\ndata:\n\n", events: [message("a\n")] },
  { rule: "event sets the type", input: "event: token\ndata: x\n\n", events: [message("x", "", "token")] },
  {
    rule: "the type resets after each dispatch",
    input: "event: a\ndata: 1\n\ndata: 2\n\n",
    events: [message("1", "", "a"), message("2")],
  },
  { rule: "an empty event field means message", input: "event:\ndata: x\n\n", events: [message("x")] },
  {
    rule: "a block with no data dispatches nothing and resets the type",
    input: "event: a\n\ndata: x\n\n",
    events: [message("x")],
  },
  {
    rule: "the last event ID persists across later events",
    input: "id: 1\ndata: a\n\ndata: b\n\n",
    events: [message("a", "1"), message("b", "1")],
  },
  {
    rule: "an empty id field resets the last event ID",
    input: "id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\ndata: c\n\nid:\ndata: d\n\n",
    events: [message("a", "1"), message("b"), message("c", "2"), message("d")],
  },
  {
    rule: "an id containing U+0000 is ignored",
    input: "id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n",
    events: [message("a", "1"), message("b", "1")],
  },
  {
    rule: "an id in a block without data still sets the last event ID",
    input: "id: 5\n\ndata: x\n\n",
    events: [message("x", "5")],
  },
  {
    rule: "retry with ASCII digits sets the reconnection time",
    input: "retry: 1500\n\n",
    events: [],
    retries: [1500],
  },
  { rule: "retry: 0 is a valid delay", input: "retry: 0\ndata: x\n\n", events: [message("x")], retries: [0] },
  {
    rule: "retry with anything but ASCII digits is ignored",
    input: "retry: 1.5\nretry: -1\nretry: 10ms\nretry:\nretry: ١٢\n\n",
    events: [],
    retries: [],
  },
  { rule: "unknown fields are ignored", input: "foo: bar\ndata: x\n\n", events: [message("x")] },
  { rule: "field names are case-sensitive", input: "Data: x\n\nDATA: y\n\n", events: [] },
  { rule: "a space before the colon is part of the field name", input: "data : x\n\n", events: [] },
  { rule: "blank lines with no fields dispatch nothing", input: "\n\n\r\n\r", events: [] },
  {
    rule: "an unterminated event at the end of the stream is never dispatched",
    input: "data: a\n\ndata: b\n",
    events: [message("a")],
  },
  {
    rule: "U+2028 and U+0085 inside data are not line breaks",
    input: "data: a\u2028b\u0085c\n\n",
    events: [message("a\u2028b\u0085c")],
  },
  {
    rule: "multi-byte UTF-8 arrives whole",
    input: "data: 你好，世界 🌏\n\n",
    events: [message("你好，世界 🌏")],
  },
  {
    rule: "JSON with colons and spaces is one value",
    input: 'data: {"text": "a: b"}\n\n',
    events: [message('{"text": "a: b"}')],
  },
  {
    rule: "a realistic token stream",
    input:
      'retry: 3000\n\nid: 0\nevent: token\ndata: {"text":"你"}\n\nid: 1\nevent: token\ndata: {"text":"好"}\n\n: hb\n\nevent: done\ndata: {}\n\n',
    events: [
      message('{"text":"你"}', "0", "token"),
      message('{"text":"好"}', "1", "token"),
      message("{}", "1", "done"),
    ],
    retries: [3000],
    comments: ["hb"],
  },
];
