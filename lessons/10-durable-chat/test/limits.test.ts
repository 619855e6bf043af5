// Bad input gets a clear JSON error, every bound answers when it is hit, and a reader
// that leaves is let go of: its stream, its slot and its place in the unread count.
import { randomUUID } from "node:crypto";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { apiErrorOf, connectSse, eventually, postJson, startLesson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type DurableChatServerOptions } from "../src/server/app.ts";
import { createMemoryRuns } from "../src/server/memory-runs.ts";
import { chatClient, untilChat, untilEnd, untilTokens } from "./chat-client.ts";

const PROMPT = "why stream?";
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const lesson of running.splice(0)) await lesson.close();
});
async function lesson(options: DurableChatServerOptions = {}) {
  const llm = options.llm ?? createMockLlm({ timing: steadyTiming(2) });
  const server = await startLesson(createServer({ llm, ...options }));
  running.push(server);
  return { ...server, llm, client: chatClient(server.url) };
}
const send = (url: string, chatId: string, body: unknown) =>
  postJson(`${url}/api/chats/${chatId}/messages`, body);

describe("bad input gets a 4xx with a JSON error, never a crash", () => {
  it.each([
    [
      "a chat id that could be a path",
      "..%2Fetc",
      { id: "m1", text: PROMPT, parentId: null },
      400,
      "bad_chat_id",
    ],
    ["an empty message", "c1", { id: "m1", text: "  ", parentId: null }, 400, "invalid_request"],
    ["a message id with spaces", "c1", { id: "m 1", text: PROMPT, parentId: null }, 400, "invalid_request"],
    [
      "a parent the chat does not have",
      "c1",
      { id: "m1", text: PROMPT, parentId: "nope" },
      400,
      "unknown_parent",
    ],
    ["a regenerate of no message", "c1", { regenerate: "nope" }, 404, "unknown_message"],
  ])("%s", async (_, chatId, body, status, code) => {
    const { url } = await lesson();
    const response = await send(url, chatId, body);
    expect(response.status).toBe(status);
    expect((await apiErrorOf(response)).code).toBe(code);
  });

  it("an unknown run is a 404, a chat with no message yet is empty (200), and the AI SDK route refuses a body whose last message is not the user's", async () => {
    const { url } = await lesson();
    const run = await fetch(`${url}/api/runs/${randomUUID()}/events`);
    expect([run.status, (await apiErrorOf(run)).code]).toEqual([404, "unknown_run"]);
    const chat = await fetch(`${url}/api/chats/nobody`);
    expect([chat.status, await chat.json()]).toEqual([
      200,
      { id: "nobody", messages: [], branch: [], activeRun: null },
    ]);
    const sdk = await postJson(`${url}/api/chat`, {
      id: "c1",
      trigger: "submit-message",
      messages: [{ id: "a1", role: "assistant", parts: [{ type: "text", text: "hi" }] }],
    });
    expect([sdk.status, (await apiErrorOf(sdk)).code]).toEqual([400, "invalid_request"]);
  });

  it("an offset past the end of a finished run is a 416, not a stream that never ends", async () => {
    const { client, url } = await lesson();
    const started = await client.send("c", { id: "m", text: PROMPT, parentId: null });
    await untilEnd(await client.read(started.runId));
    const past = await fetch(`${url}/api/runs/${started.runId}/events?after=999`);
    expect([past.status, (await apiErrorOf(past)).code]).toEqual([416, "offset_beyond_end"]);
  });

  it("a body that is neither shape is told both shapes", async () => {
    const { url } = await lesson();
    const response = await send(url, "c1", {});
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.message).toMatch(/"id", "text", "parentId".*"regenerate"/);
  });

  it("a message over the size limit is refused, and so is a body over LIMITS.bodyBytes (413)", async () => {
    const { url } = await lesson();
    const long = await send(url, "c1", { id: "m1", text: "x".repeat(4001), parentId: null });
    expect(long.status).toBe(400);
    const huge = await send(url, "c1", { id: "m1", text: "x".repeat(300 * 1024), parentId: null });
    expect(huge.status).toBe(413);
  });
});

