// GET /api/jobs/:id/events on any instance: lesson 02's event stream (the same
// headers, retry, heartbeat and event names), fed from the job's Redis Stream
// instead of this process's memory. Plus `event: interrupted` when the
// generating instance died: said out loud, never a silent hang.
import { EVENTS } from "@workshop/02-sse/protocol";
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import type { OpenStreams } from "@workshop/02-sse/server/open-streams.ts";
import { encodeEvent } from "@workshop/protocol";
import { HttpError } from "@workshop/server-kit";
import type { Express, Request } from "express";
import { JOB_EVENTS } from "../protocol.ts";
import type { JobEntry, JobStreams } from "./job-streams.ts";

/** The seq the browser last saw (Last-Event-ID), -1 for none or anything malformed. */
function lastSeq(req: Request): number {
  const header = req.get("Last-Event-ID");
  return header !== undefined && /^\d{1,9}$/.test(header) ? Number(header) : -1;
}

/**
 * One entry as an event. A token's and done's id is a position a reconnect resumes after
 * (done's is the token count: a client that saw it has everything); `interrupted` has none.
 */
function wireOf(entry: JobEntry): string {
  switch (entry.type) {
    case "token":
      return encodeEvent({
        id: String(entry.seq),
        event: EVENTS.token,
        data: JSON.stringify({ seq: entry.seq, text: entry.text }),
      });
    case "done":
      return encodeEvent({ id: String(entry.tokens), event: EVENTS.done, data: JSON.stringify(entry) });
    case "interrupted":
      return encodeEvent({ event: JOB_EVENTS.interrupted, data: JSON.stringify(entry) });
  }
}

export function addJobEventsRoute(
  app: Express,
  jobs: JobStreams,
  settings: { retryMs: number; heartbeatMs: number; instance: string; open: OpenStreams },
): void {
  app.get("/api/jobs/:id/events", async (req, res) => {
    const id = req.params.id;
    if (!(await jobs.exists(id)))
      throw new HttpError(404, "job_not_found", `No job ${id}; it may have expired.`);
    const after = lastSeq(req);
    const finished = await jobs.finishedWith(id);
    // The done event's id is the token count: a client that saw it has everything.
    if (finished !== undefined && after >= finished) return void res.status(204).end();
    // Its generation died and the client has every token there will ever be: 204 too, or an
    // EventSource that ignores `interrupted` would reconnect to hear it again, forever.
    const interrupted = await jobs.interruptedAt(id);
    if (interrupted !== undefined && after + 1 >= interrupted) return void res.status(204).end();

    // Each follower holds a Redis connection of its own (a blocking read): counted in the
    // client's stream budget with its notice streams (429 past it), released when it leaves.
    settings.open.track(req, res);
    const stream = openEventStream(res, settings);
    await stream.send(encodeEvent({ event: JOB_EVENTS.servedBy, data: settings.instance }));
    for await (const entry of jobs.read(id, after, stream.signal)) {
      if (!(await stream.send(wireOf(entry)))) return; // the client left
    }
    stream.end();
  });
}
