// What useChat starts from after a reload: the current branch as the server keeps it,
// without the answer still being generated. `resume: true` then asks
// GET /api/chat/:id/stream, which replays that answer from its start into a new message.
import type { UIMessage } from "ai";
import type { ChatView } from "../protocol.ts";

export function initialMessages(view: ChatView | undefined): UIMessage[] {
  if (!view) return [];
  return view.branch
    .filter((id) => id !== view.activeRun?.messageId)
    .map((id) => view.messages.find((m) => m.id === id))
    .filter((m) => m !== undefined)
    .map((m) => ({
      id: m.id,
      role: m.role,
      parts: [{ type: "text", text: m.text }],
      metadata: { status: m.status, tokens: m.tokens },
    }));
}
