// A provider's tool-call arguments are the one part of an answer the BFF must keep whole
// (to parse them and run the tool), so they are bounded, and arguments that are not JSON
// are named as such. Against a stand-in OpenAI upstream that misbehaves on purpose.
import { createServer as createHttpServer, type ServerResponse } from "node:http";
import { createMockLlm } from "@workshop/mock-llm";
import { deferred, startLesson, startServer } from "@workshop/testkit";
import { describe, expect, it } from "vitest";
import { ask, ofType } from "../src/compare/ask.ts";
import { createServer } from "../src/server/app.ts";
import { MAX_TOOL_ARGUMENT_CHARS } from "../src/server/tool-argument-budget.ts";

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const toolPiece = (args: string, first = false) =>
  chunk({
    tool_calls: [
      {
        index: 0,
        ...(first
          ? { id: "call_1", function: { name: "get_weather", arguments: args } }
          : { function: { arguments: args } }),
      },
    ],
  });

/** The BFF, with openai-chat pointed at `answer` (a stand-in provider). */
async function withProvider(answer: (res: ServerResponse) => Promise<void> | void) {
  const hungUp = deferred<void>();
  const provider = await startServer(
    createHttpServer((req, res) => {
      res.once("close", () => hungUp.resolve());
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      void answer(res);
      req.resume();
    }),
  );
  const bff = await startLesson(
    createServer({ llm: createMockLlm(), env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: provider.url } }),
  );
  return {
    bff,
    hungUp: hungUp.promise,
    async close() {
      await bff.close();
      await provider.close();
    },
  };
}

describe("tool-call arguments from the provider", () => {
  it("that grow without end are cut at the bound: the page gets no more of them than that, and the provider is hung up on", async () => {
    const piece = "x".repeat(32 * 1024); // each event well under the 1 MiB event bound
    const stand = await withProvider(async (res) => {
      res.write(toolPiece('{"city":"', true));
      // Up to 200 pieces (6.4 MB); the BFF should leave long before the end.
      for (let i = 0; i < 200 && !res.destroyed; i++)
        if (!res.write(toolPiece(piece))) await new Promise((resolve) => res.once("drain", resolve));
      if (!res.destroyed) res.end(`${chunk({}, "tool_calls")}data: [DONE]\n\n`);
    });
    try {
      const events = await ask(stand.bff.url, "openai-chat", "weather?");
      const forwarded = ofType(events, "tool-call-delta").reduce((sum, e) => sum + e.delta.length, 0);
      expect(forwarded).toBeLessThanOrEqual(MAX_TOOL_ARGUMENT_CHARS);
      expect(events.at(-1)).toMatchObject({ type: "error", code: "tool_arguments_too_long" });
      await stand.hungUp;
    } finally {
      await stand.close();
    }
  });

  it("that are not JSON end the answer with bad_tool_arguments, not as a broken stream", async () => {
    const stand = await withProvider((res) => {
      res.end(`${toolPiece("{not json", true)}${chunk({}, "tool_calls")}data: [DONE]\n\n`);
    });
    try {
      const events = await ask(stand.bff.url, "openai-chat", "weather?");
      expect(events.at(-1)).toMatchObject({ type: "error", code: "bad_tool_arguments" });
    } finally {
      await stand.close();
    }
  });
});
