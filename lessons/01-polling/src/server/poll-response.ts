import type { Job } from "@workshop/server-kit";
import { HttpError, readCount } from "@workshop/server-kit";
import type { PollResponse } from "../protocol.ts";

/** The cursor a client sent: 0 when absent, 400 when not a count or past the end. */
export function readCursor(value: unknown, job: Job): number {
  const cursor = readCount(value, "cursor", 0);
  if (cursor > job.tokens.length) {
    throw new HttpError(
      400,
      "invalid_cursor",
      `cursor ${cursor} is past the ${job.tokens.length} tokens generated so far.`,
    );
  }
  return cursor;
}

export function pollResponse(job: Job, cursor: number): PollResponse {
  return { tokens: job.tokens.slice(cursor), cursor: job.tokens.length, done: job.done };
}
