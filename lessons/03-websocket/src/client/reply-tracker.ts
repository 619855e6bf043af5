// What the page knows about the reply in flight, so that after a reconnect it
// can ask for exactly what it missed: resume { jobId, afterSeq: lastSeq }.
import type { ClientMessage, ServerMessage } from "../protocol.ts";

export interface ReplyTracker {
  jobId?: string;
  /** seq of the last token shown; -1 before the first. */
  lastSeq: number;
  text: string;
  done: boolean;
  duplicates: number;
  gaps: number;
}

export const newReply = (): ReplyTracker => ({ lastSeq: -1, text: "", done: false, duplicates: 0, gaps: 0 });

// #region track
/** Applies a server message to the reply; returns true if the text changed. */
export function track(reply: ReplyTracker, message: ServerMessage): boolean {
  if (message.type === "started") {
    Object.assign(reply, newReply(), { jobId: message.jobId });
    return true;
  }
  if (!("jobId" in message) || message.jobId !== reply.jobId) return false;
  if (message.type === "done") reply.done = true;
  if (message.type !== "token") return false;
  if (message.seq <= reply.lastSeq) {
    reply.duplicates++; // already shown: a resume overlapped, ignore it
    return false;
  }
  if (message.seq > reply.lastSeq + 1) reply.gaps++; // something was lost
  reply.lastSeq = message.seq;
  reply.text += message.text;
  return true;
}

/** After a reconnect: what to send so the server continues where we stopped. */
export function resumeMessage(reply: ReplyTracker): ClientMessage | undefined {
  if (!reply.jobId || reply.done) return undefined;
  return { type: "resume", jobId: reply.jobId, afterSeq: reply.lastSeq };
}
// #endregion
