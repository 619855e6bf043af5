// Fidelity: each provider's official SDK, pointed at the lesson's mock, reads
// the same text, tool calls and usage the mock meant to send. If a mock drifts
// from the real wire format, the SDK that parses the real one says so.
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { startLesson } from "@workshop/testkit";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMPTS } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";
import { TOOLS } from "../src/server/tools.ts";

const llm = createMockLlm({ timing: steadyTiming(1) });
const REPLY = llm.replyTokens("why stream?").join("");
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await startLesson(createServer({ llm, env: {} })));
});
afterAll(() => close?.());

describe("the official SDKs read the lesson's mocks", () => {
  it("openai, Chat Completions: text, a tool call's arguments and usage", async () => {
    const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: "mock-key" });
    const stream = await client.chat.completions.create({
      model: "mock-llm",
      messages: [{ role: "user", content: "why stream?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(REPLY);
    expect(usage?.completion_tokens).toBe(llm.replyTokens("why stream?").length);

    const runner = client.chat.completions.stream({
      model: "mock-llm",
      messages: [{ role: "user", content: PROMPTS.tool }],
      tools: TOOLS.map((tool) => ({ type: "function" as const, function: tool })),
    });
    const call = (await runner.finalChatCompletion()).choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && call.function.name).toBe("get_weather");
    expect(call?.type === "function" && JSON.parse(call.function.arguments)).toEqual({ city: "Hangzhou" });
  });

  it("openai, Responses: typed events, function-call arguments and usage in response.completed", async () => {
    const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: "mock-key" });
    const stream = client.responses.stream({ model: "mock-llm", input: "why stream?" });
    let text = "";
    stream.on("response.output_text.delta", (event) => {
      text += event.delta;
    });
    const final = await stream.finalResponse();
    expect(text).toBe(REPLY);
    expect(final.output_text).toBe(REPLY);
    expect(final.usage?.output_tokens).toBe(llm.replyTokens("why stream?").length);

    const withTool = await client.responses
      .stream({ model: "mock-llm", input: PROMPTS.tool })
      .finalResponse();
    const call = withTool.output.find((item) => item.type === "function_call");
    expect(call?.type === "function_call" && JSON.parse(call.arguments)).toEqual({ city: "Hangzhou" });
  });

  it("@anthropic-ai/sdk: text, thinking and tool input; ping and unknown events skipped; overloaded_error thrown", async () => {
    const client = new Anthropic({ baseURL: url, apiKey: "mock-key" });
    const ask = (content: string) =>
      client.messages.stream({ model: "mock-llm", max_tokens: 1024, messages: [{ role: "user", content }] });
    const plain = await ask(PROMPTS.unknownEvent).finalMessage();
    expect(plain.content).toEqual([expect.objectContaining({ type: "text", text: REPLY })]);
    expect(plain.usage.output_tokens).toBe(llm.replyTokens("why stream?").length);
    const thinking = await ask(PROMPTS.reasoning).finalMessage();
    expect(thinking.content[0]).toMatchObject({
      type: "thinking",
      thinking: expect.stringMatching(/^The user asks why/),
    });
    const tool = await ask(PROMPTS.tool).finalMessage();
    expect(tool.content[0]).toMatchObject({
      type: "tool_use",
      name: "get_weather",
      input: { city: "Hangzhou" },
    });
    expect(tool.stop_reason).toBe("tool_use");
    await expect(ask(PROMPTS.error).finalMessage()).rejects.toThrow(/Overloaded/);
  });

  it("@google/genai: text, a whole function call, thoughts and usageMetadata", async () => {
    const client = new GoogleGenAI({ apiKey: "mock-key", httpOptions: { baseUrl: url } });
    const stream = async (text: string) => {
      const chunks = [];
      for await (const chunk of await client.models.generateContentStream({
        model: "mock-llm",
        contents: text,
      }))
        chunks.push(chunk);
      return chunks;
    };
    const plain = await stream("why stream?");
    expect(plain.map((chunk) => chunk.text ?? "").join("")).toBe(REPLY);
    expect(plain.at(-1)?.usageMetadata?.candidatesTokenCount).toBe(llm.replyTokens("why stream?").length);
    const tool = await stream(PROMPTS.tool);
    expect(tool.flatMap((chunk) => chunk.functionCalls ?? [])).toEqual([
      expect.objectContaining({ name: "get_weather", args: { city: "Hangzhou" } }),
    ]);
    const thoughts = (await stream(PROMPTS.reasoning)).flatMap(
      (c) => c.candidates?.[0]?.content?.parts ?? [],
    );
    expect(
      thoughts
        .filter((part) => part.thought)
        .map((part) => part.text)
        .join(""),
    ).toMatch(/^The user asks why/);
  });
});
