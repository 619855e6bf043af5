// Responses API: typed events named after what they carry. Read the `type`,
// ignore the ones you do not need (there are many, and more will come);
// usage is inside `response.completed`; the end is that event, not `[DONE]`.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent } from "../../protocol.ts";
import { type ProviderAdapter, parseJson, parseToolArguments, type Turn } from "./adapter.ts";

interface ResponsesEvent {
  type: string;
  delta?: string;
  arguments?: string;
  item?: { type: string; id: string; call_id?: string; name?: string };
  item_id?: string;
  response?: {
    status?: string;
    usage?: { input_tokens: number; output_tokens: number };
    error?: { code?: string; message?: string };
    output?: { type: string }[];
  };
  code?: string;
  message?: string;
}

const toInput = (turns: readonly Turn[]) =>
  turns.flatMap((turn): object[] =>
    turn.role === "tool"
      ? [
          { type: "function_call", call_id: turn.id, name: turn.name, arguments: JSON.stringify(turn.input) },
          { type: "function_call_output", call_id: turn.id, output: JSON.stringify(turn.output) },
        ]
      : [{ role: turn.role, content: turn.content }],
  );

export const openAiResponses: ProviderAdapter = {
  request: ({ model, system, turns, tools }, apiKey) => ({
    path: "/responses",
    body: {
      model,
      stream: true,
      instructions: system,
      input: toInput(turns),
      tools: tools.map((tool) => ({ type: "function", ...tool })),
    },
    headers: { Authorization: `Bearer ${apiKey}` },
  }),

  // #region openai-responses-events
  async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
    const calls = new Map<string, { id: string; name: string }>(); // item id → call
    for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
      const data = parseJson<ResponsesEvent>(event.data, "responses event");
      switch (data.type) {
        case "response.output_text.delta":
          yield { type: "text", delta: data.delta ?? "" };
          break;
        case "response.reasoning_summary_text.delta":
          yield { type: "reasoning", delta: data.delta ?? "" };
          break;
        case "response.output_item.added":
          if (data.item?.type === "function_call") {
            const call = { id: data.item.call_id ?? data.item.id, name: data.item.name ?? "" };
            calls.set(data.item.id, call);
            yield { type: "tool-call-start", ...call };
          }
          break;
        case "response.function_call_arguments.delta":
          yield {
            type: "tool-call-delta",
            id: calls.get(data.item_id ?? "")?.id ?? "",
            delta: data.delta ?? "",
          };
          break;
        case "response.function_call_arguments.done": {
          const call = calls.get(data.item_id ?? "");
          if (call)
            yield {
              type: "tool-call-end",
              ...call,
              input: parseToolArguments(data.arguments ?? "", call.name),
            };
          break;
        }
        // #region responses-completed
        case "response.completed": {
          const usage = data.response?.usage;
          if (usage)
            yield { type: "usage", inputTokens: usage.input_tokens, outputTokens: usage.output_tokens };
          const called = data.response?.output?.some((item) => item.type === "function_call");
          return yield { type: "finish", reason: called ? "tool_calls" : "stop" };
        }
        // #endregion
        case "response.failed":
        case "error": {
          const error = data.response?.error ?? data;
          return yield { type: "error", code: error.code ?? "upstream_failed", message: error.message ?? "" };
        }
        default: // response.created, .in_progress, content_part.*, and types added after this was written
      }
    }
    throw new Error("the stream ended before response.completed: cut short");
  },
  // #endregion
};
