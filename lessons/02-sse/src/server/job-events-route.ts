// GET /api/jobs/:id/events: a job's tokens as Server-Sent Events, resumable.
import { encodeEvent } from "@workshop/protocol";
import { findJob, type Job, type JobStore } from "@workshop/server-kit";
import type { Express } from "express";
import { type DoneData, EVENTS } from "../protocol.ts";
import { openEventStream } from "./event-stream.ts";
import { resumeFrom } from "./last-event-id.ts";

import type { StreamSettings } from "./open-streams.ts";

// #region job-events
export function addJobEventsRoute(app: Express, jobs: JobStore, settings: StreamSettings): void {
  app.get("/api/jobs/:id/events", async (req, res) => {
    const job = findJob(jobs, req.params.id); // unknown → 404: EventSource gives up for good
    let next = resumeFrom(req, job);
    if (job.done && next > job.tokens.length) {
      // The client already has everything, done included. 204 is the one
      // answer that makes EventSource stop reconnecting without an error page.
      res.status(204).end();
      return;
    }

    settings.open.track(req, res); // 429 when this client has too many streams open
    const stream = openEventStream(res, settings);

    // Replay what the client missed, then follow the job live. Tokens are
    // numbered, so "what it missed" is exact: nothing lost, nothing twice.
    while (!stream.signal.aborted) {
      while (next < job.tokens.length) {
        const token = job.tokens[next++] as Job["tokens"][number];
        const wire = encodeEvent({ id: String(token.seq), event: EVENTS.token, data: JSON.stringify(token) });
        if (!(await stream.send(wire))) return; // client gone
      }
      if (job.done) {
        const done: DoneData = { tokens: job.tokens.length };
        await stream.send(
          encodeEvent({ id: String(job.tokens.length), event: EVENTS.done, data: JSON.stringify(done) }),
        );
        stream.end();
        return;
      }
      await nextChange(job, stream.signal);
    }
  });
}
// #endregion

/** Resolves when the job gets a token or ends, or the stream closes; leaves no listener behind. */
function nextChange(job: Job, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      signal.removeEventListener("abort", done);
      resolve();
    };
    const unsubscribe = job.subscribe(done);
    signal.addEventListener("abort", done, { once: true });
  });
}
