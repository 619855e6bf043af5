import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Careful from "../../src/client/careful-reader.ts";
import { withServer } from "../with-server.ts";

const encoder = new TextEncoder();
const event = (content: string, eol = "\n") =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}${eol}${eol}`;
const WIRE = `${event("你好")}${event("，世界")}data: [DONE]\n\n`;
const TEXT = "你好，世界";

async function reader(code: LessonCode) {
  return (await code.load<typeof Careful>("src/client/careful-reader.ts")).readCarefully;
}

/** The wire cut at byte `at` into two chunks. */
function cutAt(wire: string, at: number): Uint8Array[] {
  const bytes = encoder.encode(wire);
  return [bytes.slice(0, at), bytes.slice(at)];
}

function read(readCarefully: Awaited<ReturnType<typeof reader>>, chunks: Uint8Array[]) {
  try {
    return readCarefully(chunks);
  } catch (error) {
    return { text: `(threw ${(error as Error).message})`, sawDone: false };
  }
}

export default defineChecks({
  "a JSON object cut between two chunks is read whole": async (code) => {
    const readCarefully = await reader(code);
    const at = encoder.encode(WIRE.slice(0, WIRE.indexOf('"delta"') + 3)).length;
    const { text } = read(readCarefully, cutAt(WIRE, at));
    must(
      text === TEXT,
      `with a chunk boundary inside the JSON, the text read was "${text}": keep the unfinished line`,
    );
  },

  "a Chinese character cut between two chunks comes out whole, not as �": async (code) => {
    const readCarefully = await reader(code);
    const at = encoder.encode(WIRE.slice(0, WIRE.indexOf("你"))).length + 1; // after 你's first byte
    const { text } = read(readCarefully, cutAt(WIRE, at));
    must(text === TEXT, `with 你 cut in two, the text read was "${text}": one decoder, { stream: true }`);
  },

  "CRLF and lone CR line endings work like LF": async (code) => {
    const readCarefully = await reader(code);
    for (const [name, eol] of [
      ["CRLF", "\r\n"],
      ["CR", "\r"],
    ]) {
      const wire = `${event("你好", eol)}${event("，世界", eol)}data: [DONE]${eol}${eol}`;
      const result = read(readCarefully, [encoder.encode(wire)]);
      must(
        result.text === TEXT && result.sawDone,
        `with ${name} line endings the reader got "${result.text}"${result.sawDone ? "" : " and never saw [DONE]"}`,
      );
    }
  },

  "[DONE] ends the reading: nothing after it is read": async (code) => {
    const readCarefully = await reader(code);
    const result = read(readCarefully, [encoder.encode(`${WIRE}${event("not mine")}`)]);
    must(result.sawDone, "[DONE] was never seen");
    must(result.text === TEXT, `text after [DONE] was read: "${result.text}"`);
  },

  "the stream cut at every possible byte gives the exact text": async (code) => {
    const readCarefully = await reader(code);
    const length = encoder.encode(WIRE).length;
    for (let at = 1; at < length; at++) {
      const result = read(readCarefully, cutAt(WIRE, at));
      must(
        result.text === TEXT && result.sawDone,
        `cut at byte ${at} of ${length}, the reader got "${result.text}"`,
      );
    }
  },

  "a broken JSON line throws instead of being silently dropped": async (code) => {
    const readCarefully = await reader(code);
    let threw = false;
    try {
      readCarefully([encoder.encode(`data: {"choices": [\n\ndata: [DONE]\n\n`)]);
    } catch {
      threw = true;
    }
    must(threw, "a line with broken JSON was skipped in silence: let JSON.parse throw");
  },

  "a real /api/chat reply, read one byte at a time, is exact": (code) =>
    withServer(code, {}, async ({ url, llm }) => {
      const readCarefully = await reader(code);
      const prompt = "为什么要流式输出？";
      const response = await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: prompt }] }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const oneByteChunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
      const result = read(readCarefully, oneByteChunks);
      const expected = llm.replyTokens(prompt).join("");
      must(result.text === expected, `one byte at a time, the reader got "${result.text.slice(0, 40)}…"`);
      must(result.sawDone, "one byte at a time, the reader never saw [DONE]");
    }),
});
