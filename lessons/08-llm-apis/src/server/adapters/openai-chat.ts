// Chat Completions: data-only chunks ending with `[DONE]`. Tool-call
// arguments arrive as string fragments keyed by `index` (the id and name
// come only in the first one): concatenate per index, parse at the end.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent } from "../../protocol.ts";
import { type ProviderAdapter, parseJson, parseToolArguments, type Turn } from "./adapter.ts";

interface Chunk {
  choices?: {
    delta?: {
      content?: string | null;
      reasoning_content?: string;
      tool_calls?: { index: number; id?: string; function?: { name?: string; arguments?: string } }[];
    };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number };
  error?: { message?: string };
}

const toMessages = (turns: readonly Turn[]) =>
  turns.flatMap((turn): object[] =>
    turn.role === "tool"
      ? [
          {
            role: "assistant",
            content: null,
            tool_calls: [
              {
                id: turn.id,
                type: "function",
                function: { name: turn.name, arguments: JSON.stringify(turn.input) },
              },
            ],
          },
          { role: "tool", tool_call_id: turn.id, content: JSON.stringify(turn.output) },
        ]
      : [turn],
  );

export const openAiChat: ProviderAdapter = {
  request: ({ model, system, turns, tools }, apiKey) => ({
    path: "/chat/completions", // after OPENAI_BASE_URL, which ends in /v1
    body: {
      model,
      stream: true,
      stream_options: { include_usage: true }, // without it, a stream carries no usage at all
      messages: [{ role: "system", content: system }, ...toMessages(turns)],
      tools: tools.map((tool) => ({ type: "function", function: tool })),
    },
    headers: { Authorization: `Bearer ${apiKey}` },
  }),

  // #region openai-chat-events
  async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
    const calls = new Map<number, { id: string; name: string; args: string }>();
    let finish: string | undefined;
    let done = false;
    for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
      if (event.data === "[DONE]") {
        done = true;
        break;
      }
      const chunk = parseJson<Chunk>(event.data, "openai-chat chunk");
      if (chunk.error)
        return yield { type: "error", code: "upstream_failed", message: chunk.error.message ?? "" };
      if (chunk.usage)
        yield {
          type: "usage",
          inputTokens: chunk.usage.prompt_tokens,
          outputTokens: chunk.usage.completion_tokens,
        };
      const choice = chunk.choices?.[0];
      const delta = choice?.delta;
      if (delta?.reasoning_content) yield { type: "reasoning", delta: delta.reasoning_content };
      if (delta?.content) yield { type: "text", delta: delta.content };
      // #region tool-call-pieces
      for (const piece of delta?.tool_calls ?? []) {
        let call = calls.get(piece.index);
        if (!call) {
          call = { id: piece.id ?? `call_${piece.index}`, name: piece.function?.name ?? "", args: "" };
          calls.set(piece.index, call);
          yield { type: "tool-call-start", id: call.id, name: call.name };
        }
        const fragment = piece.function?.arguments ?? "";
        call.args += fragment;
        if (fragment) yield { type: "tool-call-delta", id: call.id, delta: fragment };
      }
      // #endregion
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
    if (!done) throw new Error("the stream ended without [DONE]: cut short");
    for (const call of calls.values())
      yield {
        type: "tool-call-end",
        id: call.id,
        name: call.name,
        input: parseToolArguments(call.args, call.name),
      };
    yield { type: "finish", reason: finish ?? "unknown" };
  },
  // #endregion
};
