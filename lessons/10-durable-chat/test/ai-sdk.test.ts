// The `ai` package's own client (what useChat runs) against lesson 10's server, unchanged:
// DefaultChatTransport posts to /api/chat and reconnects to GET /api/chat/:id/stream.
import { randomUUID } from "node:crypto";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { startLesson } from "@workshop/testkit";
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server/app.ts";
import { answerIn, chatClient, countingGenerations, untilChat } from "./chat-client.ts";

const PROMPT = "why stream?";
const { llm, generations } = countingGenerations(createMockLlm({ timing: steadyTiming(2) }));
const reply = llm.replyTokens(PROMPT).join("");
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await startLesson(createServer({ llm })));
});
afterAll(() => close?.());

const transport = () => new DefaultChatTransport({ api: `${url}/api/chat` });
const userMessage = (text = PROMPT): UIMessage => ({
  id: `u-${randomUUID()}`,
  role: "user",
  parts: [{ type: "text", text }],
});
const textOf = (message: UIMessage | undefined) =>
  message?.parts.map((part) => (part.type === "text" ? part.text : "")).join("") ?? "";

/** Every chunk, and the message the ai package builds from them (what useChat would show). */
async function collect(stream: ReadableStream<UIMessageChunk>) {
  const chunks: UIMessageChunk[] = [];
  const [forChunks, forMessage] = stream.tee();
  const read = (async () => {
    const reader = forChunks.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  })();
  let message: UIMessage | undefined;
  for await (const built of readUIMessageStream({ stream: forMessage })) message = built;
  await read;
  return { chunks, message };
}

describe("the AI SDK's DefaultChatTransport against a durable chat", () => {
  it("sends a message, and the ai package builds the answer from this server's UI message stream", async () => {
    const chatId = `c-${randomUUID()}`;
    const stream = await transport().sendMessages({
      chatId,
      messageId: undefined,
      trigger: "submit-message",
      abortSignal: undefined,
      messages: [userMessage()],
    });
    const { chunks, message } = await collect(stream);
    expect(textOf(message)).toBe(reply);
    expect(chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    const view = await chatClient(url).view(chatId);
    expect(view.branch.at(-1)).toBe(message?.id); // the SDK's message is the server's answer
  });

  it("reconnecting when nothing runs is a 204 (null); mid-answer it replays the whole answer under the same message id", async () => {
    const chatId = `c-${randomUUID()}`;
    expect(await transport().reconnectToStream({ chatId })).toBeNull();
    llm.hold(3);
    const before = generations();
    const first = await transport().sendMessages({
      chatId,
      messageId: undefined,
      trigger: "submit-message",
      abortSignal: new AbortController().signal,
      messages: [userMessage()],
    });
    const reader = first.getReader();
    await reader.read(); // the start chunk: the run is under way
    await reader.cancel(); // the tab reloads
    const resumed = await transport().reconnectToStream({ chatId });
    if (!resumed) throw new Error("the run in progress was not found");
    const answerId = (await chatClient(url).view(chatId)).activeRun?.messageId;
    llm.release();
    const { message } = await collect(resumed);
    expect(textOf(message)).toBe(reply);
    expect(answerId).toBeDefined();
    expect(message?.id).toBe(answerId);
    expect(generations() - before).toBe(1);
  });

  it("Stop ends a resumed stream with an abort chunk, never a finish, and the partial answer is kept as stopped", async () => {
    const chatId = `c-${randomUUID()}`;
    llm.hold(2);
    const sent = await transport().sendMessages({
      chatId,
      messageId: undefined,
      trigger: "submit-message",
      abortSignal: undefined,
      messages: [userMessage()],
    });
    void sent.cancel();
    const resumed = await transport().reconnectToStream({ chatId });
    if (!resumed) throw new Error("the run in progress was not found");
    const client = chatClient(url);
    const collected = collect(resumed);
    const running = (await client.view(chatId)).activeRun;
    expect(await client.stop(chatId)).toBe(running?.runId);
    const { chunks } = await collected;
    expect(chunks.map((c) => c.type)).toContain("abort");
    expect(chunks.map((c) => c.type)).not.toContain("finish");
    llm.release();
    const view = await untilChat(client, chatId, (v) => v.activeRun === null);
    expect(answerIn(view, running?.messageId ?? "")).toMatchObject({ status: "stopped", tokens: 2 });
  });

  it("regenerate-message keeps the old answer beside the new one", async () => {
    const chatId = `c-${randomUUID()}`;
    const user = userMessage();
    const first = await collect(
      await transport().sendMessages({
        chatId,
        messageId: undefined,
        trigger: "submit-message",
        abortSignal: undefined,
        messages: [user],
      }),
    );
    const client = chatClient(url);
    await untilChat(client, chatId, (v) => v.activeRun === null);
    const second = await collect(
      await transport().sendMessages({
        chatId,
        messageId: first.message?.id,
        trigger: "regenerate-message",
        abortSignal: undefined,
        messages: [user], // the SDK drops the answer it regenerates
      }),
    );
    const view = await untilChat(client, chatId, (v) => v.activeRun === null);
    const answers = view.messages.filter((m) => m.parentId === user.id).map((m) => m.id);
    expect(answers).toEqual([first.message?.id, second.message?.id]);
    expect(textOf(second.message)).toBe(reply);
  });
});
