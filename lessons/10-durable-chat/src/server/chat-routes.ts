// The page's routes: send a message (or regenerate an answer) to start a run, see
// the chat's tree, and Stop, which is a request of its own, never a disconnect.
import { clientAddress, HttpError } from "@workshop/server-kit";
import type { Express } from "express";
import { Id, SendBody } from "../protocol.ts";
import type { DurableChat } from "./durable-chat.ts";

const BOTH_SHAPES =
  'The body is { "id", "text", "parentId" } for a new message, or { "regenerate": "<user message id>" }.';

export function chatIdOf(value: unknown): string {
  const id = Id.safeParse(value);
  if (!id.success)
    throw new HttpError(400, "bad_chat_id", "A chat id is letters, digits, - and _ (at most 64).");
  return id.data;
}

export function addChatRoutes(app: Express, chat: DurableChat): void {
  // #region send-route
  app.post("/api/chats/:chatId/messages", async (req, res) => {
    const chatId = chatIdOf(req.params.chatId);
    const body = SendBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      const where = issue?.path.join(".");
      throw new HttpError(400, "invalid_request", where ? `${where}: ${issue?.message}` : BOTH_SHAPES);
    }
    // 202: the run has started; reading it is another request (GET /api/runs/:runId/events).
    res.status(202).json(await chat.send(chatId, body.data, clientAddress(req)));
  });
  // #endregion

  app.get("/api/chats/:chatId", async (req, res) => {
    const chatId = chatIdOf(req.params.chatId);
    // The page makes a chat's id before its first message: until then, the chat is empty.
    res.json((await chat.view(chatId)) ?? { id: chatId, messages: [], branch: [], activeRun: null });
  });

  // #region stop-route
  app.post("/api/chat/:chatId/stop", async (req, res) => {
    res.json({ stopped: await chat.stop(chatIdOf(req.params.chatId)) });
  });
  // #endregion
}
