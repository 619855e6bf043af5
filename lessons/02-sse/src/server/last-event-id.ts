// Where a reconnecting EventSource wants to resume. The browser sends the id
// of the last event it received in the Last-Event-ID header (WHATWG HTML
// §9.2.4, "reestablish the connection").
import type { Job } from "@workshop/server-kit";
import type { Request } from "express";

/**
 * The seq to continue from. Token ids are their seq; the done event's id is
 * the token count. A missing, malformed or unknown id (not a whole number, or
 * beyond anything this job has sent) starts from the beginning: replaying too
 * much is visible and harmless (the client dedupes by seq), skipping is not.
 */
export function resumeFrom(req: Request, job: Job): number {
  // #region resume-from
  const header = req.get("Last-Event-ID");
  if (header === undefined || !/^\d{1,9}$/.test(header)) return 0;
  const lastSeq = Number(header);
  const furthest = job.done ? job.tokens.length : job.tokens.length - 1;
  return lastSeq <= furthest ? lastSeq + 1 : 0;
  // #endregion
}
