// GET /api/runs/:runId/events: one run's log as lesson 02's event stream. Each token
// carries its offset as `id:`, so a reader resumes exactly where it stopped: an
// EventSource by Last-Event-ID, the page (after a reload) by ?after=<offset> it kept
// in sessionStorage. Leaving ends this reader, never the run.
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import { encodeEvent } from "@workshop/protocol";
import { clientAddress, HttpError, type StreamLimit } from "@workshop/server-kit";
import type { Express, Request } from "express";
import { type EndData, Id, RUN_EVENTS, type TokenData } from "../protocol.ts";
import { type DurableChat, statusOf } from "./durable-chat.ts";
import type { Runs } from "./runs.ts";

// #region resume-offset
/**
 * The last offset the reader has: Last-Event-ID (an EventSource reconnecting: newer than
 * its address, which it keeps) or ?after= (the page's kept offset). Anything else, or
 * nothing, reads from the start (-1): replaying is visible and harmless, skipping is not.
 */
export function readerHas(req: Request): number {
  const kept = req.get("Last-Event-ID") ?? req.query.after;
  return typeof kept === "string" && /^\d{1,9}$/.test(kept) ? Number(kept) : -1;
}
// #endregion

export function addRunEventsRoute(app: Express, runs: Runs, chat: DurableChat, limit: StreamLimit): void {
  app.get("/api/runs/:runId/events", async (req, res) => {
    const runId = Id.safeParse(req.params.runId);
    if (!runId.success) throw new HttpError(400, "bad_run_id", "A run id is letters, digits, - and _.");
    if (!(await runs.exists(runId.data))) throw new HttpError(404, "unknown_run", `No run ${runId.data}.`);
    const after = readerHas(req);
    const endedAt = await runs.endedAt(runId.data);
    if (endedAt !== undefined && after >= endedAt) {
      // A reader that has everything, `end` included: 204 tells an EventSource not to come back.
      if (after === endedAt) return void res.status(204).end();
      throw new HttpError(
        416,
        "offset_beyond_end",
        `Run ${runId.data} ended after ${endedAt} tokens; offset ${after} is past it.`,
      );
    }
    const release = limit.open(clientAddress(req)); // 429 over the bound
    const leave = chat.attachReader(runId.data);
    res.once("close", () => {
      leave();
      release();
    });
    // #region run-stream
    const stream = openEventStream(res, { retryMs: 1000 });
    for await (const entry of runs.read(runId.data, after, stream.signal)) {
      if (entry.type === "token") {
        const data: TokenData = { text: entry.text };
        await stream.send(
          encodeEvent({ event: RUN_EVENTS.token, id: String(entry.seq), data: JSON.stringify(data) }),
        );
      } else {
        const data: EndData = { reason: statusOf(entry) as EndData["reason"], tokens: entry.tokens };
        // Its id is the token count: a reconnect after it is told 204 above.
        await stream.send(
          encodeEvent({ event: RUN_EVENTS.end, id: String(entry.tokens), data: JSON.stringify(data) }),
        );
      }
    }
    // #endregion
    stream.end();
  });
}
