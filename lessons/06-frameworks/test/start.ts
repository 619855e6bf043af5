// Test helpers: lesson 06's server on 127.0.0.1:0 with a mock LLM the test controls.
import { createMockLlm, type MockLlmOptions, steadyTiming } from "@workshop/mock-llm";
import { getJson, startLesson as startLessonServer } from "@workshop/testkit";
import { createServer, type FrameworksServerOptions } from "../src/server/app.ts";

export function startLesson(options: FrameworksServerOptions & { timing?: MockLlmOptions["timing"] } = {}) {
  const llm = options.llm ?? createMockLlm({ timing: options.timing ?? "instant" });
  return startLessonServer(createServer({ log: () => {}, ...options, llm }));
}

/** Generations in progress, as GET /api/health reports them. */
export const running = async (url: string) =>
  (await getJson<{ running: number }>(`${url}/api/health`)).running;

/** A reply of `n` one-word tokens: "echo: " makes the mock say it back. */
export const echoWords = (n: number) =>
  `echo: ${Array.from({ length: n }, (_, i) => `w${i % 10}`).join(" ")}`;

/** Faster than the screen (several tokens a frame), each token its own network chunk. */
export const FAST = steadyTiming(1);

/**
 * A stand-in BFF whose answer the test writes one event at a time (`send`), then ends (`end`):
 * the test decides what each network read carries, whatever the machine's speed.
 */
export async function steppedBff() {
  const { createServer } = await import("node:http");
  const { deferred, startServer } = await import("@workshop/testkit");
  let answer = deferred<import("node:http").ServerResponse>();
  const server = createServer((req, res) => {
    if (req.method !== "POST") return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    answer.resolve(res);
  });
  const running = await startServer(server);
  const event = (content: string) =>
    `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
  return {
    ...running,
    /** One token, in a write of its own. */
    async send(content: string) {
      (await answer.promise).write(event(content));
    },
    async end() {
      (await answer.promise).end("data: [DONE]\n\n");
      answer = deferred();
    },
  };
}
