// Four things a real network does to a chat stream, and which reader survives
// them. Every reader gets the same bytes, cut into chunks the same way.
import { describe, expect, it } from "vitest";
import { readCarefully } from "../src/client/careful-reader.ts";
import { streamChat } from "../src/client/chat-stream.ts";
import {
  decoderPerChunk,
  type NaiveResult,
  replacePrefix,
  splitEachChunk,
} from "../src/client/naive-parsers.ts";

const encoder = new TextEncoder();
const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}`;
const wire = (eol: string) =>
  [chunk("你好"), chunk("，世界"), "data: [DONE]"].map((e) => e + eol + eol).join("");
const EXPECTED = "你好，世界";

/** One chunk per event, as on a quiet localhost; `cut` splits one event in two at a byte offset. */
function chunked(text: string, cut?: { event: number; at: (eventText: string) => number }): Uint8Array[] {
  const events = text.split(/(?<=\r?\n\r?\n)/);
  return events.flatMap((event, i) => {
    const bytes = encoder.encode(event);
    if (cut?.event !== i) return [bytes];
    const at = cut.at(event);
    return [bytes.slice(0, at), bytes.slice(at)];
  });
}
const byteOffset = (text: string, search: string) =>
  encoder.encode(text.slice(0, text.indexOf(search))).length;

const lf = wire("\n");
const scenarios: Record<string, Uint8Array[]> = {
  "JSON split across chunks": chunked(lf, { event: 0, at: (e) => byteOffset(e, '"delta"') + 3 }),
  "a Chinese character split across chunks": chunked(lf, { event: 0, at: (e) => byteOffset(e, "你") + 1 }),
  "two events in one chunk": [
    encoder.encode(`${chunk("你好")}\n\n${chunk("，世界")}\n\n`),
    encoder.encode("data: [DONE]\n\n"),
  ],
  "CRLF line endings": chunked(wire("\r\n")),
};

/** Our reader, the one the page uses: streamChat over a fetch() whose body yields these chunks. */
async function ours(chunks: Uint8Array[]): Promise<NaiveResult> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  const realFetch = globalThis.fetch;
  globalThis.fetch = async () => new Response(body, { headers: { "Content-Type": "text/event-stream" } });
  try {
    let text = "";
    for await (const piece of streamChat(
      { messages: [{ role: "user", content: "hi" }] },
      new AbortController().signal,
    )) {
      text += piece;
    }
    return { text, sawDone: true }; // streamChat throws if [DONE] never came
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** ✓: the whole text and [DONE]. ✗: text lost or garbled, the end never seen, or a crash. */
async function outcome(
  read: (chunks: Uint8Array[]) => NaiveResult | Promise<NaiveResult>,
  chunks: Uint8Array[],
) {
  try {
    const result = await read(chunks);
    return result.text === EXPECTED && result.sawDone ? "✓" : "✗";
  } catch {
    return "✗";
  }
}

describe("reading a chat stream the tutorial ways, and ours", () => {
  const expectedTable = {
    "JSON split across chunks": {
      splitEachChunk: "✗",
      decoderPerChunk: "✓",
      replacePrefix: "✗",
      byHand: "✓",
      ours: "✓",
    },
    "a Chinese character split across chunks": {
      splitEachChunk: "✗",
      decoderPerChunk: "✗",
      replacePrefix: "✗",
      byHand: "✓",
      ours: "✓",
    },
    "two events in one chunk": {
      splitEachChunk: "✓",
      decoderPerChunk: "✓",
      replacePrefix: "✗",
      byHand: "✓",
      ours: "✓",
    },
    "CRLF line endings": {
      splitEachChunk: "✗",
      decoderPerChunk: "✗",
      replacePrefix: "✓",
      byHand: "✓",
      ours: "✓",
    },
  };

  for (const [scenario, chunks] of Object.entries(scenarios)) {
    it(`${scenario}: every naive reader that fails it, fails; the careful one by hand and ours get the exact text`, async () => {
      const row = {
        splitEachChunk: await outcome(splitEachChunk, chunks),
        decoderPerChunk: await outcome(decoderPerChunk, chunks),
        replacePrefix: await outcome(replacePrefix, chunks),
        byHand: await outcome(readCarefully, chunks),
        ours: await outcome(ours, chunks),
      };
      expect(row).toEqual(expectedTable[scenario as keyof typeof expectedTable]);
    });
  }

  it("each naive reader breaks on at least one of them", () => {
    for (const reader of ["splitEachChunk", "decoderPerChunk", "replacePrefix"] as const) {
      expect(Object.values(expectedTable).some((row) => row[reader] === "✗")).toBe(true);
    }
  });

  it("a split character read with a fresh decoder shows up as U+FFFD (�)", () => {
    expect(decoderPerChunk(scenarios["a Chinese character split across chunks"] ?? []).text).toContain(
      "\uFFFD",
    );
  });
});
