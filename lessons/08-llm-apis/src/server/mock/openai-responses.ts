// OpenAI Responses API, streamed (platform.openai.com/docs/api-reference/responses-streaming):
// named, typed events (`event: response.output_text.delta` with the same
// `type` in the JSON), each with a `sequence_number`. Output is a list of
// items (reasoning, message, function_call), each opened and closed by its
// own events; usage arrives inside `response.completed`. No `[DONE]`: the
// stream ends after `response.completed` (or `response.failed`, or `error`).
import type { Express } from "express";
import { countsAsToken, planSteps } from "./steps.ts";
import { type MockContext, openMockStream } from "./stream.ts";

interface InputItem {
  type?: string;
  role?: string;
  content?: string | { type: string; text?: string }[];
  output?: string;
}

const textOf = (item: InputItem) =>
  typeof item.content === "string" ? item.content : (item.content ?? []).map((c) => c.text ?? "").join("");

export function addOpenAiResponsesMock(app: Express, context: MockContext): void {
  app.post("/v1/responses", async (req, res) => {
    const input: InputItem[] =
      typeof req.body?.input === "string"
        ? [{ role: "user", content: req.body.input }]
        : (req.body?.input ?? []);
    const result = input.findLast((item) => item.type === "function_call_output");
    const conversation = {
      lastUser: textOf(input.findLast((item) => item.role === "user") ?? {}),
      toolOutput: result ? JSON.parse(result.output ?? "null") : undefined,
      chars: JSON.stringify(input).length,
    };
    const { send, signal, end } = openMockStream(req, res, context);
    let sequence = 0;
    const emit = (type: string, fields: object) =>
      send({ event: type, data: JSON.stringify({ type, sequence_number: sequence++, ...fields }) });
    const response = (status: string, extra: object = {}) => ({
      id: "resp_mock",
      object: "response",
      created_at: Math.floor(Date.now() / 1000),
      model: context.llm.model,
      status,
      output: [] as object[],
      ...extra,
    });
    // The item being written now; closed when another kind of step begins.
    let open:
      | { index: number; item: Record<string, unknown>; text: string; close: () => Promise<void> }
      | undefined;
    const output: object[] = [];
    let tokens = 0;
    const closeOpen = async () => {
      await open?.close();
      open = undefined;
    };
    const openItem = async (item: Record<string, unknown>, close: (text: string) => Promise<object>) => {
      await closeOpen();
      const index = output.length;
      output.push(item);
      await emit("response.output_item.added", { output_index: index, item });
      const current = {
        index,
        item,
        text: "",
        close: async () => {
          const done = await close(current.text);
          output[index] = done;
          await emit("response.output_item.done", { output_index: index, item: done });
        },
      };
      open = current;
      return current;
    };

    try {
      await emit("response.created", { response: response("in_progress") });
      await emit("response.in_progress", { response: response("in_progress") });
      for await (const step of planSteps(context.llm, conversation, signal)) {
        if (countsAsToken(step)) tokens++;
        if (step.kind === "unknown") {
          await emit("response.future_feature.delta", {
            delta: "clients must ignore event types they do not know",
          });
        } else if (step.kind === "reasoning") {
          if (open?.item.type !== "reasoning") {
            const item = { id: "rs_mock", type: "reasoning", summary: [] };
            const opened = await openItem(item, async (text) => {
              await emit("response.reasoning_summary_text.done", {
                item_id: "rs_mock",
                output_index: opened.index,
                summary_index: 0,
                text,
              });
              return { ...item, summary: [{ type: "summary_text", text }] };
            });
            await emit("response.reasoning_summary_part.added", {
              item_id: "rs_mock",
              output_index: opened.index,
              summary_index: 0,
              part: { type: "summary_text", text: "" },
            });
          }
          const current = open as NonNullable<typeof open>;
          current.text += step.delta;
          await emit("response.reasoning_summary_text.delta", {
            item_id: "rs_mock",
            output_index: current.index,
            summary_index: 0,
            delta: step.delta,
          });
        } else if (step.kind === "text") {
          if (open?.item.type !== "message") {
            const item = {
              id: "msg_mock",
              type: "message",
              role: "assistant",
              status: "in_progress",
              content: [],
            };
            const opened = await openItem(item, async (text) => {
              const part = { type: "output_text", text, annotations: [] };
              await emit("response.output_text.done", {
                item_id: "msg_mock",
                output_index: opened.index,
                content_index: 0,
                text,
              });
              await emit("response.content_part.done", {
                item_id: "msg_mock",
                output_index: opened.index,
                content_index: 0,
                part,
              });
              return { ...item, status: "completed", content: [part] };
            });
            await emit("response.content_part.added", {
              item_id: "msg_mock",
              output_index: opened.index,
              content_index: 0,
              part: { type: "output_text", text: "", annotations: [] },
            });
          }
          const current = open as NonNullable<typeof open>;
          current.text += step.delta;
          await emit("response.output_text.delta", {
            item_id: "msg_mock",
            output_index: current.index,
            content_index: 0,
            delta: step.delta,
            logprobs: [],
          });
        } else if (step.kind === "tool-start") {
          const item = {
            id: "fc_mock",
            type: "function_call",
            call_id: step.id,
            name: step.name,
            arguments: "",
            status: "in_progress",
          };
          const opened = await openItem(item, async (text) => {
            await emit("response.function_call_arguments.done", {
              item_id: "fc_mock",
              output_index: opened.index,
              arguments: text,
            });
            return { ...item, arguments: text, status: "completed" };
          });
        } else if (step.kind === "tool-args") {
          const current = open as NonNullable<typeof open>;
          current.text += step.delta;
          await emit("response.function_call_arguments.delta", {
            item_id: "fc_mock",
            output_index: current.index,
            delta: step.delta,
          });
        } else if (step.kind === "fail") {
          await emit("response.failed", {
            response: response("failed", { error: { code: "server_error", message: step.message } }),
          });
          return end();
        }
      }
      await closeOpen();
    } catch {
      return; // the client left
    }
    const inputTokens = Math.ceil(conversation.chars / 4);
    await emit("response.completed", {
      response: response("completed", {
        output,
        usage: { input_tokens: inputTokens, output_tokens: tokens, total_tokens: inputTokens + tokens },
      }),
    });
    end();
  });
}
