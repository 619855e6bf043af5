// Lesson 03's WebSocket across three instances sharing one Redis: the chat
// room is a pub/sub channel, a job's tokens are a Stream any instance resumes.
import type { ServerMessage } from "@workshop/03-websocket/protocol";
import { createMockLlm } from "@workshop/mock-llm";
import { connectWebSocket, describeWithRedis, startLesson } from "@workshop/testkit";
import { afterEach, expect, it } from "vitest";
import { createInstance } from "../src/server/app.ts";
import { redisClient } from "../src/server/redis.ts";

const PROMPT = "why stream?";
const TOKENS = createMockLlm().replyTokens(PROMPT).length;
const PAGE = "http://127.0.0.1:5107";
const wsUrl = (url: string) => `${url.replace(/^http/, "ws")}/ws`;
const socket = (url: string) => connectWebSocket<ServerMessage>(wsUrl(url), { headers: { Origin: PAGE } });
const seqsOf = (messages: ServerMessage[]) => messages.flatMap((m) => (m.type === "token" ? [m.seq] : []));

describeWithRedis("lesson 03's WebSocket on lesson 07's instances", (redis) => {
  const running: { close(): Promise<void> }[] = [];
  const instance = async (name: string, tokenDelayMs = 5) => {
    const llm = createMockLlm({ timing: { firstTokenDelayMs: 0, tokenDelayMs, jitterMs: 0 } });
    const started = await startLesson(await createInstance({ name, redisUrl: redis().url, llm }));
    running.push(started);
    return started;
  };

  afterEach(async () => {
    for (const lesson of running.splice(0)) await lesson.close();
  });

  it("a chat message sent to a reaches the sockets on b and c, and says where it was sent", async () => {
    const [a, b, c] = [await instance("a"), await instance("b"), await instance("c")];
    const [onA, onB, onC] = await Promise.all([socket(a.url), socket(b.url), socket(c.url)]);
    onA.send({ type: "chat", text: "hello, class" });
    for (const listener of [onA, onB, onC]) {
      await listener.waitFor((messages) => messages.some((m) => m.type === "chat"));
      expect(listener.messages.find((m) => m.type === "chat")).toMatchObject({
        text: "hello, class",
        from: expect.stringMatching(/^guest-\w{4}@a$/),
      });
    }
    for (const listener of [onA, onB, onC]) listener.ws.close();
  });

  it("a socket that drops on a resumes by afterSeq on b: every token once, in order", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const first = await socket(a.url);
    first.send({ type: "start", prompt: PROMPT });
    await first.waitFor((messages) => seqsOf(messages).length >= 10);
    first.ws.terminate(); // dropped, no close frame
    const jobId = (first.messages.find((m) => m.type === "started") as { jobId: string }).jobId;
    const afterSeq = seqsOf(first.messages).at(-1) as number;

    const second = await socket(b.url);
    second.send({ type: "resume", jobId, afterSeq });
    await second.waitFor((messages) => messages.some((m) => m.type === "done"));
    second.ws.close();
    const seqs = [...seqsOf(first.messages), ...seqsOf(second.messages)];
    expect(seqs).toEqual(Array.from({ length: TOKENS }, (_, i) => i));
  });

  it("cancel sent on c stops the job a generates, and its reader on b gets done", async () => {
    // A slow model on a (16 tokens, 4 s): only the cancel can end the reply before its last token.
    const [a, b, c] = [await instance("a", 250), await instance("b"), await instance("c")];
    const starter = await socket(a.url);
    starter.send({ type: "start", prompt: "echo: one two three four five six seven eight nine ten" });
    await starter.waitFor((messages) => messages.some((m) => m.type === "token"));
    const jobId = (starter.messages.find((m) => m.type === "started") as { jobId: string }).jobId;
    starter.ws.close();
    const reader = await socket(b.url);
    reader.send({ type: "resume", jobId, afterSeq: -1 });
    (await socket(c.url)).send({ type: "cancel", jobId });
    await reader.waitFor((messages) => messages.some((m) => m.type === "done"));
    expect(seqsOf(reader.messages).length).toBeLessThan(
      createMockLlm().replyTokens("echo: one two three four five six seven eight nine ten").length,
    );
    expect(a.jobs.generating()).toBe(0);
  });

  it("bad input gets an error on the socket, which stays open: unknown job, bad JSON", async () => {
    const a = await instance("a");
    const client = await socket(a.url);
    client.send({ type: "resume", jobId: "nope", afterSeq: -1 });
    client.send("{not json");
    await client.waitFor((messages) => messages.filter((m) => m.type === "error").length === 2);
    // Each answered in its own time (the unknown job asks Redis first): compared as a set.
    const codes = client.messages.flatMap((m) => (m.type === "error" ? [m.code] : []));
    expect(codes.sort()).toEqual(["invalid_json", "job_not_found"]);
    client.send({ type: "chat", text: "still here" });
    await client.waitFor((messages) => messages.some((m) => m.type === "chat"));
    client.ws.close();
  });

  it("refuses an upgrade from another site's page (Origin checked, as in lesson 03)", async () => {
    const a = await instance("a");
    await expect(
      connectWebSocket(wsUrl(a.url), { headers: { Origin: "https://evil.example" } }),
    ).rejects.toThrow("handshake refused: 403");
  });

  it("a socket that leaves mid-reply releases its Redis reader on the instance", async () => {
    const a = await instance("a");
    const probe = redisClient(redis().url);
    await probe.connect();
    const clients = async () => Number(/connected_clients:(\d+)/.exec(await probe.info("clients"))?.[1]);
    const before = await clients();
    const client = await socket(a.url);
    client.send({ type: "start", prompt: PROMPT });
    await client.waitFor((messages) => seqsOf(messages).length >= 3);
    expect(await clients()).toBe(before + 1); // the reader's blocking connection
    client.ws.terminate();
    await expect.poll(clients, { timeout: 10_000 }).toBe(before);
    probe.destroy();
  });
});
