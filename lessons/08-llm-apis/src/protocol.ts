// Lesson 08's one stream: whatever the provider's wire format, the BFF turns
// it into these events, and the page reads only these. Written once, here,
// and imported by the server's adapters and by the page.
import { z } from "zod";

// #region providers
/** The five wire formats the lesson puts side by side. */
export const PROVIDERS = ["openai-chat", "openai-responses", "anthropic", "gemini", "dashscope"] as const;
export type Provider = (typeof PROVIDERS)[number];
// #endregion

// #region chat-events
export type ChatEvent =
  | { type: "text"; delta: string }
  | { type: "reasoning"; delta: string }
  /** A tool call begins: its arguments follow as JSON text in pieces. */
  | { type: "tool-call-start"; id: string; name: string }
  | { type: "tool-call-delta"; id: string; delta: string }
  /** All its arguments arrived and parsed. */
  | { type: "tool-call-end"; id: string; name: string; input: unknown }
  /** The server ran the tool; a second model call continues with this. */
  | { type: "tool-result"; id: string; output: unknown }
  /** Counted by the provider; only sent at the end, so a cut stream never has it. */
  | { type: "usage"; inputTokens: number; outputTokens: number }
  | { type: "error"; code: string; message: string }
  | { type: "finish"; reason: string }
  /** The mock upstream's raw event, for the page's wire pane (never sent for a real provider). */
  | { type: "wire"; event: string; data: string };
// #endregion

/**
 * What POST /api/chat (and /api/ui-chat) take: the server checks them, and the page keeps
 * to them (conversation.ts), so a long conversation never jams on a 400 or 413.
 */
export const LIMITS = { messages: 50, contentLength: 20_000, bodyBytes: 512 * 1024 } as const;

export const ChatRequest = z.object({
  provider: z.enum(PROVIDERS),
  messages: z
    .array(
      z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1).max(LIMITS.contentLength) }),
    )
    .min(1)
    .max(LIMITS.messages),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

/** Prompts that make the mock upstreams take each path (see README "Try these"). */
export const PROMPTS = {
  tool: "What is the weather in Hangzhou?",
  calculator: "calc: 12 * (3 + 4)",
  reasoning: "think: why stream?",
  error: "fail: overloaded",
  unknownEvent: "surprise: why stream?",
} as const;
