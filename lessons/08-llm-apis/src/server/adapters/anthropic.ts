// Anthropic Messages: named events around content blocks. Tool input arrives
// as `input_json_delta.partial_json` pieces of one block; `ping` means
// nothing; `error` can arrive after a 200 (overloaded_error); output_tokens
// in message_delta is cumulative; unknown event types must be ignored.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent } from "../../protocol.ts";
import { type ProviderAdapter, parseJson, parseToolArguments, type Turn } from "./adapter.ts";

interface AnthropicEvent {
  type: string;
  index?: number;
  message?: { usage?: { input_tokens: number } };
  content_block?: { type: string; id?: string; name?: string };
  delta?: { type?: string; text?: string; thinking?: string; partial_json?: string; stop_reason?: string };
  usage?: { output_tokens: number };
  error?: { type: string; message: string };
}

const toMessages = (turns: readonly Turn[]) =>
  turns.flatMap((turn): object[] =>
    turn.role === "tool"
      ? [
          {
            role: "assistant",
            content: [{ type: "tool_use", id: turn.id, name: turn.name, input: turn.input }],
          },
          {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: turn.id, content: JSON.stringify(turn.output) }],
          },
        ]
      : [turn],
  );

export const anthropic: ProviderAdapter = {
  request: ({ model, system, turns, tools }, apiKey) => ({
    path: "/v1/messages",
    body: {
      model,
      stream: true,
      max_tokens: 1024,
      system,
      messages: toMessages(turns),
      tools: tools.map(({ name, description, parameters }) => ({
        name,
        description,
        input_schema: parameters,
      })),
    },
    headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01" },
  }),

  // #region anthropic-events
  async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
    const blocks = new Map<number, { id: string; name: string; json: string }>(); // tool_use blocks by index
    let inputTokens = 0;
    let stopReason = "end_turn";
    for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
      const data = parseJson<AnthropicEvent>(event.data, `anthropic ${event.type}`);
      if (event.type === "message_start") inputTokens = data.message?.usage?.input_tokens ?? 0;
      else if (event.type === "content_block_start" && data.content_block?.type === "tool_use") {
        const block = { id: data.content_block.id ?? "", name: data.content_block.name ?? "", json: "" };
        blocks.set(data.index ?? 0, block);
        yield { type: "tool-call-start", id: block.id, name: block.name };
      } else if (event.type === "content_block_delta") {
        const delta = data.delta;
        if (delta?.type === "text_delta") yield { type: "text", delta: delta.text ?? "" };
        else if (delta?.type === "thinking_delta") yield { type: "reasoning", delta: delta.thinking ?? "" };
        else if (delta?.type === "input_json_delta") {
          const block = blocks.get(data.index ?? 0);
          if (block) block.json += delta.partial_json ?? "";
          if (block) yield { type: "tool-call-delta", id: block.id, delta: delta.partial_json ?? "" };
        }
      } else if (event.type === "content_block_stop") {
        const block = blocks.get(data.index ?? 0);
        if (block)
          yield {
            type: "tool-call-end",
            id: block.id,
            name: block.name,
            input: parseToolArguments(block.json, block.name),
          };
      } else if (event.type === "message_delta") {
        stopReason = data.delta?.stop_reason ?? stopReason;
        yield { type: "usage", inputTokens, outputTokens: data.usage?.output_tokens ?? 0 }; // cumulative: replace, never add
      } else if (event.type === "message_stop") return yield { type: "finish", reason: stopReason };
      else if (event.type === "error")
        return yield {
          type: "error",
          code: data.error?.type ?? "upstream_failed",
          message: data.error?.message ?? "",
        };
      // ping, and event types added after this was written: nothing to do
    }
    throw new Error("the stream ended before message_stop: cut short");
  },
  // #endregion
};
