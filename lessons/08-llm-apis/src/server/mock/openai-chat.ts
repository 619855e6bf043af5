// OpenAI Chat Completions, streamed (platform.openai.com/docs/api-reference/chat-streaming):
// `data: {chat.completion.chunk}` lines, no event names; content in
// choices[0].delta.content; a tool call's arguments in delta.tool_calls[i]
// .function.arguments, in pieces, keyed by `index`; finish_reason on the
// last choice chunk; usage in one more chunk with `choices: []` (only when
// stream_options.include_usage is set); then the literal `data: [DONE]`.
// Reasoning goes in delta.reasoning_content, the field DeepSeek and Qwen use
// on this format (OpenAI's own models do not stream their reasoning here).
import type { Express } from "express";
import { countsAsToken, planSteps } from "./steps.ts";
import { type MockContext, openMockStream } from "./stream.ts";

interface ChatMessageIn {
  role: string;
  content?: string | null;
}

export function addOpenAiChatMock(app: Express, context: MockContext): void {
  app.post("/v1/chat/completions", async (req, res) => {
    const messages = (req.body?.messages ?? []) as ChatMessageIn[];
    const tool = messages.findLast((m) => m.role === "tool");
    const conversation = {
      lastUser: messages.findLast((m) => m.role === "user")?.content ?? "",
      toolOutput: tool ? JSON.parse(tool.content ?? "null") : undefined,
      chars: JSON.stringify(messages).length,
    };
    const { send, signal, end } = openMockStream(res, context);
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
      send({
        data: JSON.stringify({
          id: "chatcmpl-mock",
          object: "chat.completion.chunk",
          created,
          model: context.llm.model,
          choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
          ...extra,
        }),
      });
    let tokens = 0;
    let finish = "stop";
    try {
      await chunk({ role: "assistant", content: "" });
      for await (const step of planSteps(context.llm, conversation, signal)) {
        if (countsAsToken(step)) tokens++;
        if (step.kind === "text") await chunk({ content: step.delta });
        else if (step.kind === "reasoning") await chunk({ reasoning_content: step.delta });
        else if (step.kind === "tool-start")
          await chunk({
            tool_calls: [
              { index: 0, id: step.id, type: "function", function: { name: step.name, arguments: "" } },
            ],
          });
        else if (step.kind === "tool-args")
          await chunk({ tool_calls: [{ index: 0, function: { arguments: step.delta } }] });
        else if (step.kind === "tool-end") finish = "tool_calls";
        else if (step.kind === "fail") {
          // Mid-stream, the status is already 200: the error can only be an event.
          await send({
            data: JSON.stringify({ error: { message: step.message, type: "server_error", code: null } }),
          });
          return end();
        }
      }
    } catch {
      return; // the client left
    }
    await chunk({}, finish);
    if (req.body?.stream_options?.include_usage) {
      const input = Math.ceil(conversation.chars / 4);
      await send({
        data: JSON.stringify({
          id: "chatcmpl-mock",
          object: "chat.completion.chunk",
          created,
          model: context.llm.model,
          choices: [],
          usage: { prompt_tokens: input, completion_tokens: tokens, total_tokens: input + tokens },
        }),
      });
    }
    await send({ data: "[DONE]" });
    end();
  });
}
