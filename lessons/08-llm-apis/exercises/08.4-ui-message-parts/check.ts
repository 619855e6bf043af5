import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { readUIMessageStream, type UIMessageChunk } from "ai";
import type * as Ui from "../../src/server/ui-message-stream.ts";

/** The writer's chunks for these events, read by the `ai` package as useChat would. */
async function read(code: LessonCode) {
  const { uiMessageWriter } = await code.load<typeof Ui>("src/server/ui-message-stream.ts");
  const chunks: Record<string, unknown>[] = [];
  const writer = uiMessageWriter((chunk) => chunks.push(chunk));
  writer.write({ type: "reasoning", delta: "Think" });
  writer.write({ type: "reasoning", delta: "ing." });
  writer.write({ type: "text", delta: "Hello" });
  writer.write({ type: "text", delta: ", class" });
  writer.write({ type: "finish", reason: "stop" });
  writer.close();
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as UIMessageChunk);
      controller.close();
    },
  });
  let parts: { type: string; text?: string }[] = [];
  let error = "";
  try {
    for await (const message of readUIMessageStream({ stream, onError: (e) => (error = String(e)) }))
      parts = message.parts as typeof parts;
  } catch (e) {
    error = String(e);
  }
  return { chunks, parts, error };
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "each part is started before its deltas and ended after them":
    "每个 part 在它的增量之前开始，在它们之后结束",
  "the ai package's reader builds a reasoning part and a text part from them":
    "ai 包的读取器用它们构建出一个 reasoning part 和一个 text part",
};

export default defineChecks({
  "each part is started before its deltas and ended after them": async (code) => {
    const { chunks } = await read(code);
    const types = chunks.map((c) => c.type).join(" ");
    const expected =
      "start reasoning-start reasoning-delta reasoning-delta reasoning-end text-start text-delta text-delta text-end finish";
    must(types === expected, {
      en: `for two reasoning deltas then two text deltas, the chunks were: ${types}. Each part must be started before its first delta and ended before the next part starts: ${expected}`,
      zh: `先两个推理增量、再两个文本增量，得到的 chunk 是：${types}。每个 part 必须在它的第一个增量之前开始，在下一个 part 开始之前结束：${expected}`,
    });
    const ids = (kind: string) =>
      new Set(chunks.filter((c) => String(c.type).startsWith(kind)).map((c) => c.id));
    must(
      ids("reasoning").size === 1 &&
        ids("text").size === 1 &&
        ![...ids("text")].some((id) => ids("reasoning").has(id)),
      {
        en: "the start, deltas and end of a part must all carry that part's id, and the next part a fresh one",
        zh: "一个 part 的 start、delta 和 end 都必须带着这个 part 的 id，下一个 part 要换一个新的 id",
      },
    );
  },

  "the ai package's reader builds a reasoning part and a text part from them": async (code) => {
    const { parts, error } = await read(code);
    const seen = parts.map((p) => `${p.type}:${p.text ?? ""}`).join(" | ");
    must(seen === "reasoning:Thinking. | text:Hello, class", {
      en: `useChat would show: ${seen || error || "nothing"}`,
      zh: `useChat 会显示：${seen || error || "nothing"}`,
    });
  },
});
