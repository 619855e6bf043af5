// Mode 3, long polling: the server holds each request until there is news
// (a token past the cursor, or the end), or until a timeout; then the client
// asks again at once.
import { clientAddress, findJob, type JobStore, type StreamLimit } from "@workshop/server-kit";
import type { Express } from "express";
import { pollResponse, readCursor } from "./poll-response.ts";

export interface LongPolls {
  /** Requests being held right now (0 once every client has left). */
  held(): number;
  /** Answers every held request with what there is (graceful shutdown). */
  answerAll(): void;
}

export function addLongPollRoute(
  app: Express,
  jobs: JobStore,
  { timeoutMs, limit }: { timeoutMs: number; limit: StreamLimit },
): LongPolls {
  const held = new Set<() => void>();

  // #region long-poll
  app.get("/api/jobs/:id/wait", (req, res) => {
    const job = findJob(jobs, req.params.id);
    const cursor = readCursor(req.query.cursor, job);
    if (job.tokens.length > cursor || job.done) return res.json(pollResponse(job, cursor));

    // Nothing new yet: hold the request (429 if this client holds too many).
    // Three things can end the wait, and each must undo the other two, or a
    // timer or listener leaks per request.
    // #region hold
    const releaseSlot = limit.open(clientAddress(req));
    const answer = () => {
      release();
      res.json(pollResponse(job, cursor)); // on timeout: no tokens, same cursor
    };
    const unsubscribe = job.subscribe(answer); // 1. a token arrives or the job ends
    const timer = setTimeout(answer, timeoutMs); // 2. the timeout passes
    const release = () => {
      releaseSlot();
      unsubscribe();
      clearTimeout(timer);
      held.delete(answer);
      res.off("close", release);
    };
    res.on("close", release); // 3. the client goes away: release at once
    held.add(answer);
    // #endregion
  });
  // #endregion

  return {
    held: () => held.size,
    answerAll: () => {
      for (const answer of [...held]) answer();
    },
  };
}
