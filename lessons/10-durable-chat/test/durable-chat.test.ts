// Lesson 10's promises over real sockets, against both stores: a run outlives its
// request, a reader resumes from its offset exactly, the same message sent twice is
// one generation, and only Stop stops an answer, for every reader.
import { randomUUID } from "node:crypto";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { apiErrorOf, postJson, startLesson } from "@workshop/testkit";
import { afterEach, expect, it } from "vitest";
import { createServer } from "../src/server/app.ts";
import {
  answerIn,
  chatClient,
  chunksOf,
  countingGenerations,
  endOf,
  sendAndRead,
  textOf,
  tokensOf,
  untilChat,
  untilEnd,
  untilTokens,
} from "./chat-client.ts";
import { describeWithEachStore } from "./stores.ts";

const PROMPT = "why stream?";
const chatId = () => `c-${randomUUID()}`;
const messageId = () => `m-${randomUUID()}`;

describeWithEachStore("a durable chat", (makeStores) => {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const lesson of running.splice(0)) await lesson.close();
  });

  /** A lesson 10 server whose model writes a token every 2 ms (or waits where a test holds it). */
  async function lesson(
    options: { maxTokens?: number; unreadStopMs?: number; maxMessagesPerChat?: number } = {},
  ) {
    const { llm, generations } = countingGenerations(createMockLlm({ timing: steadyTiming(2) }));
    const stores = await makeStores(llm, { maxTokens: options.maxTokens });
    const server = await startLesson(createServer({ llm, ...stores, ...options }));
    running.push(server);
    return {
      ...server,
      llm,
      generations,
      client: chatClient(server.url),
      reply: llm.replyTokens(PROMPT).join(""),
    };
  }

  it("a run outlives its request: the reader leaves mid-answer, the answer is generated to the end, and the next reader gets all of it", async () => {
    const { client, llm, generations, reply } = await lesson();
    llm.hold(3);
    const chat = chatId();
    const started = await client.send(chat, { id: messageId(), text: PROMPT, parentId: null });
    const first = await client.read(started.runId);
    await untilTokens(first, 3);
    first.abort(); // the tab closed
    llm.release();
    const again = await client.read(started.runId);
    await untilEnd(again);
    expect(textOf(again)).toBe(reply);
    expect(endOf(again)?.reason).toBe("complete");
    expect(generations()).toBe(1);
    const view = await untilChat(client, chat, (v) => answerIn(v, started.messageId)?.status !== "streaming");
    expect(answerIn(view, started.messageId)).toMatchObject({ text: reply, status: "complete" });
  });

  it("a reader that comes back with the last offset it has gets the rest exactly: nothing lost, nothing twice", async () => {
    const { client, llm, reply } = await lesson();
    llm.hold(4);
    const started = await client.send(chatId(), { id: messageId(), text: PROMPT, parentId: null });
    const first = await client.read(started.runId);
    await untilTokens(first, 4);
    first.abort();
    const kept = tokensOf(first);
    llm.release();
    const rest = await client.read(started.runId, { after: kept.at(-1)?.offset });
    await untilEnd(rest);
    const offsets = [...kept, ...tokensOf(rest)].map((t) => t.offset);
    expect(offsets).toEqual(offsets.map((_, i) => i));
    expect(kept.map((t) => t.text).join("") + textOf(rest)).toBe(reply);
  });

  it("an EventSource's Last-Event-ID resumes the same way, and a reconnect after the end is told 204", async () => {
    const { client, reply } = await lesson();
    const started = await client.send(chatId(), { id: messageId(), text: PROMPT, parentId: null });
    const whole = await client.read(started.runId);
    await untilEnd(whole);
    const rest = await client.read(started.runId, { lastEventId: "2" });
    await untilEnd(rest);
    expect(tokensOf(rest)[0]?.offset).toBe(3);
    expect(reply.endsWith(textOf(rest))).toBe(true);
    // An EventSource keeps its address (?after= from a reload) and adds the newer Last-Event-ID.
    const reconnected = await client.read(started.runId, { after: 0, lastEventId: "2" });
    await untilEnd(reconnected);
    expect(tokensOf(reconnected)[0]?.offset).toBe(3);
    const end = whole.events.find((e) => e.type === "end");
    const after = await client.read(started.runId, { lastEventId: end?.lastEventId });
    expect(after.response.status).toBe(204);
  });

  it("the same message sent twice, by a double click or a retry, starts one generation and both read the same run", async () => {
    const { client, llm, generations } = await lesson();
    llm.hold(2);
    const chat = chatId();
    const message = { id: messageId(), text: PROMPT, parentId: null };
    const [a, b] = await Promise.all([client.send(chat, message), client.send(chat, message)]);
    const retry = await client.send(chat, message);
    expect(new Set([a.runId, b.runId, retry.runId]).size).toBe(1);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(retry.repeated).toBe(true);
    llm.release();
    await untilEnd(await client.read(a.runId));
    expect(await client.send(chat, message)).toMatchObject({ runId: a.runId, repeated: true });
    expect(generations()).toBe(1);
  });

  it("Stop, from any tab, ends every reader's stream, a resumed one too, and keeps the partial answer marked stopped", async () => {
    const { client, llm, generations } = await lesson();
    llm.hold(3);
    const chat = chatId();
    const started = await client.send(chat, { id: messageId(), text: PROMPT, parentId: null });
    const tab = await client.read(started.runId);
    const resumed = await client.read(started.runId, { after: 0 });
    await Promise.all([untilTokens(tab, 3), untilTokens(resumed, 2)]);
    expect(await client.stop(chat)).toBe(started.runId);
    await Promise.all([untilEnd(tab), untilEnd(resumed), tab.ended, resumed.ended]);
    expect(endOf(tab)).toEqual({ reason: "stopped", tokens: 3 });
    expect(endOf(resumed)).toEqual({ reason: "stopped", tokens: 3 });
    const view = await untilChat(client, chat, (v) => answerIn(v, started.messageId)?.status !== "streaming");
    expect(answerIn(view, started.messageId)).toMatchObject({
      status: "stopped",
      tokens: 3,
      text: textOf(tab),
    });
    expect(view.activeRun).toBeNull();
    expect(llm.running).toBe(0);
    expect(generations()).toBe(1);
  });

  it("an answer nobody reads is generated to its end: closing every tab is not Stop", async () => {
    const { client, reply, llm } = await lesson();
    const chat = chatId();
    const started = await client.send(chat, { id: messageId(), text: PROMPT, parentId: null });
    await llm.idle(); // nobody ever read it
    const view = await untilChat(client, chat, (v) => answerIn(v, started.messageId)?.status !== "streaming");
    expect(answerIn(view, started.messageId)).toMatchObject({ status: "complete", text: reply });
  });

  it("with unreadStopMs set, an answer nobody reads is stopped, and one being read is not", async () => {
    const { client, llm, url } = await lesson({ unreadStopMs: 20 });
    llm.hold(2);
    const chat = chatId();
    const reader = await sendAndRead(url, chat, { id: messageId(), text: PROMPT });
    await reader.waitFor((r) => chunksOf(r).filter((c) => c.type === "text-delta").length >= 2);
    // Another chat, never read: held, it would wait forever without the unread stop. It is
    // also the clock: a timer wrongly running for the answer being read would have fired first.
    const other = chatId();
    const unread = await client.send(other, { id: messageId(), text: PROMPT, parentId: null });
    const view = await untilChat(client, other, (v) => answerIn(v, unread.messageId)?.status !== "streaming");
    expect(answerIn(view, unread.messageId)?.status).toBe("stopped");
    llm.release();
    await reader.ended;
    expect(chunksOf(reader).at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
  });

  it("a run has a token limit: it ends with reason max_tokens, and the model stops", async () => {
    const { client, llm } = await lesson({ maxTokens: 5 });
    const started = await client.send(chatId(), { id: messageId(), text: PROMPT, parentId: null });
    const reader = await client.read(started.runId);
    await untilEnd(reader);
    expect(endOf(reader)).toEqual({ reason: "max_tokens", tokens: 5 });
    expect(tokensOf(reader)).toHaveLength(5);
    await llm.idle();
  });

  it("regenerate keeps the old answer as a sibling, and the chat is a tree with the current branch", async () => {
    const { client } = await lesson();
    const chat = chatId();
    const user = messageId();
    const first = await client.send(chat, { id: user, text: PROMPT, parentId: null });
    await untilEnd(await client.read(first.runId));
    await untilChat(client, chat, (v) => v.activeRun === null);
    const second = await client.send(chat, { regenerate: user });
    await untilEnd(await client.read(second.runId));
    const view = await untilChat(client, chat, (v) => v.activeRun === null);
    const answers = view.messages.filter((m) => m.parentId === user).map((m) => m.id);
    expect(answers).toEqual([first.messageId, second.messageId]);
    expect(view.branch).toEqual([user, second.messageId]);
  });

  it("regenerating an older answer while another is coming is a 409 run_active, never the old answer again", async () => {
    const { client, llm, generations, url } = await lesson();
    const chat = chatId();
    const first = await client.send(chat, { id: messageId(), text: PROMPT, parentId: null });
    await untilEnd(await client.read(first.runId));
    await untilChat(client, chat, (v) => v.activeRun === null);
    llm.hold(1);
    await client.send(chat, { id: messageId(), text: PROMPT, parentId: first.messageId });
    const response = await postJson(`${url}/api/chats/${chat}/messages`, { regenerate: first.userMessageId });
    expect([response.status, (await apiErrorOf(response)).code]).toEqual([409, "run_active"]);
    expect(generations()).toBe(2);
    llm.release();
  });

  it("a new message while an answer is coming is refused with 409 run_active, not a second generation", async () => {
    const { client, llm, url, generations } = await lesson();
    llm.hold(1);
    const chat = chatId();
    const first = await client.send(chat, { id: messageId(), text: PROMPT, parentId: null });
    const response = await postJson(`${url}/api/chats/${chat}/messages`, {
      id: messageId(),
      text: "and then?",
      parentId: first.userMessageId,
    });
    expect(response.status).toBe(409);
    expect((await apiErrorOf(response)).code).toBe("run_active");
    expect(generations()).toBe(1);
    llm.release();
  });
});
