// The mock LLM served as an upstream provider, in-process but over real HTTP:
// POST /v1/chat/completions (stream true or false) and GET /v1/models in the
// OpenAI format, which the official `openai` SDK reads unchanged; and
// POST /mock/dashscope in DashScope's native format, for the adapter lesson.
import { randomUUID } from "node:crypto";
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { encodeEvent } from "@workshop/protocol";
import { HttpError } from "@workshop/server-kit";
import type { Express } from "express";
import { z } from "zod";
import { createChunkWriter } from "./chunks.ts";

/** What a provider accepts: unlike /api/chat, a system message is fine here. */
const UpstreamMessages = z
  .array(
    z.object({
      role: z.enum(["system", "user", "assistant"]),
      content: z.string().max(100_000),
    }),
  )
  .min(1)
  .max(200);

function readChat(messages: unknown): z.infer<typeof UpstreamMessages> {
  const parsed = UpstreamMessages.safeParse(messages);
  if (!parsed.success)
    throw new HttpError(400, "invalid_request_error", parsed.error.issues[0]?.message ?? "invalid");
  return parsed.data;
}

/**
 * `models`: more model names this upstream answers to, each a mock of its own (its own speed),
 * as a real provider serves several models; any other name gets `llm`.
 */
export function addMockUpstream(app: Express, llm: MockLlm, models: Record<string, MockLlm> = {}): void {
  app.get("/v1/models", (_req, res) => {
    res.json({
      object: "list",
      data: [{ id: llm.model, object: "model", created: 0, owned_by: "workshop" }],
    });
  });

  app.post("/v1/chat/completions", async (req, res) => {
    const messages = readChat(req.body?.messages);
    const model = models[String(req.body?.model)] ?? llm;
    const controller = new AbortController();
    res.on("close", () => controller.abort()); // the BFF hung up: stop generating
    const tokens = model.generate(messages, { signal: controller.signal });

    if (req.body?.stream !== true) {
      let content = "";
      try {
        for await (const token of tokens) content += token;
      } catch {
        return;
      }
      const completion = llm.replyTokens(messages).length;
      res.json({
        id: `chatcmpl-${randomUUID()}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: llm.model,
        choices: [
          { index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null },
        ],
        usage: { prompt_tokens: 0, completion_tokens: completion, total_tokens: completion },
      });
      return;
    }

    const stream = openEventStream(res, { heartbeatMs: 0 });
    const writer = createChunkWriter(llm.model);
    try {
      for await (const token of tokens) await stream.send(writer.content(token));
    } catch {
      return; // aborted
    }
    await stream.send(writer.finish());
    stream.end();
  });

  app.post("/mock/dashscope", async (req, res) => {
    const messages = readChat(req.body?.input?.messages);
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const stream = openEventStream(res, { heartbeatMs: 0 });
    let text = "";
    let id = 0;
    const result = (finish: string) =>
      encodeEvent({
        id: String(++id),
        event: "result",
        data: JSON.stringify({ output: { finish_reason: finish, text }, request_id: "mock" }),
      });
    try {
      for await (const token of llm.generate(messages, { signal: controller.signal })) {
        text += token; // the whole answer so far, every time
        await stream.send(result("null"));
      }
    } catch {
      return;
    }
    await stream.send(result("stop"));
    stream.end();
  });
}