describe("every bound answers when it is hit", () => {
  it("a chat that keeps its message limit refuses one more with 413 chat_full", async () => {
    const { url, client } = await lesson({ maxMessagesPerChat: 4 });
    let parentId: string | null = null;
    for (let i = 0; i < 2; i++) {
      const started = await client.send("full", { id: `m${i}`, text: PROMPT, parentId });
      await untilEnd(await client.read(started.runId));
      await untilChat(client, "full", (v) => v.activeRun === null);
      parentId = started.messageId;
    }
    const response = await send(url, "full", { id: "m9", text: PROMPT, parentId });
    expect([response.status, (await apiErrorOf(response)).code]).toEqual([413, "chat_full"]);
  });

  it("answers generating at once are bounded (429), and a refused send keeps nothing: sent again later, it starts", async () => {
    const llm = createMockLlm({ timing: steadyTiming(2) });
    const { url, client } = await lesson({ llm, runs: createMemoryRuns({ llm, maxGenerating: 1 }) });
    llm.hold(1);
    const first = await client.send("a", { id: "m", text: PROMPT, parentId: null });
    const refused = await send(url, "b", { id: "m", text: PROMPT, parentId: null });
    expect([refused.status, (await apiErrorOf(refused)).code]).toEqual([429, "too_many_runs"]);
    expect(refused.headers.get("retry-after")).toBe("1");
    llm.release();
    await untilEnd(await client.read(first.runId));
    await untilChat(client, "a", (v) => v.activeRun === null);
    expect(await client.send("b", { id: "m", text: PROMPT, parentId: null })).toMatchObject({
      repeated: false,
    });
  });

  it("the AI SDK route takes its reader's slot before it sends: over the bound, a 429 and no generation", async () => {
    const llm = createMockLlm({ timing: steadyTiming(2) });
    const { url, client } = await lesson({ llm, maxStreamsPerClient: 1 });
    llm.hold(1);
    const started = await client.send("a", { id: "m", text: PROMPT, parentId: null });
    const reader = await client.read(started.runId);
    await untilTokens(reader, 1);
    const generated = llm.tokensGenerated;
    const refused = await postJson(`${url}/api/chat`, {
      id: "b",
      trigger: "submit-message",
      messages: [{ id: "m", role: "user", parts: [{ type: "text", text: PROMPT }] }],
    });
    expect(refused.status).toBe(429);
    expect(llm.running).toBe(1); // only the first answer's
    expect((await client.view("b")).messages).toEqual([]);
    reader.abort();
    llm.release();
    await llm.idle();
    expect(llm.tokensGenerated).toBeGreaterThan(generated);
  });

  it("readers one client may hold at once are bounded: one more is a 429", async () => {
    const { url, client, llm } = await lesson({ maxStreamsPerClient: 2 });
    llm.hold(1);
    const started = await client.send("c", { id: "m", text: PROMPT, parentId: null });
    const readers = [await client.read(started.runId), await client.read(started.runId)];
    await Promise.all(readers.map((r) => untilTokens(r, 1)));
    const third = await connectSse(`${url}/api/runs/${started.runId}/events`);
    expect(third.response.status).toBe(429);
    for (const reader of readers) reader.abort();
    llm.release();
  });
});

describe("a reader that leaves is let go of", () => {
  it("its stream closes on the server, the reader count goes back to 0, and the run goes on", async () => {
    const { client, llm, chat } = await lesson();
    llm.hold(2);
    const started = await client.send("c", { id: "m", text: PROMPT, parentId: null });
    const reader = await client.read(started.runId);
    await untilTokens(reader, 2);
    expect(chat.readers()).toBe(1);
    reader.abort();
    await eventually(() => chat.readers() === 0);
    expect(llm.running).toBe(1); // a disconnect is not a cancel
    llm.release();
    await llm.idle();
  });

  it("shutting the server down stops what it generates and ends its readers' streams", async () => {
    const { client, llm, close } = await lesson();
    llm.hold(1);
    const started = await client.send("c", { id: "m", text: PROMPT, parentId: null });
    const reader = await client.read(started.runId);
    await untilTokens(reader, 1);
    await close();
    await reader.ended;
    expect(llm.running).toBe(0);
  });
});
