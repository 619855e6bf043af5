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

type Item = Record<string, unknown> & { id: string };
type Events = [type: string, fields: object][];

/**
 * The three kinds of output item, each: its shape when added, the part it
 * opens (if any), the event its deltas travel in, and how it closes.
 */
const KINDS = {
  reasoning: {
    opens: [
      [
        "response.reasoning_summary_part.added",
        { summary_index: 0, part: { type: "summary_text", text: "" } },
      ],
    ],
    delta: ["response.reasoning_summary_text.delta", { summary_index: 0 }],
    closes: (text: string): Events => [["response.reasoning_summary_text.done", { summary_index: 0, text }]],
    done: (item: Item, text: string) => ({ ...item, summary: [{ type: "summary_text", text }] }),
  },
  message: {
    opens: [
      [
        "response.content_part.added",
        { content_index: 0, part: { type: "output_text", text: "", annotations: [] } },
      ],
    ],
    delta: ["response.output_text.delta", { content_index: 0, logprobs: [] }],
    closes: (text: string): Events => [
      ["response.output_text.done", { content_index: 0, text }],
      [
        "response.content_part.done",
        { content_index: 0, part: { type: "output_text", text, annotations: [] } },
      ],
    ],
    done: (item: Item, text: string) => ({
      ...item,
      status: "completed",
      content: [{ type: "output_text", text, annotations: [] }],
    }),
  },
  function_call: {
    opens: [],
    delta: ["response.function_call_arguments.delta", {}],
    closes: (text: string): Events => [["response.function_call_arguments.done", { arguments: text }]],
    done: (item: Item, text: string) => ({ ...item, arguments: text, status: "completed" }),
  },
} satisfies Record<string, { opens: Events; delta: [string, object]; closes: unknown; done: unknown }>;
type Kind = keyof typeof KINDS;

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
    const { send, signal, end } = openMockStream(res, context);
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

    const output: object[] = [];
    /** The item being written; closed when another one begins. */
    let open: { kind: Kind; index: number; item: Item; text: string } | undefined;
    const close = async () => {
      if (!open) return;
      const { kind, index, item, text } = open;
      open = undefined;
      for (const [type, fields] of KINDS[kind].closes(text))
        await emit(type, { item_id: item.id, output_index: index, ...fields });
      output[index] = KINDS[kind].done(item, text);
      await emit("response.output_item.done", { output_index: index, item: output[index] });
    };
    const start = async (kind: Kind, item: Item) => {
      await close();
      const index = output.push(item) - 1;
      await emit("response.output_item.added", { output_index: index, item });
      for (const [type, fields] of KINDS[kind].opens)
        await emit(type, { item_id: item.id, output_index: index, ...fields });
      open = { kind, index, item, text: "" };
    };
    /** A piece of the open item's text (reasoning and messages open on their first piece). */
    const write = async (kind: Kind, delta: string, fresh: () => Item) => {
      if (open?.kind !== kind) await start(kind, fresh());
      const current = open as NonNullable<typeof open>;
      current.text += delta;
      const [type, fields] = KINDS[kind].delta;
      await emit(type, { item_id: current.item.id, output_index: current.index, ...fields, delta });
    };

    let tokens = 0;
    try {
      await emit("response.created", { response: response("in_progress") });
      await emit("response.in_progress", { response: response("in_progress") });
      for await (const step of planSteps(context.llm, conversation, signal)) {
        if (countsAsToken(step)) tokens++;
        if (step.kind === "unknown")
          await emit("response.future_feature.delta", {
            delta: "clients must ignore event types they do not know",
          });
        else if (step.kind === "reasoning")
          await write("reasoning", step.delta, () => ({ id: "rs_mock", type: "reasoning", summary: [] }));
        else if (step.kind === "text")
          await write("message", step.delta, () => ({
            id: "msg_mock",
            type: "message",
            role: "assistant",
            status: "in_progress",
            content: [],
          }));
        else if (step.kind === "tool-start")
          await start("function_call", {
            id: "fc_mock",
            type: "function_call",
            call_id: step.id,
            name: step.name,
            arguments: "",
            status: "in_progress",
          });
        else if (step.kind === "tool-args")
          await write("function_call", step.delta, () => ({ id: "fc_mock" }));
        else if (step.kind === "fail") {
          await emit("response.failed", {
            response: response("failed", { error: { code: "server_error", message: step.message } }),
          });
          return end();
        }
      }
      await close();
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
