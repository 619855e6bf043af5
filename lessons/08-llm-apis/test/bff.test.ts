// Lesson 08's BFF over real sockets: five providers' wire formats (served by
// the lesson's mocks), one typed stream out.

import { createServer as createHttpServer } from "node:http";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { apiErrorOf, deferred, postJson, startLesson, startServer } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, ofType, textOf } from "../src/compare/ask.ts";
import { PROMPTS, PROVIDERS, type Provider } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";

const llm = createMockLlm({ timing: steadyTiming(1) });
const WITH_TOOLS = PROVIDERS.filter((p) => p !== "dashscope"); // the lesson's DashScope path is text only
let lesson: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createServer>>>>;

beforeAll(async () => {
  lesson = await startLesson(createServer({ llm, env: {} })); // env: {}: never a real key in a test
});
afterAll(() => lesson?.close());

describe("lesson 08's one stream, from five wire formats", () => {
  it.each(PROVIDERS)("%s: the answer arrives as text events, exactly, then finish", async (provider) => {
    const events = await ask(lesson.url, provider, "why stream?");
    expect(textOf(events)).toBe(llm.replyTokens("why stream?").join(""));
    expect(events.at(-1)?.type).toBe("finish");
  });

  it.each(WITH_TOOLS)(
    "%s: tool arguments stream in pieces, the server runs the tool, and the model answers with its result",
    async (provider) => {
      const events = await ask(lesson.url, provider, PROMPTS.tool);
      const [start] = ofType(events, "tool-call-start");
      expect(start?.name).toBe("get_weather");
      const pieces = ofType(events, "tool-call-delta").map((e) => e.delta);
      expect(JSON.parse(pieces.join(""))).toEqual({ city: "Hangzhou" }); // the pieces are the arguments
      if (provider !== "gemini") expect(pieces.length).toBeGreaterThan(3); // Gemini sends a call whole
      expect(ofType(events, "tool-call-end")[0]?.input).toEqual({ city: "Hangzhou" });
      expect(ofType(events, "tool-result")[0]?.output).toMatchObject({
        city: "Hangzhou",
        condition: "light rain",
      });
      expect(textOf(events)).toContain("light rain"); // the second call read the result
      expect(events.at(-1)?.type).toBe("finish");
    },
  );

  it("a question in Chinese (杭州天气怎么样？) calls the same tool, with the city the tool knows", async () => {
    const events = await ask(lesson.url, "openai-chat", "杭州天气怎么样？");
    expect(ofType(events, "tool-call-end")[0]?.input).toEqual({ city: "Hangzhou" });
    expect(textOf(events)).toContain("light rain");
  });

  it.each(WITH_TOOLS)("%s: reasoning arrives as its own events, before the answer", async (provider) => {
    const events = await ask(lesson.url, provider, PROMPTS.reasoning);
    expect(textOf(events, "reasoning")).toMatch(/^The user asks why/);
    const firstText = events.findIndex((e) => e.type === "text");
    expect(events.findLastIndex((e) => e.type === "reasoning")).toBeLessThan(firstText);
  });

  it.each(WITH_TOOLS)(
    "%s: an error mid-stream becomes an error event with a code, never the provider's text",
    async (provider) => {
      const events = await ask(lesson.url, provider, PROMPTS.error);
      const [error] = ofType(events, "error");
      expect(error?.code).toMatch(/^[a-z_A-Z]+$/);
      expect(error?.message).not.toContain("Overloaded"); // the provider's own words stay on the server
      expect(ofType(events, "usage")).toEqual([]);
    },
  );

  it.each(["anthropic", "openai-responses"] as Provider[])(
    "%s: an event type the adapter has never seen is ignored",
    async (provider) => {
      const events = await ask(lesson.url, provider, PROMPTS.unknownEvent);
      expect(ofType(events, "wire").some((e) => /future/.test(e.event))).toBe(true); // it was on the wire
      expect(textOf(events)).toBe(llm.replyTokens("why stream?").join(""));
      expect(ofType(events, "error")).toEqual([]);
    },
  );

  it.each(WITH_TOOLS)(
    "%s: usage only comes at the end, so a stream stopped early never has it",
    async (provider) => {
      const full = await ask(lesson.url, provider, "why stream?");
      expect(ofType(full, "usage").at(-1)?.outputTokens).toBeGreaterThan(0);
      const stopped = await ask(lesson.url, provider, "why stream?", {
        stopAfter: (events) => ofType(events, "text").length === 3,
      });
      expect(ofType(stopped, "usage")).toEqual([]);
      // Stop reached the provider: the mock stopped generating (and would have stopped billing).
      await expect.poll(() => lesson.running.count, { timeout: 2000 }).toBe(0);
    },
  );
});

