// Anthropic Messages, streamed (docs.anthropic.com/en/api/messages-streaming):
// named events. message_start → per content block content_block_start /
// content_block_delta (text_delta, thinking_delta, input_json_delta) /
// content_block_stop → message_delta (stop_reason, cumulative output_tokens)
// → message_stop. `ping` may come anywhere; `error` may come mid-stream
// (overloaded_error); the docs reserve the right to add event types.
import type { Express } from "express";
import { countsAsToken, planSteps } from "./steps.ts";
import { type MockContext, openMockStream } from "./stream.ts";

interface Block {
  type: string;
  text?: string;
  content?: unknown;
}
interface MessageIn {
  role: string;
  content: string | Block[];
}

export function addAnthropicMock(app: Express, context: MockContext): void {
  app.post("/v1/messages", async (req, res) => {
    const messages = (req.body?.messages ?? []) as MessageIn[];
    const blocks = (m: MessageIn): Block[] =>
      typeof m.content === "string" ? [{ type: "text", text: m.content }] : m.content;
    const last = messages.at(-1);
    const result = last ? blocks(last).find((b) => b.type === "tool_result") : undefined;
    const conversation = {
      lastUser: blocks(
        messages.findLast((m) => m.role === "user" && blocks(m).some((b) => b.type === "text")) ?? {
          role: "user",
          content: "",
        },
      )
        .map((b) => b.text ?? "")
        .join(""),
      toolOutput: result ? JSON.parse(String(result.content)) : undefined,
      chars: JSON.stringify(messages).length,
    };
    const { send, signal, end } = openMockStream(res, context);
    const emit = (type: string, fields: object = {}) =>
      send({ event: type, data: JSON.stringify({ type, ...fields }) });
    const inputTokens = Math.ceil(conversation.chars / 4);
    let index = -1;
    let openType: string | undefined;
    let tokens = 0;
    let stopReason = "end_turn";
    const startBlock = async (block: { type: string; [field: string]: unknown }) => {
      if (openType) await emit("content_block_stop", { index });
      openType = block.type;
      await emit("content_block_start", { index: ++index, content_block: block });
    };
    try {
      await emit("message_start", {
        message: {
          id: "msg_mock",
          type: "message",
          role: "assistant",
          content: [],
          model: context.llm.model,
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: 1 },
        },
      });
      for await (const step of planSteps(context.llm, conversation, signal)) {
        if (countsAsToken(step)) tokens++;
        if (tokens % 7 === 3) await emit("ping"); // "at random points": a parser must skip it
        if (step.kind === "unknown")
          await emit("future_event", { note: "clients must ignore event types they do not know" });
        else if (step.kind === "reasoning") {
          if (openType !== "thinking") await startBlock({ type: "thinking", thinking: "", signature: "" });
          await emit("content_block_delta", {
            index,
            delta: { type: "thinking_delta", thinking: step.delta },
          });
        } else if (step.kind === "text") {
          if (openType !== "text") await startBlock({ type: "text", text: "" });
          await emit("content_block_delta", { index, delta: { type: "text_delta", text: step.delta } });
        } else if (step.kind === "tool-start") {
          await startBlock({ type: "tool_use", id: step.id, name: step.name, input: {} });
          stopReason = "tool_use";
        } else if (step.kind === "tool-args")
          await emit("content_block_delta", {
            index,
            delta: { type: "input_json_delta", partial_json: step.delta },
          });
        else if (step.kind === "fail") {
          await emit("error", { error: { type: "overloaded_error", message: step.message } });
          return end();
        }
      }
    } catch {
      return; // the client left
    }
    if (openType) await emit("content_block_stop", { index });
    await emit("message_delta", {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: tokens }, // cumulative: the total so far, not an increment
    });
    await emit("message_stop");
    end();
  });
}
