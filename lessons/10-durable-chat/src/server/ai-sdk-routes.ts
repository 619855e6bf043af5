// The AI SDK's own client, unchanged: `useChat({ resume: true })` with DefaultChatTransport.
// POST /api/chat sends (or regenerates) and reads the run as lesson 08's UI message
// stream; GET /api/chat/:id/stream reads the chat's run in progress from its start (the
// SDK replays a resumed stream into an empty answer), or answers 204 when none is.
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import { uiMessageWriter } from "@workshop/08-llm-apis/server/ui-message-stream.ts";
import { encodeEvent } from "@workshop/protocol";
import { clientAddress, HttpError, type StreamLimit } from "@workshop/server-kit";
import type { Express, Response } from "express";
import { z } from "zod";
import { Id, LIMITS, type SendBody } from "../protocol.ts";
import { chatIdOf } from "./chat-routes.ts";
import { type DurableChat, statusOf } from "./durable-chat.ts";
import type { Runs } from "./runs.ts";

/** What DefaultChatTransport posts: { id, messages, trigger, messageId }. Text parts are read. */
const AiSdkBody = z.object({
  id: Id,
  trigger: z.enum(["submit-message", "regenerate-message"]),
  messages: z
    .array(
      z.object({
        id: Id,
        role: z.enum(["user", "assistant", "system"]),
        parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).max(100),
      }),
    )
    .min(1)
    .max(LIMITS.messagesPerChat),
});

/** The send the body asks for: its last message is the user's (the SDK drops the answer it regenerates). */
function sendOf(body: z.infer<typeof AiSdkBody>): SendBody {
  const last = body.messages.at(-1);
  if (last?.role !== "user")
    throw new HttpError(400, "invalid_request", "messages: the last one must be the user's.");
  if (body.trigger === "regenerate-message") return { regenerate: last.id };
  const text = last.parts.map((part) => (part.type === "text" ? (part.text ?? "") : "")).join("");
  if (!text.trim() || text.length > LIMITS.messageChars)
    throw new HttpError(
      400,
      "invalid_request",
      `messages: the text is 1 to ${LIMITS.messageChars} characters.`,
    );
  return { id: last.id, text, parentId: body.messages.at(-2)?.id ?? null };
}

// #region ui-run-stream
/** The whole run, from its start, as a UI message stream whose message id is the answer's. */
async function streamRun(res: Response, runs: Runs, runId: string, messageId: string): Promise<void> {
  res.setHeader("x-vercel-ai-ui-message-stream", "v1");
  const stream = openEventStream(res);
  const emit = (chunk: Record<string, unknown>) =>
    void stream.send(encodeEvent({ data: JSON.stringify(chunk) }));
  // Lesson 08's writer, with the answer's own id: a resumed stream must name the same message.
  const writer = uiMessageWriter((chunk) => emit(chunk.type === "start" ? { ...chunk, messageId } : chunk));
  for await (const entry of runs.read(runId, -1, stream.signal)) {
    if (entry.type === "token") {
      writer.write({ type: "text", delta: entry.text });
      continue;
    }
    writer.close();
    const status = statusOf(entry);
    // How it ended, on the message itself (useChat keeps it as `metadata`): every tab can say "stopped".
    emit({ type: "message-metadata", messageMetadata: { status, tokens: entry.tokens } });
    if (status === "complete") emit({ type: "finish", finishReason: "stop" });
    else if (status === "max_tokens") emit({ type: "finish", finishReason: "length" });
    else if (status === "stopped") emit({ type: "abort", reason: "stopped" });
    // Cut (interrupted, failed): an error, never a finish.
    else emit({ type: "error", errorText: `The answer was cut off (${status}); it is not complete.` });
  }
  if (!stream.signal.aborted) void stream.send(encodeEvent({ data: "[DONE]" }));
  stream.end();
}
// #endregion

export function addAiSdkRoutes(app: Express, runs: Runs, chat: DurableChat, limit: StreamLimit): void {
  /** A reader's slot, taken before anything starts (429 over the bound); released when it leaves. */
  const readerSlot = (req: Parameters<typeof clientAddress>[0], res: Response) => {
    const release = limit.open(clientAddress(req));
    res.once("close", release);
    return (runId: string) => void res.once("close", chat.attachReader(runId));
  };

  app.post("/api/chat", async (req, res) => {
    const body = AiSdkBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new HttpError(400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    const send = sendOf(body.data);
    const reading = readerSlot(req, res); // a 429 here starts nothing
    const started = await chat.send(body.data.id, send, clientAddress(req));
    reading(started.runId);
    await streamRun(res, runs, started.runId, started.messageId);
  });

  // #region resume-route
  app.get("/api/chat/:chatId/stream", async (req, res) => {
    const active = await chat.activeRun(chatIdOf(req.params.chatId));
    if (!active) return void res.status(204).end(); // nothing running: useChat shows what it loaded
    readerSlot(req, res)(active.runId);
    await streamRun(res, runs, active.runId, active.messageId);
  });
  // #endregion
}
