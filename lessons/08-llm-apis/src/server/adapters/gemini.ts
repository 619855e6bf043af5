// Gemini: every event is a whole GenerateContentResponse; read the parts of
// the first candidate. Thoughts are parts marked `thought: true`; a function
// call is one part with parsed `args` (no fragments); the stream has no end
// marker, so the last event's finishReason is how you know it ended well.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent } from "../../protocol.ts";
import { type ProviderAdapter, parseJson, type Turn } from "./adapter.ts";

interface GeminiEvent {
  candidates?: {
    content?: {
      parts?: { text?: string; thought?: boolean; functionCall?: { name: string; args?: unknown } }[];
    };
    finishReason?: string;
  }[];
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number };
  error?: { status?: string; message?: string };
}

const toContents = (turns: readonly Turn[]) =>
  turns.flatMap((turn): object[] =>
    turn.role === "tool"
      ? [
          { role: "model", parts: [{ functionCall: { name: turn.name, args: turn.input } }] },
          {
            role: "user",
            parts: [{ functionResponse: { name: turn.name, response: { output: turn.output } } }],
          },
        ]
      : [{ role: turn.role === "assistant" ? "model" : "user", parts: [{ text: turn.content }] }],
  );

export const gemini: ProviderAdapter = {
  request: ({ model, system, turns, tools }, apiKey) => ({
    path: `/v1beta/models/${encodeURIComponent(model)}:streamGenerateContent?alt=sse`,
    body: {
      systemInstruction: { parts: [{ text: system }] },
      contents: toContents(turns),
      tools: [{ functionDeclarations: tools }],
    },
    headers: { "x-goog-api-key": apiKey },
  }),

  // #region gemini-events
  async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
    let finish: string | undefined;
    let calls = 0;
    for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
      const data = parseJson<GeminiEvent>(event.data, "gemini response");
      if (data.error)
        return yield {
          type: "error",
          code: data.error.status ?? "upstream_failed",
          message: data.error.message ?? "",
        };
      const candidate = data.candidates?.[0];
      for (const part of candidate?.content?.parts ?? []) {
        if (part.functionCall) {
          const id = `${part.functionCall.name}_${++calls}`; // Gemini gives no call id: make one
          const args = JSON.stringify(part.functionCall.args ?? {});
          yield { type: "tool-call-start", id, name: part.functionCall.name };
          yield { type: "tool-call-delta", id, delta: args }; // whole, in one piece
          yield {
            type: "tool-call-end",
            id,
            name: part.functionCall.name,
            input: part.functionCall.args ?? {},
          };
        } else if (part.text) yield { type: part.thought ? "reasoning" : "text", delta: part.text };
      }
      if (candidate?.finishReason) {
        finish = candidate.finishReason;
        const usage = data.usageMetadata;
        const output = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
        yield { type: "usage", inputTokens: usage?.promptTokenCount ?? 0, outputTokens: output };
      }
    }
    if (!finish) throw new Error("the stream ended without a finishReason: cut short");
    yield { type: "finish", reason: calls > 0 ? "tool_calls" : finish };
  },
  // #endregion
};
