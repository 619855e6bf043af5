// The doctor on fetch() streams (a POST, sent once, never re-sent) and on the
// OpenAI chunk format: lesson 04's BFF and its mock upstream, lesson 08's BFF and
// its mock of OpenAI's API (which sends usage when asked), and broken fixtures.
import { createServer as createChatServer } from "@workshop/04-llm-chat/server/app.ts";
import { createServer as createApisServer } from "@workshop/08-llm-apis/server/app.ts";
import { startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixtures, pacedLlm, startFixtures } from "./fixtures.ts";
import { post, runDoctor } from "./run-doctor.ts";

const ASK = {
  messages: [{ role: "user", content: "echo: one two three four five six seven eight nine ten" }],
};
// Each token after the first is made once the doctor has read again: an answer streams over many reads.
const paced = pacedLlm();
const reading = { onRead: () => paced.release() };
let chat: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createChatServer>>>>;
let apis: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createApisServer>>>>;
let fixtures: Fixtures;
beforeAll(async () => {
  [chat, apis, fixtures] = await Promise.all([
    startLesson(createChatServer({ llm: paced.llm, log: () => {} })),
    startLesson(createApisServer({ llm: paced.llm, env: {} })), // env: {}: never a real key
    startFixtures(),
  ]);
});
afterAll(async () => {
  await Promise.all([chat?.close(), apis?.close(), fixtures?.close()]);
});

describe("lesson 04's chat BFF, POST /api/chat", () => {
  it("streams the answer, ends with [DONE] and speaks the OpenAI chunk format; nothing is re-sent to test a resume", async () => {
    const run = await runDoctor(`${chat.url}/api/chat`, { ...post(ASK), ...reading, format: "openai" });
    expect(run.diagnosis.mode).toBe("fetch-stream");
    expect(run.check("status")).toMatchObject({ status: "pass" });
    expect(run.check("delivery")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^streamed/),
    });
    expect(run.check("resume")).toMatchObject({ status: "skip" });
    expect(run.check("end")).toMatchObject({
      status: "pass",
      summary: expect.stringContaining("data: [DONE]"),
    });
    expect(run.check("openai")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/finish_reason "stop", no usage/),
    });
    expect(run.diagnosis.checks.filter((c) => c.status === "fail" || c.status === "warn")).toEqual([]);
  });
});

describe("OpenAI-compatible upstreams, --format openai", () => {
  it("passes lesson 04's mock upstream, which sends no usage when none is asked for", async () => {
    const run = await runDoctor(`${chat.url}/v1/chat/completions`, {
      ...post({ ...ASK, model: "mock", stream: true }),
      ...reading,
      format: "openai",
    });
    expect(run.check("openai")).toMatchObject({ status: "pass" });
  });

  it("passes lesson 08's mock of OpenAI, with usage in the last chunk when asked for", async () => {
    const run = await runDoctor(`${apis.url}/v1/chat/completions`, {
      ...post({ ...ASK, model: "mock", stream: true, stream_options: { include_usage: true } }),
      ...reading,
      format: "openai",
    });
    expect(run.check("openai")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/usage last \(\d+ tokens\)/),
    });
  });

  it("fails a chunk stream that never sends [DONE], and one whose usage comes before the finish", async () => {
    const noDone = await runDoctor(`${fixtures.url}/openai-broken?fault=no-done`, {
      ...post(ASK),
      format: "openai",
    });
    expect(noDone.check("openai")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^no data: \[DONE\]/),
    });
    const usageFirst = await runDoctor(`${fixtures.url}/openai-broken?fault=usage-first`, {
      ...post(ASK),
      format: "openai",
    });
    expect(usageFirst.check("openai")).toMatchObject({
      status: "fail",
      summary: "usage in chunk 2 of 3: clients read it from the last chunk",
    });
  });
});

describe("other fetch() streams", () => {
  it("reads lesson 08's own event stream (provider openai-chat) through to its finish event", async () => {
    const run = await runDoctor(`${apis.url}/api/chat`, {
      ...post({ provider: "openai-chat", ...ASK }),
      ...reading,
    });
    expect(run.check("delivery")).toMatchObject({ status: "pass" });
    expect(run.check("end")).toMatchObject({
      status: "pass",
      summary: expect.stringContaining('type "finish"'),
    });
  });

  it("accepts NDJSON for a fetch() stream, and warns on a stream that stops without a final event", async () => {
    const ndjson = await runDoctor(`${fixtures.url}/ndjson`, post(ASK));
    expect(ndjson.check("content-type")).toMatchObject({
      status: "pass",
      summary: "application/x-ndjson: fetch() reads any type",
    });
    expect(ndjson.check("framing")).toMatchObject({ status: "skip" });
    const unfinished = await runDoctor(`${fixtures.url}/no-final-event`, post(ASK));
    expect(unfinished.check("end")).toMatchObject({
      status: "warn",
      hint: expect.stringMatching(/^lesson 04: end with a final event/),
    });
    expect(fixtures.seen.get("/no-final-event")?.count).toBe(1); // a POST is sent once, never re-sent
  });
});