describe("what the page may see", () => {
  it("the raw wire is shown for the mock, never for a real provider", async () => {
    // A second server whose "real" OpenAI is the first one's mock: a key in the environment.
    const real = await startLesson(
      createServer({ llm, env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${lesson.url}/v1` } }),
    );
    try {
      const fromReal = await ask(real.url, "openai-chat", "why stream?");
      expect(textOf(fromReal)).toBe(llm.replyTokens("why stream?").join(""));
      expect(ofType(fromReal, "wire")).toEqual([]);
      expect(ofType(await ask(lesson.url, "openai-chat", "why stream?"), "wire").length).toBeGreaterThan(0);
    } finally {
      await real.close();
    }
  });

  it("a provider that goes silent mid-answer gets an error event after the idle timeout, and its request is closed", async () => {
    const closed = deferred<void>();
    const silent = await startServer(
      createHttpServer((req, res) => {
        req.on("close", () => closed.resolve());
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "Hel" } }] })}\n\n`);
        // …and then nothing, for ever
      }),
    );
    const bff = await startLesson(
      createServer({
        llm,
        env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: silent.url },
        idleTimeoutMs: 200,
      }),
    );
    try {
      const events = await ask(bff.url, "openai-chat", "why stream?");
      expect(textOf(events)).toBe("Hel");
      expect(events.at(-1)).toMatchObject({ type: "error", code: "upstream_timeout" });
      await closed.promise; // the BFF hung up on the provider
    } finally {
      await bff.close();
      await silent.close();
    }
  });

  it("a provider stream cut mid-answer, by a reset or by a clean close, ends in an error event, never in finish: every format", async () => {
    // A stand-in for the network between the BFF and the provider: it forwards to the
    // lesson's mock, keeps the answer's first three events, then resets or ends cleanly
    // (a complete chunked body, as a proxy timing out does). Only the format's own end
    // marker tells a cut answer from a finished one.
    let ending: "reset" | "clean close" = "reset";
    const cutter = await startServer(
      createHttpServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        // The provider's headers (key, format switches), without those of this hop.
        const { host: _host, connection: _connection, "content-length": _length, ...headers } = req.headers;
        const upstream = await fetch(`${lesson.url}${req.url}`, {
          method: req.method,
          headers: headers as Record<string, string>,
          body: Buffer.concat(chunks),
        });
        const events = (await upstream.text()).split(/(?<=\n\n)/);
        res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "" });
        res.write(events.slice(0, 3).join(""));
        if (ending === "clean close") res.end();
        else setImmediate(() => res.destroy());
      }),
    );
    const bff = await startLesson(
      createServer({
        llm,
        env: {
          OPENAI_API_KEY: "k",
          OPENAI_BASE_URL: `${cutter.url}/v1`,
          ANTHROPIC_API_KEY: "k",
          ANTHROPIC_BASE_URL: cutter.url,
          GEMINI_API_KEY: "k",
          GEMINI_BASE_URL: cutter.url,
          DASHSCOPE_API_KEY: "k",
          DASHSCOPE_BASE_URL: cutter.url,
        },
      }),
    );
    try {
      for (const provider of PROVIDERS) {
        for (ending of ["reset", "clean close"] as const) {
          const events = await ask(bff.url, provider, "why stream?");
          const what = `${provider}, ${ending}`;
          expect(ofType(events, "finish"), what).toEqual([]);
          expect(events.at(-1), what).toMatchObject({ type: "error" });
        }
      }
    } finally {
      await bff.close();
      await cutter.close();
    }
  });

  it("bad input gets a 400 with a JSON error, not a stream", async () => {
    const response = await postJson(`${lesson.url}/api/chat`, { provider: "nope", messages: [] });
    expect(response.status).toBe(400);
    expect((await apiErrorOf(response)).code).toBe("invalid_request");
  });
});
