// Lesson 10's messages, written once: imported by the server, the page and the tests.
// A run's log is lesson 02's event stream (`id:` is the token's offset); the AI SDK
// page speaks lesson 08's UI message stream instead.
import { z } from "zod";

export const LIMITS = {
  /** Characters in one message a user sends. */
  messageChars: 4000,
  /** Messages one chat keeps (both roles, every branch); one more is refused with 413. */
  messagesPerChat: 200,
  /** Tokens one run may write; the answer then ends with reason "max_tokens". */
  tokensPerRun: 2000,
  /** JSON bodies (the AI SDK sends the whole conversation with every message). */
  bodyBytes: 256 * 1024,
} as const;

/** Chat and message ids: the page's and the AI SDK's generated ids, nothing that could be a path. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _, at most 64");

// #region send-body
/** POST /api/chats/:chatId/messages: a new message, or another answer to one already sent. */
export const SendBody = z.union([
  z.object({
    /** Made by the page before sending: the same id sent twice is one message, one generation. */
    id: Id,
    text: z.string().trim().min(1).max(LIMITS.messageChars),
    /** The message it answers (the leaf of the branch the page shows); null for the first. */
    parentId: Id.nullable(),
  }),
  /** Regenerate: one more answer to this user message, kept beside the old ones. */
  z.object({ regenerate: Id }),
]);
export type SendBody = z.infer<typeof SendBody>;
// #endregion

/** How a run ended, as its log's last event says. */
export type RunEndReason =
  | "complete"
  /** Someone pressed Stop, in any tab (or nobody read it for too long: see README "Limits"). */
  | "stopped"
  /** It reached LIMITS.tokensPerRun. */
  | "max_tokens"
  /** Its generator died (the server restarted mid-answer): cut, never reported as finished. */
  | "interrupted"
  | "failed";

/** What POST /api/chats/:chatId/messages answers (202): the run to read, not the answer. */
export interface RunStarted {
  runId: string;
  /** The answer's message id. */
  messageId: string;
  userMessageId: string;
  /** True when this send repeated one already made (a double click, a retry): no new generation. */
  repeated: boolean;
}

// #region run-events
/** GET /api/runs/:runId/events: `event: token` with `id: <offset>`, then one `event: end`. */
export const RUN_EVENTS = { token: "token", end: "end" } as const;
export interface TokenData {
  text: string;
}
export interface EndData {
  reason: RunEndReason;
  /** Tokens the run generated: what was billed, whoever was reading. */
  tokens: number;
}
// #endregion

export type MessageStatus = "streaming" | RunEndReason;

export interface MessageView {
  id: string;
  role: "user" | "assistant";
  parentId: string | null;
  /** A streaming answer's text is its run's log: read the run for it. */
  text: string;
  status: MessageStatus;
  /** Answers only: the run that generates (or generated) it, and its token count once ended. */
  runId?: string;
  tokens?: number;
}

/** GET /api/chats/:chatId: the whole tree, the branch shown last, and the run in progress. */
export interface ChatView {
  id: string;
  messages: MessageView[];
  /** Message ids from the first message to the current leaf. */
  branch: string[];
  activeRun: { runId: string; messageId: string } | null;
}

/** An error a route answers with, as every lesson's: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: string; message: string };
}
