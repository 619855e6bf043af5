// Lesson 04's wire format: the browser reads the OpenAI chat.completions
// stream format, whatever the upstream provider speaks. Written once here,
// imported by the BFF (which writes it) and the page (which reads it).
import { z } from "zod";

// #region chat-request
export const MAX_MESSAGES = 50;
export const MAX_CONTENT_LENGTH = 8000;

/**
 * POST /api/chat: the whole conversation, every turn (the server keeps no
 * history). No `system` role: the system prompt is the server's, as is the
 * choice of models (`model` must be one that GET /api/models lists).
 */
export const ChatRequest = z.object({
  messages: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"], {
          error: "only user and assistant messages; the server owns the system prompt",
        }),
        content: z.string().trim().min(1).max(MAX_CONTENT_LENGTH),
      }),
    )
    .min(1)
    .max(MAX_MESSAGES)
    .refine((messages) => messages.at(-1)?.role === "user", "the last message must be the user's"),
  model: z.string().min(1).max(100).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;
// #endregion

/** GET /api/models: the models a request may name, and the one used when it names none. */
export interface ModelList {
  models: string[];
  default: string;
}

/** One `data:` payload of the stream (OpenAI's chat.completion.chunk). */
export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: [
    {
      index: 0;
      delta: { role?: "assistant"; content?: string };
      finish_reason: "stop" | "length" | null;
    },
  ];
}

/** Sent instead of a chunk when the stream fails after it started; then the stream ends. */
export interface StreamError {
  error: { code: string; message: string };
}

/** The last `data:` of a successful stream. */
export const DONE = "[DONE]";
