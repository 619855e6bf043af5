// The page's routes: send a message (or regenerate an answer) to start a run, see
// the chat's tree, and Stop, which is a request of its own, never a disconnect.
import { clientAddress, HttpError } from "@workshop/server-kit";
import type { Express } from "express";
import { Id, SendBody } from "../protocol.ts";
import type { DurableChat } from "./durable-chat.ts";

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
      throw new HttpError(400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    // 202: the run has started; reading it is another request (GET /api/runs/:runId/events).
    res.status(202).json(await chat.send(chatId, body.data, clientAddress(req)));
  });
  // #endregion

  app.get("/api/chats/:chatId", async (req, res) => {
    const view = await chat.view(chatIdOf(req.params.chatId));
    if (!view)
      throw new HttpError(
        404,
        "unknown_chat",
        "No chat with that id (a new chat exists once it has a message).",
      );
    res.json(view);
  });

  // #region stop-route
  app.post("/api/chat/:chatId/stop", async (req, res) => {
    res.json({ stopped: await chat.stop(chatIdOf(req.params.chatId)) });
  });
  // #endregion
}
