// Gemini, streamed (ai.google.dev/api/generate-content#method:-models.streamgeneratecontent):
// POST /v1beta/models/{model}:streamGenerateContent?alt=sse. Every event is a
// whole GenerateContentResponse (candidates → content → parts), no event
// names and no `[DONE]`: the stream just ends, the last event carrying
// finishReason and usageMetadata. Thoughts are parts with `thought: true`; a
// function call arrives as ONE part with its arguments already parsed: no
// argument fragments to reassemble here.
import type { Express } from "express";
import { countsAsToken, planSteps } from "./steps.ts";
import { type MockContext, openMockStream } from "./stream.ts";

interface Part {
  text?: string;
  thought?: boolean;
  functionResponse?: { name: string; response: unknown };
}
interface ContentIn {
  role?: string;
  parts: Part[];
}

export function addGeminiMock(app: Express, context: MockContext): void {
  app.post(/^\/v1beta\/models\/([^/:]+):streamGenerateContent$/, async (req, res) => {
    const contents = (req.body?.contents ?? []) as ContentIn[];
    const response = contents.at(-1)?.parts.find((p) => p.functionResponse)?.functionResponse;
    const conversation = {
      lastUser: (
        contents.findLast((c) => c.role !== "model" && c.parts.some((p) => p.text)) ?? { parts: [] }
      ).parts
        .map((p) => p.text ?? "")
        .join(""),
      toolOutput: response ? (response.response as { output?: unknown }).output : undefined,
      chars: JSON.stringify(contents).length,
    };
    const { send, signal, end } = openMockStream(res, context);
    const inputTokens = Math.ceil(conversation.chars / 4);
    let tokens = 0;
    let thoughts = 0;
    const chunk = (parts: object[], extra: object = {}) =>
      send({
        data: JSON.stringify({
          candidates: [{ content: { parts, role: "model" }, index: 0, ...extra }],
          usageMetadata: { promptTokenCount: inputTokens },
          modelVersion: context.llm.model,
          responseId: "mock",
        }),
      });
    try {
      for await (const step of planSteps(context.llm, conversation, signal)) {
        if (countsAsToken(step)) tokens++;
        if (step.kind === "reasoning") {
          thoughts++;
          await chunk([{ text: step.delta, thought: true }]);
        } else if (step.kind === "text") await chunk([{ text: step.delta }]);
        else if (step.kind === "tool-end")
          await chunk([{ functionCall: { name: step.name, args: step.input } }]);
        else if (step.kind === "fail") {
          await send({
            data: JSON.stringify({ error: { code: 503, message: step.message, status: "UNAVAILABLE" } }),
          });
          return end();
        }
        // tool-start / tool-args: Gemini does not stream arguments; the call comes whole, above.
      }
    } catch {
      return; // the client left
    }
    await send({
      data: JSON.stringify({
        candidates: [{ content: { parts: [{ text: "" }], role: "model" }, finishReason: "STOP", index: 0 }],
        usageMetadata: {
          promptTokenCount: inputTokens,
          candidatesTokenCount: tokens - thoughts,
          thoughtsTokenCount: thoughts,
          totalTokenCount: inputTokens + tokens,
        },
        modelVersion: context.llm.model,
        responseId: "mock",
      }),
    });
    end();
  });
}
