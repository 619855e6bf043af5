// POST /api/ui-chat: the same conversation, framed as the Vercel AI SDK's UI
// message stream (v1; ai-sdk.dev/docs/ai-sdk-ui/stream-protocol), so a React
// page using `useChat` from @ai-sdk/react works against it unchanged. A
// front-end protocol, not a provider's: parts open, stream deltas, and close.
import { randomUUID } from "node:crypto";
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import { encodeEvent } from "@workshop/protocol";
import type { Express, Response } from "express";
import { z } from "zod";
import { type ChatEvent, ChatRequest, LIMITS, PROVIDERS } from "../protocol.ts";
import { type ChatRouteOptions, sendInvalidRequest, serveChat } from "./chat-route.ts";

/**
 * What useChat sends: { id, messages: UIMessage[], trigger }. Only the text parts are read;
 * other parts (files, tool calls) pass through unread. Checked before anything is read
 * from it, so `messages: "x"` or a part that is not an object is a 400, not a crash.
 */
const UiChatBody = z.object({
  messages: z
    .array(
      z.object({
        role: z.string(),
        parts: z
          .array(z.looseObject({ type: z.string(), text: z.string().optional() }))
          .max(100)
          .default([]),
      }),
    )
    .max(LIMITS.messages),
});

// #region ui-message-stream
/** Maps the lesson's events to UI message chunks, opening and closing text and reasoning parts. */
export function uiMessageWriter(emit: (chunk: Record<string, unknown>) => void) {
  // #region ui-parts
  let openPart: { kind: "text" | "reasoning"; id: string } | undefined;
  const close = () => {
    if (openPart) emit({ type: `${openPart.kind}-end`, id: openPart.id });
    openPart = undefined;
  };
  const delta = (kind: "text" | "reasoning", text: string) => {
    if (openPart?.kind !== kind) {
      close();
      openPart = { kind, id: `${kind}-${randomUUID().slice(0, 8)}` };
      emit({ type: `${kind}-start`, id: openPart.id });
    }
    emit({ type: `${kind}-delta`, id: openPart.id, delta: text });
  };
  // #endregion
  emit({ type: "start", messageId: `msg-${randomUUID()}` });
  return {
    write(event: ChatEvent): void {
      if (event.type === "text" || event.type === "reasoning") {
        delta(event.type, event.delta);
        return;
      }
      if (event.type === "wire" || event.type === "usage") return; // not part of the UI protocol
      close();
      if (event.type === "tool-call-start")
        emit({ type: "tool-input-start", toolCallId: event.id, toolName: event.name });
      else if (event.type === "tool-call-delta")
        emit({ type: "tool-input-delta", toolCallId: event.id, inputTextDelta: event.delta });
      else if (event.type === "tool-call-end")
        emit({
          type: "tool-input-available",
          toolCallId: event.id,
          toolName: event.name,
          input: event.input,
        });
      else if (event.type === "tool-result")
        emit({ type: "tool-output-available", toolCallId: event.id, output: event.output });
      else if (event.type === "error") emit({ type: "error", errorText: event.message });
      else if (event.type === "finish") emit({ type: "finish" });
    },
    close,
  };
}
// #endregion

export function addUiChatRoute(app: Express, options: ChatRouteOptions): void {
  app.post("/api/ui-chat", async (req, res) => {
    // ?provider= picks the format.
    const body = UiChatBody.safeParse(req.body);
    const messages = body.success
      ? body.data.messages.map((m) => ({
          role: m.role,
          content: m.parts.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join(""),
        }))
      : undefined;
    const provider = String(req.query.provider ?? req.body?.provider ?? "openai-chat");
    const parsed = body.success ? ChatRequest.safeParse({ provider, messages }) : body;
    if (!parsed.success)
      return sendInvalidRequest(res, parsed.error, ` (providers: ${PROVIDERS.join(", ")})`);
    await serveChat(req, res, options, parsed.data, {
      open(res: Response) {
        res.setHeader("x-vercel-ai-ui-message-stream", "v1");
        const stream = openEventStream(res); // a comment every 15 s (lesson 02's default) keeps proxies from cutting a quiet answer;
        const writer = uiMessageWriter(
          (chunk) => void stream.send(encodeEvent({ data: JSON.stringify(chunk) })),
        );
        return {
          write: writer.write,
          end() {
            writer.close();
            void stream.send(encodeEvent({ data: "[DONE]" })); // the protocol's end marker
            stream.end();
          },
        };
      },
    });
  });
}
