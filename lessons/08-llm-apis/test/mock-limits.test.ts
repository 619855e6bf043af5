// The mock providers share the lesson's port, so anyone who reaches the BFF reaches them:
// their streams are bounded like every other stream here (a provider caps a key the same way).
import { createMockLlm } from "@workshop/mock-llm";
import { apiErrorOf, getJson, postJson, startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server/app.ts";
import { MAX_MOCK_STREAMS } from "../src/server/mock/index.ts";

const llm = createMockLlm({ timing: "instant" });
let lesson: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createServer>>>>;
beforeAll(async () => {
  lesson = await startLesson(createServer({ llm, env: {} }));
});
afterAll(() => lesson?.close());

const generating = async () => (await getJson<{ running: number }>(`${lesson.url}/api/health`)).running;

describe("the mock providers' own routes", () => {
  it(`hold at most ${MAX_MOCK_STREAMS} streams at once: one more is a 429, and a stream that ends makes room`, async () => {
    llm.hold(1); // every reply waits after its first token: the streams stay open
    const controllers: AbortController[] = [];
    const open = () => {
      const controller = new AbortController();
      controllers.push(controller);
      return postJson(
        `${lesson.url}/v1/chat/completions`,
        { model: "mock", stream: true, messages: [{ role: "user", content: "hi" }] },
        { signal: controller.signal, headers: { "Content-Type": "application/json" } },
      );
    };
    try {
      const statuses = await Promise.all(Array.from({ length: MAX_MOCK_STREAMS }, open));
      expect(new Set(statuses.map((response) => response.status))).toEqual(new Set([200]));
      expect(await apiErrorOf(await open())).toEqual({ status: 429, code: "rate_limited" });
      controllers[0]?.abort();
      while ((await generating()) >= MAX_MOCK_STREAMS); // the server saw the hang-up
      expect((await open()).status).toBe(200);
    } finally {
      for (const controller of controllers) controller.abort();
      llm.release();
    }
  });
});
