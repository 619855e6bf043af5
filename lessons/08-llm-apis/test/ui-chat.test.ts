// /api/ui-chat speaks the Vercel AI SDK's UI message stream: read here by the
// `ai` package's own transport (what useChat uses) and message reader.
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { apiErrorOf, postJson, startLesson } from "@workshop/testkit";
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMPTS } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";

const llm = createMockLlm({ timing: steadyTiming(1) });
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await startLesson(createServer({ llm, env: {} })));
});
afterAll(() => close?.());

/** What useChat would show after the stream: the assistant message, built by the ai package. */
async function answer(provider: string, text: string): Promise<UIMessage> {
  const transport = new DefaultChatTransport({ api: `${url}/api/ui-chat?provider=${provider}` });
  const chunks = await transport.sendMessages({
    chatId: "test",
    messageId: undefined,
    trigger: "submit-message",
    abortSignal: undefined,
    messages: [{ id: "1", role: "user", parts: [{ type: "text", text }] }],
  });
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream: chunks })) last = message;
  return last as UIMessage;
}

describe("the AI SDK's UI message stream (v1) at /api/ui-chat", () => {
  it("answers with the v1 header, and the ai package's reader builds the text part", async () => {
    const response = await fetch(`${url}/api/ui-chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", parts: [{ type: "text", text: "why stream?" }] }] }),
    });
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect((await response.text()).trimEnd().endsWith("data: [DONE]")).toBe(true);
    const message = await answer("anthropic", "why stream?");
    expect(message.parts.filter((p) => p.type === "text").map((p) => p.text)).toEqual([
      llm.replyTokens("why stream?").join(""),
    ]);
  });

  it("reasoning and a tool call (input streamed, output from the server) become parts useChat renders", async () => {
    const thinking = await answer("openai-responses", PROMPTS.reasoning);
    expect(thinking.parts.map((p) => p.type)).toEqual(["reasoning", "text"]);
    const tool = await answer("openai-chat", PROMPTS.tool);
    const call = tool.parts.find((p) => p.type === "dynamic-tool" || p.type.startsWith("tool-"));
    expect(call).toMatchObject({
      state: "output-available",
      input: { city: "Hangzhou" },
      output: { city: "Hangzhou", condition: "light rain" },
    });
    expect(tool.parts.at(-1)).toMatchObject({ type: "text", text: expect.stringContaining("light rain") });
  });

  it.each([
    ["messages is not a list", { messages: "x" }],
    ["a message is null", { messages: [null] }],
    ["parts is not a list", { messages: [{ role: "user", parts: "abc" }] }],
    [
      "a text part's text is not a string",
      { messages: [{ role: "user", parts: [{ type: "text", text: {} }] }] },
    ],
  ])("a body useChat would never send is a 400 with a JSON error: %s", async (_name, body) => {
    const response = await postJson(`${url}/api/ui-chat`, body);
    expect(await apiErrorOf(response)).toEqual({ status: 400, code: "invalid_request" });
  });
});
