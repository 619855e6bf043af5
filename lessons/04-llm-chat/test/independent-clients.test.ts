// Independent implementations read what this lesson writes: the official
// `openai` SDK (against the mock upstream, and against /api/chat's stream)
// and `eventsource-parser`.
import { postJson } from "@workshop/testkit";
import { createParser } from "eventsource-parser";
import OpenAI from "openai";
import { Stream } from "openai/streaming";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLesson, userSays } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>>;
let sdk: OpenAI;
beforeAll(async () => {
  lesson = await startLesson();
  sdk = new OpenAI({ baseURL: `${lesson.url}/v1`, apiKey: "mock-key", maxRetries: 0 });
});
afterAll(() => lesson.close());

const PROMPT = "为什么要流式输出？";
const expected = () => lesson.llm.replyTokens(PROMPT).join("");

describe("the official openai SDK against the mock upstream", () => {
  it("streams a chat completion (stream: true) unchanged", async () => {
    const stream = await sdk.chat.completions.create({
      model: "mock-llm",
      messages: [{ role: "user", content: PROMPT }],
      stream: true,
    });
    let text = "";
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(expected());
    expect(finish).toBe("stop");
  });

  it("gets a whole completion (stream: false)", async () => {
    const completion = await sdk.chat.completions.create({
      model: "mock-llm",
      messages: [{ role: "user", content: PROMPT }],
    });
    expect(completion.choices[0]?.message.content).toBe(expected());
  });

  it("lists the model", async () => {
    const models = await sdk.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["mock-llm"]);
  });
});

describe("what the browser receives from /api/chat", () => {
  it("is read unchanged by the openai SDK's own stream decoder", async () => {
    const response = await postJson(`${lesson.url}/api/chat`, userSays(PROMPT));
    const stream = Stream.fromSSEResponse<OpenAI.Chat.Completions.ChatCompletionChunk>(
      response,
      new AbortController(),
    );
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toBe(expected());
  });

  it("is read unchanged by eventsource-parser", async () => {
    const response = await postJson(`${lesson.url}/api/chat`, userSays(PROMPT));
    const datas: string[] = [];
    const parser = createParser({ onEvent: (event) => datas.push(event.data) });
    const decoder = new TextDecoder();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      parser.feed(decoder.decode(read.value, { stream: true }));
    }
    expect(datas.at(-1)).toBe("[DONE]");
    const text = datas
      .slice(0, -1)
      .map(
        (d) =>
          (JSON.parse(d) as OpenAI.Chat.Completions.ChatCompletionChunk).choices[0]?.delta?.content ?? "",
      )
      .join("");
    expect(text).toBe(expected());
  });
});
