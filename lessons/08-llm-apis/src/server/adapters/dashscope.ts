// DashScope (Qwen's native API): each event carries the WHOLE answer so far.
// Lesson 04's adapter turns it into deltas; imported, not copied. This
// lesson's DashScope path is text only: no tools, reasoning or usage here.
import { dashScopeAdapter } from "@workshop/04-llm-chat/server/adapters/dashscope.ts";
import type { ChatEvent } from "../../protocol.ts";
import type { ProviderAdapter } from "./adapter.ts";

export const dashscope: ProviderAdapter = {
  request: ({ model, system, turns }, apiKey) => ({
    path: "/api/v1/services/aigc/text-generation/generation",
    body: {
      model,
      input: {
        messages: [
          { role: "system", content: system },
          ...turns.flatMap((turn) => (turn.role === "tool" ? [] : [turn])),
        ],
      },
    },
    headers: { Authorization: `Bearer ${apiKey}`, "X-DashScope-SSE": "enable" },
  }),
  async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
    for await (const delta of dashScopeAdapter.deltas(body, maxEventChars)) yield { type: "text", delta };
    yield { type: "finish", reason: "stop" };
  },
};
