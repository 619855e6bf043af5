// Providers differ on the wire; the BFF normalizes them. OpenAI-style chunks
// carry a delta; DashScope's native events carry the whole text so far.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashScopeDeltas } from "../src/server/adapters/dashscope.ts";
import { openAiDeltas } from "../src/server/adapters/openai.ts";
import { chat, readChunks, startLesson, userSays } from "./start.ts";

const body = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

async function collect(deltas: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const delta of deltas) out.push(delta);
  return out;
}

describe("the two upstream formats", () => {
  it("OpenAI style: each chunk's delta.content is the new text", async () => {
    const wire = [
      `data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"最近"}}]}`,
      `data: {"choices":[{"index":0,"delta":{"content":"的公园"}}]}`,
      `data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`,
      "data: [DONE]",
    ].join("\n\n");
    expect(await collect(openAiDeltas(body(`${wire}\n\n`)))).toEqual(["最近", "的公园"]);
  });

  it("DashScope style: each event's output.text is the whole answer so far; the adapter keeps only the new part", async () => {
    const event = (id: number, text: string, finish: string) =>
      `id:${id}\nevent:result\ndata:${JSON.stringify({ output: { finish_reason: finish, text }, request_id: "r" })}\n\n`;
    const wire = event(1, "最近", "null") + event(2, "最近的公园", "null") + event(3, "最近的公园是", "stop");
    expect(await collect(dashScopeDeltas(body(wire)))).toEqual(["最近", "的公园", "是"]);
  });
});

describe("the BFF normalizes both into the one format the browser reads", () => {
  let lesson: Awaited<ReturnType<typeof startLesson>>;
  beforeAll(async () => {
    lesson = await startLesson();
  });
  afterAll(() => lesson.close());

  it("produces the same final text from an OpenAI-style and a DashScope-style upstream", async () => {
    const prompt = "为什么要流式输出？";
    const viaOpenAi = await chat(lesson.url, userSays(prompt));
    await viaOpenAi.ended;

    const viaDashScope = await startLesson({
      llm: lesson.llm,
      upstream: { format: "dashscope", baseUrl: `${lesson.url}/mock/dashscope` },
    });
    const stream = await chat(viaDashScope.url, userSays(prompt));
    await stream.ended;
    await viaDashScope.close();

    const expected = lesson.llm.replyTokens(prompt).join("");
    expect(readChunks(viaOpenAi.events).text).toBe(expected);
    expect(readChunks(stream.events).text).toBe(expected);
    expect(readChunks(stream.events).done).toBe(true);
  });
});
