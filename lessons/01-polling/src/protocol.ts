// Lesson 01's messages, imported by the server and the page alike.
import type { Token } from "@workshop/protocol";

/** POST /api/complete: the whole reply, once generation has ended. */
export interface CompleteResponse {
  text: string;
  tokenCount: number;
  /** How long the server spent generating: the user waited at least this long. */
  generationMs: number;
}

// #region poll-response
/**
 * GET /api/jobs/:id?cursor=N (short poll) and GET /api/jobs/:id/wait?cursor=N
 * (long poll). `tokens` are those after the cursor; `cursor` is where the next
 * poll starts. Sending back the cursor you were given is what makes polling
 * lose nothing and repeat nothing.
 */
export interface PollResponse {
  tokens: Token[];
  cursor: number;
  done: boolean;
}
// #endregion
