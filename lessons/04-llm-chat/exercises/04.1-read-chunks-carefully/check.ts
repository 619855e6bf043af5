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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a JSON object cut between two chunks is read whole": "被切在两个分块之间的 JSON 对象能被完整读出",
  "a Chinese character cut between two chunks comes out whole, not as �":
    "被切在两个分块之间的汉字完整地出来，而不是 �",
  "CRLF and lone CR line endings work like LF": "CRLF 和单独的 CR 行尾跟 LF 一样能用",
  "[DONE] ends the reading: nothing after it is read": "[DONE] 结束读取：它之后的内容一概不读",
  "the stream cut at every possible byte gives the exact text":
    "流在每一个可能的字节处切开，读出的文本都一字不差",
  "a broken JSON line throws instead of being silently dropped": "JSON 损坏的行会抛错，而不是被悄悄丢掉",
  "a real /api/chat reply, read one byte at a time, is exact":
    "真实的 /api/chat 回复一次读一个字节，也一字不差",
};

export default defineChecks({
  "a JSON object cut between two chunks is read whole": async (code) => {
    const readCarefully = await reader(code);
    const at = encoder.encode(WIRE.slice(0, WIRE.indexOf('"delta"') + 3)).length;
    const { text } = read(readCarefully, cutAt(WIRE, at));
    must(text === TEXT, {
      en: `with a chunk boundary inside the JSON, the text read was "${text}": keep the unfinished line`,
      zh: `分块边界落在 JSON 中间时，读出的文本是 "${text}"：把没读完的行留下来`,
    });
  },

  "a Chinese character cut between two chunks comes out whole, not as �": async (code) => {
    const readCarefully = await reader(code);
    const at = encoder.encode(WIRE.slice(0, WIRE.indexOf("你"))).length + 1; // after 你's first byte
    const { text } = read(readCarefully, cutAt(WIRE, at));
    must(text === TEXT, {
      en: `with 你 cut in two, the text read was "${text}": one decoder, { stream: true }`,
      zh: `“你”被切成两半时，读出的文本是 "${text}"：只用一个解码器，并传 { stream: true }`,
    });
  },

  "CRLF and lone CR line endings work like LF": async (code) => {
    const readCarefully = await reader(code);
    for (const [name, eol] of [
      ["CRLF", "\r\n"],
      ["CR", "\r"],
    ]) {
      const wire = `${event("你好", eol)}${event("，世界", eol)}data: [DONE]${eol}${eol}`;
      const result = read(readCarefully, [encoder.encode(wire)]);
      must(result.text === TEXT && result.sawDone, {
        en: `with ${name} line endings the reader got "${result.text}"${result.sawDone ? "" : " and never saw [DONE]"}`,
        zh: `行尾是 ${name} 时，读取器读到的是 "${result.text}"${result.sawDone ? "" : "，而且一直没见到 [DONE]"}`,
      });
    }
  },

  "[DONE] ends the reading: nothing after it is read": async (code) => {
    const readCarefully = await reader(code);
    const result = read(readCarefully, [encoder.encode(`${WIRE}${event("not mine")}`)]);
    must(result.sawDone, { en: "[DONE] was never seen", zh: "一直没见到 [DONE]" });
    must(result.text === TEXT, {
      en: `text after [DONE] was read: "${result.text}"`,
      zh: `[DONE] 之后的文本也被读了："${result.text}"`,
    });
  },

  "the stream cut at every possible byte gives the exact text": async (code) => {
    const readCarefully = await reader(code);
    const length = encoder.encode(WIRE).length;
    for (let at = 1; at < length; at++) {
      const result = read(readCarefully, cutAt(WIRE, at));
      must(result.text === TEXT && result.sawDone, {
        en: `cut at byte ${at} of ${length}, the reader got "${result.text}"`,
        zh: `在 ${length} 个字节中的第 ${at} 个字节处切开时，读取器读到的是 "${result.text}"`,
      });
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
    must(threw, {
      en: "a line with broken JSON was skipped in silence: let JSON.parse throw",
      zh: "JSON 损坏的一行被悄悄跳过了：让 JSON.parse 抛出错误",
    });
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
      must(result.text === expected, {
        en: `one byte at a time, the reader got "${result.text.slice(0, 40)}…"`,
        zh: `一次一个字节地读，读取器读到的是 "${result.text.slice(0, 40)}…"`,
      });
      must(result.sawDone, {
        en: "one byte at a time, the reader never saw [DONE]",
        zh: "一次一个字节地读，读取器一直没见到 [DONE]",
      });
    }),
});
